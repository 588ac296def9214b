// referent publish from the command line: the reference committee's year into a folder (with
// OParl), unchanged on the second run, and one clear sentence for a missing year or bad address.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

describe('referent publish', () => {
  it('writes the year, OParl included, and on the second run writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-cli-'));
    try {
      const db = path.join(dir, 'r.sqlite');
      expect((await cli(['import', path.join(FIXTURES, 'documents/rich-meeting.json'), '--db', db], dir)).code).toBe(0);
      const first = await cli(['publish', '--committee', 'OBU', '--year', '2026', '--out', 'web', '--oparl', 'https://www.haderslev.dk/obu/', '--no-pdf', '--db', db], dir);
      expect(first.err).toBe('Not published (no file is stored for the attachment): 2026-03-10 punkt 2: Budgetnotat marts 2026.pdf\n');
      expect(first.out).toMatch(/^Published into web: \d+ files written, 0 unchanged, 0 removed\.\n$/);
      expect(fs.readFileSync(path.join(dir, 'web/2026/2026-03-10-obu/punkt-3.html'), 'utf8')).toContain('<h1>Punkt 3: Lukket punkt</h1>');
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'web/oparl/body.json'), 'utf8')).id).toBe('https://www.haderslev.dk/obu/oparl/body.json');
      const second = await cli(['publish', '--committee', 'OBU', '--year', '2026', '--out', 'web', '--oparl', 'https://www.haderslev.dk/obu/', '--no-pdf', '--db', db], dir);
      expect(second.out).toMatch(/: 0 files written, \d+ unchanged, 0 removed\.\n$/);
      const bad = await cli(['publish', '--committee', 'OBU', '--year', '2026', '--out', 'web', '--oparl', 'www.haderslev.dk', '--db', db], dir);
      expect(bad.code).not.toBe(0);
      expect(bad.err).toContain('--oparl must be the web address the folder is published at');
      const noYear = await cli(['publish', '--committee', 'OBU', '--out', 'web', '--db', db], dir);
      expect(noYear.err).toContain('name the committee and year with --committee and --year, or one meeting with --meeting');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
