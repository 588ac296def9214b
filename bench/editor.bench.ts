// The item editor with a big text (issue 11 §12), in Chromium over the browser shell as a user
// meets it: opening an item of 400 KB, typing in it (the time from each key press to the next
// frame drawn), and pasting 400 KB of Word HTML. Each against the same in a small item measured in
// the same run. Builds the renderer (dist-web) and the core's worker when their sources changed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { call } from '../src-main/core/dispatch';
import type { CoreContext } from '../src-main/core/context';
import { openSqliteStore } from '../src-main/core/store/open';
import { startWorkerHost } from '../src-main/host/worker-host';
import { startWebServer } from '../src-main/web/server';
import { ensureCliBundle, WORKER_BUNDLE } from '../scripts/lib/cli-bundle.mjs';
import { bullets, paragraph } from './archive/danish';
import { rng } from './archive/prng';
import type { Bench } from './lib';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIG_BYTES = Number(process.env.BENCH_EDITOR_BYTES ?? 400_000);
const TYPING_TARGET_MS = 50;
/** A folder to write a Chrome CPU profile of each phase to (open them in Chromium's DevTools). */
const PROFILE_DIR = process.env.BENCH_EDITOR_PROFILE;
/** A renderer build to use instead of dist-web (say, one built with --minify false for profiles). */
const STATIC_DIR = process.env.BENCH_EDITOR_STATIC;
/** A word that only the end of each generated text carries, to tell when the whole text is shown. */
const END = 'Slutmærke';

/** The newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) t = Math.max(t, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  return t;
}

/** dist-web as `npm run build:web` makes it, rebuilt when a renderer or shared source is newer. */
function ensureWebBuild(): string {
  const index = path.join(ROOT, 'dist-web/index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (Math.max(newest(path.join(ROOT, 'src-renderer')), newest(path.join(ROOT, 'src-shared'))) > built) {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  return path.join(ROOT, 'dist-web');
}

/** Markdown of about `bytes`: paragraphs and bullet lists of Danish sagsfremstilling text. */
function bigMarkdown(bytes: number, seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const part = r.chance(0.2) ? bullets(r, r.int(3, 6)) : paragraph(r, r.int(3, 7));
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  parts.push(`${END}.`);
  return parts.join('\n\n');
}

/** Word's clipboard HTML (the list fixture's head and list) repeated with paragraphs to about `bytes`. */
function bigWordHtml(bytes: number): string {
  const sample = fs.readFileSync(path.join(ROOT, 'tests/fixtures/word-paste/list.html'), 'utf8');
  const start = sample.indexOf('<!--StartFragment-->') + '<!--StartFragment-->'.length;
  const end = sample.indexOf('<!--EndFragment-->');
  const fragment = sample.slice(start, end);
  const r = rng(7);
  const body: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = `<p class=MsoNormal>${paragraph(r, r.int(3, 6))}<o:p></o:p></p>\n${fragment}`;
    body.push(p);
    size += Buffer.byteLength(p);
  }
  body.push(`<p class=MsoNormal>${END}.<o:p></o:p></p>`);
  return `${sample.slice(0, start)}${body.join('\n')}${sample.slice(end)}`;
}

/**
 * In-page code, as text: tsx (esbuild with keepNames) would wrap the functions of a callback in
 * a helper that does not exist in the page.
 */
const PAGE_HELPERS = `
window.benchBox = (label) => [...document.querySelectorAll('[role=textbox]')].find((b) => document.getElementById(b.getAttribute('aria-labelledby') || '')?.textContent === label);
window.benchFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
window.benchShown = async (hash, label, end) => {
  const t0 = performance.now();
  location.hash = hash;
  await new Promise((resolve) => {
    const look = () => (window.benchBox(label)?.textContent?.includes(end) ? resolve() : requestAnimationFrame(look));
    look();
  });
  await window.benchFrame();
  return performance.now() - t0;
};
window.benchListen = () => {
  window.keyLatency = [];
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.keyLatency.push(performance.now() - t0), 0));
  }, { capture: true });
};
window.benchPaste = async (label, html) => {
  const box = window.benchBox(label);
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', 'text');
  const t0 = performance.now();
  box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  await window.benchFrame();
  return performance.now() - t0;
};
`;

/** ms from going to `hash` until the editor named `label` shows the end word and a frame is drawn. */
async function timeUntilShown(page: Page, hash: string, label: string): Promise<number> {
  return page.evaluate(([h, l, e]) => (globalThis as unknown as { benchShown: (h: string, l: string, e: string) => Promise<number> }).benchShown(h, l, e), [hash, label, END] as const);
}

/** Records, for every key press from now on, the ms from the press to the first frame after it. */
async function listenForKeys(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { benchListen: () => void }).benchListen());
}

type Typing = { p50: number; p95: number; max: number };

/** Types `text` at the end of the editor named `label`, at 8 keys a second, and returns the key latencies. */
async function typeAtEnd(page: Page, label: string, text: string): Promise<Typing> {
  const box = page.getByRole('textbox', { name: label, exact: true });
  await box.click();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(1000);
  await listenForKeys(page);
  await page.keyboard.type(text, { delay: 125 });
  await page.waitForTimeout(2000);
  const all = (await page.evaluate(() => (globalThis as unknown as { keyLatency: number[] }).keyLatency)).sort((a, b) => a - b);
  const at = (q: number): number => all[Math.min(all.length - 1, Math.ceil(all.length * q) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: all.at(-1)! };
}

/** Pastes `html` into the editor named `label` as Ctrl+V does; ms until the next frame after it. */
async function timePaste(page: Page, label: string, html: string): Promise<number> {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  return page.evaluate(([l, h]) => (globalThis as unknown as { benchPaste: (l: string, h: string) => Promise<number> }).benchPaste(l, h), [label, html] as const);
}

/** Runs `work` under Chrome's CPU profiler when BENCH_EDITOR_PROFILE names a folder. */
async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return work();
  if (process.env.BENCH_EDITOR_TRACE) {
    // A DevTools timeline instead (style, layout, paint): open it in Chromium's Performance panel.
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    const browser = page.context().browser()!;
    await browser.startTracing(page, { path: path.join(PROFILE_DIR, `${name}.trace.json`), categories: ['devtools.timeline', 'blink', 'v8.execute'] });
    try {
      return await work();
    } finally {
      await browser.stopTracing();
    }
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: Bench = async (report) => {
  await ensureCliBundle(ROOT);
  const staticDir = STATIC_DIR ?? ensureWebBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-bench-editor-'));
  const dbFile = path.join(dir, 'referent.sqlite');
  const store = openSqliteStore(dbFile);
  const ctx: CoreContext = { store, shell: 'web', version: 'bench' };
  const big = bigMarkdown(BIG_BYTES, 11);
  const small = bigMarkdown(2_000, 12);
  const c = await call(ctx, 'committees.create', { name: 'Børne- og Skoleudvalget', numbering: 'per-meeting' });
  const meeting = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2027-02-02T14:30' });
  const add = async (title: string, summary: string): Promise<string> => {
    const item = await call(ctx, 'agenda.addItem', { meetingId: meeting.id, title });
    if (summary) await call(ctx, 'agenda.updateItem', { itemId: item.id, sections: [{ kind: 'summary', body: summary }] });
    return item.id;
  };
  const smallId = await add('Lille punkt', small);
  const bigId = await add('Stort punkt', big);
  const pasteSmallId = await add('Lille indsættelse', '');
  const pasteBigId = await add('Stor indsættelse', '');
  const host = await startWorkerHost({ dbFile, shell: 'web', version: 'bench', workerFile: path.join(ROOT, WORKER_BUNDLE) });
  const server = await startWebServer({ host, staticDir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    await page.addInitScript(PAGE_HELPERS);
    await page.goto(server.url);
    const at = (itemId: string): string => `#/meeting/${meeting.id}/agenda?item=${itemId}&find=`;
    await timeUntilShown(page, at(smallId), 'Sagsresume');

    // Opening: the small item and the big one in turn, each shown again after the other.
    const openSmall: number[] = [];
    const openBig: number[] = [];
    for (let i = 0; i < 3; i++) {
      openBig.push(await profiled(page, `open-big-${i}`, () => timeUntilShown(page, at(bigId), 'Sagsresume')));
      openSmall.push(await timeUntilShown(page, at(smallId), 'Sagsresume'));
    }
    const kb = Math.round(Buffer.byteLength(big) / 1000);
    report({ name: 'open an item of 2 KB (baseline, median of 3)', value: median(openSmall), unit: 'ms' });
    report({ name: `open an item of ${kb} KB (median of 3)`, value: median(openBig), unit: 'ms', note: `${(median(openBig) / median(openSmall)).toFixed(1)}x the small item` });

    // Typing at the end of each.
    const typed = ' Udvalget tager orienteringen til efterretning';
    const smallTyping = await profiled(page, 'type-small', () => typeAtEnd(page, 'Sagsresume', typed));
    report({ name: 'typing in the 2 KB item, key to frame p95 (baseline)', value: smallTyping.p95, unit: 'ms', note: `p50 ${smallTyping.p50.toFixed(0)} ms, max ${smallTyping.max.toFixed(0)} ms` });
    await timeUntilShown(page, at(bigId), 'Sagsresume');
    const bigTyping = await profiled(page, 'type-big', () => typeAtEnd(page, 'Sagsresume', typed));
    report({ name: `typing in the ${kb} KB item, key to frame p95`, value: bigTyping.p95, unit: 'ms', target: `<= ${TYPING_TARGET_MS} ms`, met: bigTyping.p95 <= TYPING_TARGET_MS, note: `p50 ${bigTyping.p50.toFixed(0)} ms, max ${bigTyping.max.toFixed(0)} ms; ${(bigTyping.p95 / smallTyping.p95).toFixed(1)}x the small item` });

    // Pasting from Word: the list sample, and the same grown to 400 KB.
    const sampleHtml = fs.readFileSync(path.join(ROOT, 'tests/fixtures/word-paste/list.html'), 'utf8');
    await page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), at(pasteSmallId));
    await page.getByRole('article', { name: /Lille indsættelse/ }).waitFor();
    const pasteSmall = await profiled(page, 'paste-small', () => timePaste(page, 'Sagsresume', sampleHtml));
    const bigHtml = bigWordHtml(BIG_BYTES);
    await page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), at(pasteBigId));
    await page.getByRole('article', { name: /Stor indsættelse/ }).waitFor();
    const pasteBig = await profiled(page, 'paste-big', () => timePaste(page, 'Sagsresume', bigHtml));
    report({ name: `paste Word's list sample (${Math.round(sampleHtml.length / 1000)} KB of HTML, baseline)`, value: pasteSmall, unit: 'ms' });
    report({ name: `paste ${Math.round(bigHtml.length / 1000)} KB of Word HTML`, value: pasteBig, unit: 'ms', note: `${(pasteBig / pasteSmall).toFixed(1)}x the sample` });
    const afterPaste = await typeAtEnd(page, 'Sagsresume', typed);
    report({ name: 'typing after that paste, key to frame p95', value: afterPaste.p95, unit: 'ms', target: `<= ${TYPING_TARGET_MS} ms`, met: afterPaste.p95 <= TYPING_TARGET_MS, note: `p50 ${afterPaste.p50.toFixed(0)} ms, max ${afterPaste.max.toFixed(0)} ms` });

    // Nothing typed was lost: the core has the typed words at the end of both big texts.
    await page.waitForTimeout(3000);
    for (const id of [bigId, pasteBigId]) {
      const body = (await call(ctx, 'agenda.getItem', { itemId: id })).sections.find((s) => s.kind === 'summary')?.body ?? '';
      if (!body.trimEnd().endsWith(typed.trim())) throw new Error(`the typed words did not reach the store (item ${id} ends with ${JSON.stringify(body.slice(-80))})`);
    }
  } finally {
    await browser.close();
    await server.close();
    await host.close();
    await store.close();
  }
};

export default bench;
