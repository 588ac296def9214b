// The website pages in Chromium: axe-core (WCAG 2.1 A and AA rules) over every page type of the
// generated folder, with and without the stylesheet, must find no violation. The pages are also
// photographed at 1440x900 and at a 390 px phone width for the lead (PUBLISH_SHOTS=dir).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src-main/core/publish/site';
import { writeSite } from '../../src-main/core/publish/write-site';
import { plannedMeeting, refMeeting, richMeeting, siteInput } from '../helpers/publish-site';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES: [string, string][] = [
  ['index', 'index.html'],
  ['moedeplan', 'moedeplan.html'],
  ['meeting', '2026/2026-03-10-obu/index.html'],
  ['item-open', '2026/2026-03-10-obu/punkt-2.html'],
  ['item-closed', '2026/2026-03-10-obu/punkt-4.html'],
  ['item-reference', '2026/2026-06-02-obu/punkt-44.html'],
];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let browser: Browser;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-axe-'));
  writeSite(dir, buildSite(siteInput([richMeeting, refMeeting, plannedMeeting])), null);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type AxeResult = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[]; passes: unknown[] };

describe('the website pages in Chromium', () => {
  for (const [name, file] of PAGES) {
    it(`axe-core finds no WCAG 2.1 AA violation on the ${name} page, with and without CSS`, async () => {
      for (const css of [true, false]) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        try {
          if (!css) await page.route('**/style.css', (r) => r.abort());
          await page.goto(`file://${path.join(dir, file)}`);
          await page.addScriptTag({ content: axeSource });
          // A string: the test's tsconfig has no DOM types, and axe lives only in the page.
          const result = (await page.evaluate(`axe.run({ runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })`)) as AxeResult;
          expect(result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
          expect(result.passes.length).toBeGreaterThan(10);
          expect(await page.locator('html').getAttribute('lang')).toBe('da');
          expect(await page.locator('h1').count()).toBe(1);
          const shots = process.env.PUBLISH_SHOTS;
          if (shots && css) {
            fs.mkdirSync(shots, { recursive: true });
            await page.screenshot({ path: path.join(shots, `${name}-1440.png`), fullPage: true });
            await page.setViewportSize({ width: 390, height: 844 });
            await page.screenshot({ path: path.join(shots, `${name}-390.png`), fullPage: true });
          }
        } finally {
          await page.close();
        }
      }
    }, 120_000);
  }
});
