// Documents: a generated 60-item meeting (~48,000 words, one table per 10 items). The .docx writer
// (page numbers supplied) against pandoc converting the same content as Markdown; the PDF as
// shipped (tagged, outline, TOC numbers right; browser already running) against LibreOffice
// converting our .docx. Baselines run in this same run, so the ratios hold on any machine.
// The PDF's parts: where the chapters land (measured on screen), the one tagged print (alone: the
// floor of any PDF here; and untagged, which shows what tagging costs in Chromium), the PDF/UA
// finish; and a measuring print, which is what a printer without `measure` spends instead.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Referat } from '../src-main/core/documents/build-referat';
import { renderDocx } from '../src-main/core/documents/docx-writer';
import { documentMeta } from '../src-main/core/documents/document-meta';
import { renderHtml } from '../src-main/core/documents/html-writer';
import { PRINT_SCALE } from '../src-main/core/documents/layout';
import { renderPdf } from '../src-main/core/documents/pdf';
import { finishPdf } from '../src-main/core/documents/pdf-finish';
import { playwrightPrinter } from '../src-main/core/documents/pdf-playwright';
import { generatedReferat } from './documents-data';
import { medianMs, percentile, treeCpuMs, type Bench } from './lib';

/** Mean CPU time of a run (see treeCpuMs), after one warm-up run. */
async function cpuPerRun(fn: () => unknown, runs: number): Promise<number | null> {
  await fn();
  const before = treeCpuMs();
  for (let i = 0; i < runs; i++) await fn();
  const after = treeCpuMs();
  return before === null || after === null ? null : (after - before) / runs;
}

/** The same content as Markdown, as pandoc's input. */
function asMarkdown(doc: Referat): string {
  const out = [`**${doc.title}**`, ...doc.facts.map((f) => `**${f.label}** ${f.value}`)];
  for (const c of doc.chapters) {
    out.push(`# ${c.heading}`);
    for (const b of c.blocks) {
      if (b.type === 'heading') out.push(`## ${b.text}`);
      else if (b.type === 'markdown') out.push(b.source);
      else if (b.type === 'lines') out.push(b.lines.join('\n\n'));
    }
  }
  return out.join('\n\n');
}

const bench: Bench = async (report) => {
  const doc = generatedReferat();
  const markdown = asMarkdown(doc);
  const wordCount = markdown.split(/\s+/).filter(Boolean).length;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-bench-'));
  const printer = playwrightPrinter();
  try {
    // The PDF first: its page numbers are the .docx writer's input.
    const first = await renderPdf(doc, printer);
    const pages = first.pages;
    report({ name: `generated meeting: 60 items, ${wordCount} words, ${first.pageCount} PDF pages`, value: wordCount, unit: 'w' });

    const docxMs = await medianMs(() => renderDocx(doc, { pages }), 9, 3);
    const docx = await renderDocx(doc, { pages });
    const docxFile = path.join(dir, 'bench.docx');
    fs.writeFileSync(docxFile, docx);
    const mdFile = path.join(dir, 'bench.md');
    fs.writeFileSync(mdFile, markdown);
    const pandocMs = await medianMs(() => execFileSync('pandoc', ['-f', 'gfm', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), mdFile]), 5, 1);
    report({ name: '.docx writer, warm, in-process (page numbers given)', value: docxMs, unit: 'ms', target: '<= 60 ms', met: docxMs <= 60 });
    report({ name: 'pandoc, Markdown -> .docx (same content)', value: pandocMs, unit: 'ms' });
    report({ name: '.docx writer vs pandoc', value: pandocMs / docxMs, unit: 'x', target: '>= 10x', met: pandocMs / docxMs >= 10 });

    // The numbers are right: each chapter heading is printed on the page the TOC gives it.
    const shipped = await renderPdf(doc, printer);
    const pdfFile = path.join(dir, 'bench.pdf');
    fs.writeFileSync(pdfFile, shipped.bytes);
    const pageTexts = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').map((p) => p.replace(/\s+/g, ' '));
    const right = doc.chapters.filter((c) => pageTexts[(shipped.pages.get(c.anchor) ?? 0) - 1]?.includes(c.heading)).length;
    report({ name: 'TOC numbers checked against pdftotext per page', value: right, unit: `/${doc.chapters.length}`, target: 'all', met: right === doc.chapters.length });
    // What Chromium writes and the finish inflates and deflates again: the file with every stream uncompressed.
    const inflated = path.join(dir, 'inflated.pdf');
    execFileSync('qpdf', ['--stream-data=uncompress', '--object-streams=disable', pdfFile, inflated]);
    report({ name: 'shipped PDF, every stream uncompressed (qpdf)', value: fs.statSync(inflated).size / 1e6, unit: 'MB', note: `${(shipped.bytes.length / 1e6).toFixed(2)} MB as shipped` });

    const pdfMs = await medianMs(() => renderPdf(doc, printer), 5, 1);
    const pdfCpu = await cpuPerRun(() => renderPdf(doc, printer), 3);
    const cachedMs = await medianMs(() => renderPdf(doc, printer, pages), 5, 1);
    const measureMs = await medianMs(() => printer.measure(renderHtml(doc, { measureOnly: true, columns: true, printScale: PRINT_SCALE })), 5, 1);
    const measurePrintMs = await medianMs(() => printer.print(renderHtml(doc, { measureOnly: true, printScale: PRINT_SCALE }), { final: false }), 3, 1);
    const profile = path.join(dir, 'lo-profile');
    const soffice = (): Buffer =>
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile], { stdio: 'ignore', timeout: 180_000 });
    const loMs = await medianMs(soffice, 3, 1);
    const loCpu = await cpuPerRun(soffice, 2);
    report({ name: 'PDF as shipped (measured on screen, one tagged print, PDF/UA finish)', value: pdfMs, unit: 'ms', target: '<= 1000 ms', met: pdfMs <= 1000, note: `${shipped.prints} print(s)` });
    report({ name: 'where chapters land, measured on screen (part of the above)', value: measureMs, unit: 'ms', note: `a measuring print instead: ${Math.round(measurePrintMs)} ms` });
    // The PDF/UA step alone (artifacts, XMP, Info, bookmarks), on Chromium's final (tagged) print.
    const raw = await printer.print(renderHtml(doc, { pages, printScale: PRINT_SCALE }), { final: true });
    const finish = { meta: documentMeta(doc), archive: false, linkTitles: new Map(doc.chapters.map((c) => [c.anchor, c.tocTitle])), pageScale: 1 / PRINT_SCALE };
    const finishMs = await medianMs(() => finishPdf(raw, finish), 5, 1);
    report({ name: 'PDF/UA finish of the printed file (part of the above)', value: finishMs, unit: 'ms', note: `${Math.round((100 * finishMs) / pdfMs)} % of the shipped PDF` });
    // The floor: Chromium's tagged print of the measured page, alone (what no change of ours can cut
    // short of printing less), alternated with the same page printed untagged (no structure tree,
    // no outline): the difference is what tagging costs inside Chromium (its accessibility tree,
    // sent to the print compositor, which writes the structure tree). Each run measures first,
    // untimed, as printMeasured needs.
    const runs = { tagged: { wall: [] as number[], cpu: [] as number[] }, untagged: { wall: [] as number[], cpu: [] as number[] } };
    for (let i = 0; i < 6; i++) {
      for (const final of [true, false]) {
        const measured = await printer.measure(renderHtml(doc, { measureOnly: true, columns: true, printScale: PRINT_SCALE }));
        const c0 = treeCpuMs();
        const t0 = performance.now();
        await printer.printMeasured(measured, { final });
        const wall = performance.now() - t0;
        const c1 = treeCpuMs();
        const into = final ? runs.tagged : runs.untagged;
        if (i > 0) into.wall.push(wall);
        if (i > 0 && c0 !== null && c1 !== null) into.cpu.push(c1 - c0);
      }
    }
    const printOnlyMs = percentile(runs.tagged.wall, 50);
    const untaggedMs = percentile(runs.untagged.wall, 50);
    const cpuNote = (cpu: number[]): string => (cpu.length > 0 ? `; CPU ${Math.round(percentile(cpu, 50))} ms, Chromium's and ours` : '');
    report({
      name: 'one tagged Chromium print of the measured page, alone (part of the above)',
      value: printOnlyMs,
      unit: 'ms',
      note: `${Math.round((100 * printOnlyMs) / pdfMs)} % of the shipped PDF; LibreOffice / this alone = ${(loMs / printOnlyMs).toFixed(2)} x${cpuNote(runs.tagged.cpu)}`,
    });
    report({
      name: 'the same print untagged, no outline (alternated with the above)',
      value: untaggedMs,
      unit: 'ms',
      note: `tagging is ${Math.round(printOnlyMs - untaggedMs)} ms of the tagged print${cpuNote(runs.untagged.cpu)}`,
    });
    report({ name: 'PDF, page numbers cached for this version (one print)', value: cachedMs, unit: 'ms', note: 'what a repeated export costs' });
    report({ name: 'LibreOffice, our .docx -> PDF (warm profile)', value: loMs, unit: 'ms' });
    report({ name: 'PDF as shipped vs LibreOffice', value: loMs / pdfMs, unit: 'x', target: '>= 2x', met: loMs / pdfMs >= 2 });
    report({ name: 'PDF with cached page numbers vs LibreOffice', value: loMs / cachedMs, unit: 'x' });
    // On a loaded machine the wall times above wait for a core; CPU time does not.
    if (pdfCpu !== null && loCpu !== null) {
      report({ name: 'CPU: PDF as shipped (this process and its Chromium)', value: pdfCpu, unit: 'ms' });
      report({ name: 'CPU: LibreOffice, our .docx -> PDF', value: loCpu, unit: 'ms' });
      report({ name: 'CPU: PDF as shipped vs LibreOffice', value: loCpu / pdfCpu, unit: 'x', note: 'read beside the wall ratio when the load is high' });
    }
  } finally {
    await printer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
