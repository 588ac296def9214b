// Every place the PDF sends a reader is where the thing is printed: a bookmark jumps to its
// heading's line, a link to its item's page. The page is printed at PRINT_SCALE and scaled back
// to A4 by the finish (pdf-scale.ts); a destination scaled twice (or not at all) puts a bookmark
// hundreds of points above or below its heading while every number and page still looks right.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocument, loadReferat } from '../../src-main/core/documents/documents.service';
import { LAYOUT } from '../../src-main/core/documents/layout';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { fixtureStores, headingPages, pdfPages, squash, writeTemp } from './documents-helpers';

const printer = playwrightPrinter();
const { stores, ids } = fixtureStores();
afterAll(() => printer.close());

type Outline = { title: string; dest: unknown[]; destpageposfrom1: number; kids: Outline[] };

/** The outline as qpdf reads it: each entry's title, page and destination (a direct /Dest or a GoTo action's). */
function outline(file: string): Outline[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { outlines: Outline[] };
  const out: Outline[] = [];
  const walk = (o: Outline[]): void => o.forEach((e) => (out.push(e), walk(e.kids)));
  walk(json.outlines);
  return out;
}

/** The named destinations (/Dests) as qpdf reads them: name -> [page ref, /XYZ, left, top, zoom]. */
function namedDests(file: string): Map<string, unknown[]> {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
  const objects = json.qpdf[1];
  const trailer = objects.trailer!.value as { '/Root': string };
  const catalog = objects[`obj:${trailer['/Root']}`]!.value as { '/Dests'?: string };
  const dests = objects[`obj:${catalog['/Dests']}`]!.value as Record<string, unknown[]>;
  return new Map(Object.entries(dests).map(([k, v]) => [k.slice(1), v]));
}

const ENTITIES: Record<string, string> = { amp: '&', apos: "'", quot: '"', lt: '<', gt: '>' };

/** Each printed line (pdftotext -bbox-layout) with its page and its top, in points from the page's bottom. */
function lines(file: string): { page: number; text: string; top: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return xml.split('<page ').slice(1).flatMap((p, i) => {
    const height = Number(/height="([\d.]+)"/.exec(p)![1]);
    return [...p.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
      page: i + 1,
      top: height - Number(m[1]),
      text: squash([...m[2]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ').replace(/&(amp|apos|quot|lt|gt);/g, (_, e: string) => ENTITIES[e]!)),
    }));
  });
}

/** One body line, in points: how far a reader may land from a heading and still see it first. */
const LINE = LAYOUT.bodyLineTw / 20;

describe('the PDF sends a reader where the thing is printed', () => {
  for (const fixture of ['reference', 'rich'] as const) {
    it(`${fixture}: each bookmark's destination is its heading's line, and each link's its item's page`, async () => {
      const meetingId = ids[fixture]!;
      const { doc } = await loadReferat(stores[fixture].db, { meetingId, kind: 'minutes', public: false });
      const r = await exportDocument(stores[fixture].db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf' });
      const file = writeTemp('dest.pdf', r.bytes);
      const printed = lines(file);

      const entries = outline(file);
      expect(entries.length).toBeGreaterThan(doc.chapters.length);
      for (const e of entries) {
        const top = Number(e.dest[3]);
        // The heading's line on that page nearest the destination (a title may wrap: its first words).
        const start = e.title.split(' ').slice(0, 3).join(' ');
        const candidates = printed.filter((l) => l.page === e.destpageposfrom1 && l.text.startsWith(start));
        expect(candidates.length, `a line "${start}…" on page ${e.destpageposfrom1}`).toBeGreaterThan(0);
        const miss = Math.min(...candidates.map((l) => Math.abs(l.top - top)));
        expect(miss, `bookmark "${e.title}": its destination is ${miss.toFixed(1)} pt from its heading`).toBeLessThanOrEqual(LINE);
      }

      // Links name their targets; each named destination is on its item's page, at or above its heading.
      const dests = namedDests(file);
      const pages = headingPages(pdfPages(file), doc.chapters.map((c) => c.heading));
      for (const c of doc.chapters) {
        const dest = dests.get(c.anchor)!;
        const heading = printed.find((l) => l.page === pages.get(c.heading) && c.heading.startsWith(l.text.slice(0, 20)))!;
        expect(Number(dest[3])).toBeGreaterThanOrEqual(heading.top - LINE);
        expect(Number(dest[3])).toBeLessThanOrEqual(842.1);
      }
    });
  }
});
