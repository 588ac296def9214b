// The one writer of files: whole or not at all, flushed before the rename.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { tempDir } from '../../../tests/helpers/store';
import { writeFileAtomic, writeFileAtomicStream } from './write-file';

describe('writeFileAtomic', () => {
  test('replaces the target whole and leaves no temp file behind', () => {
    const dir = tempDir();
    const target = path.join(dir, 'referat.json');
    fs.writeFileSync(target, 'old');
    writeFileAtomic(target, '{"format":"referent/v1"}');
    expect(fs.readFileSync(target, 'utf8')).toBe('{"format":"referent/v1"}');
    expect(fs.readdirSync(dir)).toEqual(['referat.json']);
  });

  test('a failed write leaves the old file as it was', () => {
    const dir = tempDir();
    const target = path.join(dir, 'is-a-folder');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'keep');
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('keep');
    expect(fs.readdirSync(dir)).toEqual(['is-a-folder']);
  });

  test('the bytes are flushed before the rename, and the folder after it', () => {
    const dir = tempDir();
    const target = path.join(dir, 'blob');
    const order: string[] = [];
    const fsync = vi.spyOn(fs, 'fsyncSync').mockImplementation(() => void order.push('fsync'));
    const rename = vi.spyOn(fs, 'renameSync');
    rename.mockImplementation((from, to) => {
      order.push('rename');
      rename.mockRestore();
      fs.renameSync(from, to);
    });
    try {
      writeFileAtomic(target, 'bytes');
    } finally {
      fsync.mockRestore();
      rename.mockRestore();
    }
    expect(order).toEqual(process.platform === 'win32' ? ['fsync', 'rename'] : ['fsync', 'rename', 'fsync']);
    expect(fs.readFileSync(target, 'utf8')).toBe('bytes');
  });
});

describe('writeFileAtomicStream', () => {
  test('writes every piece, flushes before the rename and the folder after it', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'export.json');
    const order: string[] = [];
    const fsync = vi.spyOn(fs, 'fsyncSync').mockImplementation(() => void order.push('fsync'));
    try {
      await writeFileAtomicStream(target, async (write) => {
        write('{"a":');
        write(Buffer.from('"æøå"}'));
      });
    } finally {
      fsync.mockRestore();
    }
    expect(fs.readFileSync(target, 'utf8')).toBe('{"a":"æøå"}');
    expect(order).toEqual(process.platform === 'win32' ? ['fsync'] : ['fsync', 'fsync']);
    expect(fs.readdirSync(dir)).toEqual(['export.json']);
  });

  test('a producer that fails leaves the old file and no temp file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'export.json');
    fs.writeFileSync(target, 'old');
    await expect(
      writeFileAtomicStream(target, async (write) => {
        write('half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['export.json']);
  });
});
