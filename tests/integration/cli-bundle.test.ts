// The `referent` command as shipped: one bundled file as the package's bin, which loads a heavy
// library only in the command that uses it, and which is rebuilt when a source changes.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { CLI_BUNDLE, cliBundleStale } from '../../scripts/lib/cli-bundle.mjs';
import { tempDir } from '../helpers/store';
import { danishWorkbook } from './calendar-helpers';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, CLI_BUNDLE);
const HEAVY = ['better-sqlite3', 'kysely', 'playwright-core', '@cantoo/pdf-lib', 'exceljs', 'date-holidays', 'docx'];

/** Runs the bundle and returns its output and the npm packages it loaded (traced by a module hook). */
async function traced(args: string[]): Promise<{ stdout: string; stderr: string; code: number; packages: string[] }> {
  const trace = path.join(tempDir(), 'loads.txt');
  const { stdout, stderr, code } = await run(process.execPath, ['--import', path.join(root, 'tests/helpers/trace-loads.mjs'), bundle, ...args], {
    env: { ...process.env, REFERENT_TRACE_LOADS: trace },
  }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
  const urls = fs.existsSync(trace) ? fs.readFileSync(trace, 'utf8').split('\n') : [];
  const packages = new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => p !== undefined));
  return { stdout, stderr, code, packages: [...packages].sort() };
}

describe('the bundled command', () => {
  test('is the package’s bin: one executable ES module that node runs directly', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ referent: CLI_BUNDLE });
    expect(fs.readFileSync(bundle, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(bundle).mode & 0o111).not.toBe(0);
  });

  test('--help and "api list" answer without loading the store or any heavy library', async () => {
    const help = await traced(['--help']);
    expect(help.stdout).toMatch(/^usage: referent <command>/);
    expect(help.stdout).toContain('export-json');
    expect(help.packages).toEqual([]);
    const list = await traced(['api', 'list']);
    expect(list.stdout.split('\n')).toContain('exchange.import');
    expect(list.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  }, 60_000);

  test('an operation on the store loads SQLite, but no document, spreadsheet, holiday or browser library', async () => {
    const db = path.join(tempDir(), 'r.sqlite');
    const r = await traced(['api', 'committees.list', '--db', db]);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, value: [] });
    expect(r.packages).toContain('better-sqlite3');
    expect(r.packages.filter((p) => ['playwright-core', '@cantoo/pdf-lib', 'exceljs', 'date-holidays', 'docx'].includes(p))).toEqual([]);
  }, 60_000);

  test('a command that needs a heavy library still gets it: an .xlsx calendar loads exceljs', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'kalender.xlsx');
    fs.writeFileSync(file, await danishWorkbook());
    const r = await traced(['calendar', 'import', file, '--db', path.join(dir, 'r.sqlite')]);
    // No committee exists yet, so the import is refused, but only after the workbook was read.
    expect(r.stderr).toMatch(/Økonomiudvalget/);
    expect(r.packages).toContain('exceljs');
  }, 60_000);
});

describe('cliBundleStale', () => {
  const FILES = ['package.json', 'package-lock.json', 'scripts/lib/cli-bundle.mjs', 'src/a.ts', 'src/b.ts'];
  const at = (dir: string, file: string, secondsFromNow: number): void => {
    const t = new Date(Date.now() + secondsFromNow * 1000);
    fs.utimesSync(path.join(dir, file), t, t);
  };
  /** A project whose sources are a minute old, with a bundle built from src/a.ts and src/b.ts just now. */
  function builtProject(): string {
    const dir = tempDir('referent-cli-root-');
    for (const f of FILES) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '');
      at(dir, f, -60);
    }
    fs.mkdirSync(path.join(dir, 'out/cli'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'out/cli/inputs.json'), JSON.stringify(['src/a.ts', 'src/b.ts']));
    fs.writeFileSync(path.join(dir, CLI_BUNDLE), '');
    return dir;
  }

  test('built after its sources is fresh; missing is stale', () => {
    const dir = builtProject();
    expect(cliBundleStale(dir)).toBe(false);
    fs.rmSync(path.join(dir, CLI_BUNDLE));
    expect(cliBundleStale(dir)).toBe(true);
  });

  test('an edited source, a deleted one, new dependencies or a changed build make it stale', () => {
    for (const file of ['src/b.ts', 'package-lock.json', 'scripts/lib/cli-bundle.mjs']) {
      const dir = builtProject();
      at(dir, file, 60);
      expect(cliBundleStale(dir), file).toBe(true);
    }
    const dir = builtProject();
    fs.rmSync(path.join(dir, 'src/a.ts'));
    expect(cliBundleStale(dir)).toBe(true);
  });
});
