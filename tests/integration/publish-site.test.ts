// The website folder: what a closed item shows, that nothing of it leaks into any file, that every
// link resolves inside the folder, the mødeplan's calendar, and that re-publishing is idempotent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import * as fix from '../helpers/publish-site';
import { sha256Hex } from '../../src-main/core/util/canonical';
import { buildSite } from '../../src-main/core/publish/site';
import { readManifest, writeSite } from '../../src-main/core/publish/write-site';

const richMeeting = fix.richMeeting;
const refMeeting = fix.refMeeting;
const planned = fix.plannedMeeting;
const input = fix.siteInput;
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('the website folder', () => {
  it('shows a closed item only by its public title, the closing note and, where published, the decision', () => {
    for (const profile of ['committee', 'council'] as const) {
      const site = buildSite(input([richMeeting], profile));
      const pages = site.files.filter((f) => /punkt-\d+\.html$/.test(f.path));
      expect(pages.map((f) => f.path)).toContain('2026/2026-03-10-obu/punkt-3.html');
      const closedSale = text(site.files.find((f) => f.path === '2026/2026-03-10-obu/punkt-3.html')!.bytes);
      expect(closedSale).toMatch(/<h1>Punkt 3: Lukket punkt<\/h1>/);
      expect(closedSale).toContain('Punktet er behandlet for lukkede døre.');
      expect(closedSale).not.toMatch(/<h2>Bilag<\/h2>/);
      const personnel = text(site.files.find((f) => f.path === '2026/2026-03-10-obu/punkt-4.html')!.bytes);
      expect(personnel).toMatch(/<h1>Punkt 4: Lukket punkt<\/h1>/);
      // Punkt 4's decision is marked public: its text is on the page.
      const decision = richMeeting.items[3]!.decision!.text!.split('\n')[0]!.slice(0, 30);
      expect(personnel).toContain(decision.replace(/&/g, '&amp;'));
    }
  });

  it('puts no closed text into any file of the folder, under either publication profile', () => {
    const secretsOf = (profile: 'council' | 'committee'): string[] => [richMeeting, refMeeting].flatMap((m) =>
      m.items.filter((it) => it.access === 'closed').flatMap((it) => [
        it.title,
        ...(it.caseNumber ? [it.caseNumber] : []),
        ...(it.sections ?? []).flatMap((s) => s.body.split('\n').map((l) => l.trim()).filter((l) => l.length > 25)),
        ...(it.attachments ?? []).map((a) => a.title),
        // The decision is withheld when marked so, or unmarked under the committee profile (issue 9).
        ...((it.decision?.public ?? profile === 'council') ? [] : (it.decision?.text ?? '').split('\n').filter((l) => l.trim().length > 25)),
      ]),
    ).concat(richMeeting.items.flatMap((it) => (it.attachments ?? []).filter((a) => a.access === 'closed').map((a) => a.title)));
    for (const profile of ['committee', 'council'] as const) {
      const secrets = secretsOf(profile);
      expect(secrets.length).toBeGreaterThan(3);
      const site = buildSite(input([richMeeting, refMeeting], profile));
      for (const f of site.files) {
        const t = text(f.bytes);
        for (const s of secrets) expect(t.includes(s) || t.includes(s.replace(/&/g, '&amp;')), `${f.path} holds "${s}"`).toBe(false);
      }
    }
  });

  it('links only to files inside the folder, and every one of them exists', () => {
    const site = buildSite(input([richMeeting, refMeeting, planned]));
    const paths = new Set(site.files.map((f) => f.path));
    let links = 0;
    for (const f of site.files.filter((x) => x.path.endsWith('.html'))) {
      for (const [, href] of text(f.bytes).matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (/^(https?:|mailto:)/.test(href!) || href!.startsWith('#')) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(f.path), href!.split('#')[0]!));
        expect(paths.has(target), `${f.path} links to ${href}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(40);
    expect([...paths].filter((p) => p.includes('/bilag/')).length).toBeGreaterThan(5);
  });

  it('writes the mødeplan as a calendar that parses, with DTEND, Europe/Copenhagen and stable UIDs', () => {
    const site = buildSite(input([richMeeting, refMeeting, planned]));
    const ics = text(site.files.find((f) => f.path === 'moedeplan.ics')!.bytes);
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(e.getFirstProperty('dtend')?.getParameter('tzid')).toBe('Europe/Copenhagen');
      expect(e.getFirstPropertyValue('sequence')).toBe(0);
    }
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toContain(`${planned.id}@referent`);
    expect(String(events[0]!.getFirstPropertyValue('description'))).toContain('2026/2026-03-10-obu/index.html');
    // A moved meeting keeps its UID and gets the next SEQUENCE.
    const moved = buildSite({ ...input([richMeeting, refMeeting, { ...planned, start: '2026-11-04T14:30' }]), previous: site.manifest });
    const again = new ICAL.Component(ICAL.parse(text(moved.files.find((f) => f.path === 'moedeplan.ics')!.bytes))).getAllSubcomponents('vevent');
    expect(again.map((e) => e.getFirstPropertyValue('sequence'))).toEqual([0, 0, 1]);
  });

  it('re-publishes byte for byte, writes only what changed, and removes what is no longer published', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-'));
    try {
      fs.writeFileSync(path.join(dir, 'web-team-notes.txt'), 'not ours');
      const first = writeSite(dir, buildSite(input([richMeeting, refMeeting])), readManifest(dir));
      expect(first.unchanged).toEqual([]);
      const snapshot = (): Map<string, string> => new Map(fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => fs.statSync(path.join(dir, p)).isFile()).map((p) => [p, sha256Hex(fs.readFileSync(path.join(dir, p)))]));
      const before = snapshot();
      const second = writeSite(dir, buildSite({ ...input([richMeeting, refMeeting]), previous: readManifest(dir) }), readManifest(dir));
      expect(second.written).toEqual([]);
      expect(snapshot()).toEqual(before);
      const manifest = readManifest(dir)!;
      for (const f of manifest.files) expect(sha256Hex(fs.readFileSync(path.join(dir, f.path)))).toBe(f.sha256);

      const third = writeSite(dir, buildSite({ ...input([refMeeting]), previous: manifest }), manifest);
      expect(third.removed.length).toBeGreaterThan(5);
      expect(third.removed.every((p) => p.startsWith('2026/2026-03-10-obu/'))).toBe(true);
      expect(fs.existsSync(path.join(dir, '2026/2026-03-10-obu'))).toBe(false);
      expect(third.written).toEqual(expect.arrayContaining(['index.html', 'moedeplan.ics', 'publication.json']));
      expect(fs.readFileSync(path.join(dir, 'web-team-notes.txt'), 'utf8')).toBe('not ours');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
