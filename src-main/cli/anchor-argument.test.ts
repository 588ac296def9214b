// `referent verify --anchor FILE` finds the anchor of an export of any size by reading its start.
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../tests/helpers/store';
import { readAnchorArgument } from './anchor-argument';

const HEAD = 'ab'.repeat(32);
const anchor = { head: HEAD, length: 1234 };

describe('the anchor in a file', () => {
  test('an export is read only as far as its anchor: the rest of an archive, however long, is never parsed', () => {
    const file = path.join(tempDir(), 'big.referent.json');
    // The start of an export as writeExport writes it, then far more than is read (and not JSON to its end).
    const meeting = `{ "start": "2026-06-02T14:30", "items": [] },\n`;
    fs.writeFileSync(file, `{\n  "format": "referent/v1",\n  "anchor": "${HEAD}:1234",\n  "committees": [{ "meetings": [\n${meeting.repeat(20_000)}`);
    expect(fs.statSync(file).size).toBeGreaterThan(512 * 1024);
    expect(readAnchorArgument(file, 1024)).toEqual(anchor);
    // Compact JSON as the Api returns it.
    fs.writeFileSync(file, `{"format":"referent/v1","anchor":"${HEAD}:1234","committees":[`);
    expect(readAnchorArgument(file)).toEqual(anchor);
  });

  test('an export with its fields in another order is parsed whole up to a limit, and past it refused in one sentence', () => {
    const file = path.join(tempDir(), 'reordered.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'referent/v1', committees: [{ name: 'x'.repeat(100_000) }], anchor: `${HEAD}:1234` }));
    expect(readAnchorArgument(file)).toEqual(anchor);
    expect(() => readAnchorArgument(file, 1024)).toThrow(`--anchor ${file}: the file holds no anchor (a first line HASH:LENGTH, or an export's "anchor" field).`);
  });

  test('a .referent.zip bundle is inflated only as far as its anchor; with its fields in another order, whole up to the same limit', () => {
    const file = path.join(tempDir(), 'big.referent.zip');
    // The start of the bundle's referent.json, then far more than is inflated (and not JSON to its end).
    const meeting = `{ "start": "2026-06-02T14:30", "items": [] },\n`;
    const json = `{\n  "format": "referent/v1",\n  "anchor": "${HEAD}:1234",\n  "committees": [{ "meetings": [\n${meeting.repeat(40_000)}`;
    fs.writeFileSync(file, zipSync({ 'referent.json': strToU8(json) }, { level: 1 }));
    expect(readAnchorArgument(file, 1024)).toEqual(anchor);
    const reordered = JSON.stringify({ format: 'referent/v1', committees: [{ name: 'x'.repeat(100_000) }], anchor: `${HEAD}:1234` });
    fs.writeFileSync(file, zipSync({ 'referent.json': strToU8(reordered) }, { level: 1 }));
    expect(readAnchorArgument(file)).toEqual(anchor);
    expect(() => readAnchorArgument(file, 1024)).toThrow(`--anchor ${file}: the file holds no anchor (a first line HASH:LENGTH, or an export's "anchor" field).`);
  });

  test('a sidecar holds the anchor on its first line; a file without one is refused', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'b.anchor'), `${HEAD}:1234\n`);
    expect(readAnchorArgument(path.join(dir, 'b.anchor'))).toEqual(anchor);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'nothing here\n');
    expect(() => readAnchorArgument(path.join(dir, 'notes.txt'))).toThrow(/the file holds no anchor/);
    expect(() => readAnchorArgument(path.join(dir, 'missing.json'))).toThrow(/neither an anchor .* nor a readable file\.$/);
  });
});
