// `referent export`: writes the file whole, exits 2 with a one-line reason on bad input and then
// leaves no file behind.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import type { CliIO } from '../../src-main/cli/types';
import { openSqliteStore } from '../../src-main/core/store/open';
import { tempDir } from '../helpers/store';
import { importFixture, pdfPages, REFERENCE, squash } from './documents-helpers';

const dir = tempDir('referent-cli-');
const dbFile = path.join(dir, 'referent.sqlite');
let meetingId = '';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => void (out += `${t}\n`),
    err: (t) => void (err += `${t}\n`),
    open: () => ({ store: openSqliteStore(dbFile), shell: 'cli', version: 'test' }),
    cwd: dir,
  };
  const code = await runCli(['export', ...args], io);
  return { code, out, err };
}

beforeAll(async () => {
  const store = openSqliteStore(dbFile);
  meetingId = await importFixture(store, REFERENCE);
  await store.close();
});

describe('referent export', () => {
  it('writes the minutes as .docx and the public PDF, by committee and date or by meeting id', async () => {
    const docx = await run('--committee', 'OBU', '--date', '2026-06-02', '--kind', 'minutes', '--format', 'docx', '--out', 'referat.docx');
    expect(docx).toMatchObject({ code: 0, err: 'Wrote referat.docx\n' });
    const document = strFromU8(unzipSync(fs.readFileSync(path.join(dir, 'referat.docx')))['word/document.xml']!);
    expect(document).toContain('REFERAT Organisations- og Beredskabsudvalget d. 02-06-2026');

    const pdf = await run('--meeting', meetingId, '--kind', 'agenda', '--format', 'pdf', '--public', '--out', 'dagsorden.pdf');
    expect(pdf.code).toBe(0);
    expect(pdf.err).toMatch(/^Wrote dagsorden\.pdf \(\d+ pages\)\n$/);
    const first = squash(pdfPages(path.join(dir, 'dagsorden.pdf'))[0]!);
    expect(first).toContain('DAGSORDEN Organisations- og Beredskabsudvalget d. 02-06-2026');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('writes the publication package as a .zip', async () => {
    const r = await run('--committee', 'Organisations- og Beredskabsudvalget', '--date', '2026-06-02', '--publication', '--out', 'web.zip');
    expect(r.code).toBe(0);
    expect(Object.keys(unzipSync(fs.readFileSync(path.join(dir, 'web.zip'))))).toEqual(['2026-06-02 OBU Referat - offentlig.pdf']);
    // The fixture stores no attachment files: the package says which it could not include.
    expect(r.err).toContain('Not included (the file is not stored): Punkt 43: DPO Audit 2025 - Rapport til Haderslev Kommune');
  }, 60_000);

  it('exits 2 with one line naming the fault, and leaves no file', async () => {
    const cases: [string[], RegExp][] = [
      [['--committee', 'OBU', '--date', '2026-06-02', '--kind', 'referat', '--format', 'pdf', '--out', 'bad1.pdf'], /--kind must be one of agenda, minutes, decisions, not "referat"/],
      [['--committee', 'OBU', '--date', '2026-06-02', '--kind', 'minutes', '--format', 'odt', '--out', 'bad2.pdf'], /--format must be docx or pdf, not "odt"/],
      [['--committee', 'OBU', '--date', '2026-06-03', '--kind', 'minutes', '--format', 'pdf', '--out', 'bad3.pdf'], /Organisations- og Beredskabsudvalget has no meeting on 2026-06-03\./],
      [['--committee', 'ØU', '--date', '2026-06-02', '--kind', 'minutes', '--format', 'pdf', '--out', 'bad4.pdf'], /No committee is called "ØU"/],
      [['--committee', 'OBU', '--date', '2026-13-02', '--kind', 'minutes', '--format', 'pdf', '--out', 'bad5.pdf'], /--date must be a date like 2026-06-02/],
      [['--kind', 'minutes', '--format', 'pdf', '--out', 'bad6.pdf'], /name the meeting with --committee and --date, or with --meeting/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toMatch(message);
      expect(fs.existsSync(path.join(dir, args.at(-1)!))).toBe(false);
    }
  }, 60_000);
});
