// The layer rules of STYLE.md are enforced by ESLint: a forbidden import fails the lint step.
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  test('core may not import electron', async () => {
    const errors = await restrictedImportErrors('src-main/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(errors.join(' ')).toMatch(/only src-main\/electron may import electron/);
  });
  test('the renderer may not import src-main', async () => {
    const errors = await restrictedImportErrors('src-renderer/x.ts', "import { openSqliteStore } from '../src-main/core/store/open';\nexport const a = openSqliteStore;\n");
    expect(errors.join(' ')).toMatch(/never src-main/);
  });
  test('src-shared may not import anything platform-specific', async () => {
    expect((await restrictedImportErrors('src-shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).length).toBe(1);
    expect((await restrictedImportErrors('src-shared/x.ts', "import { useState } from 'react';\nexport const a = useState;\n")).length).toBe(1);
  });
  test('allowed imports pass', async () => {
    expect(await restrictedImportErrors('src-main/core/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
    expect(await restrictedImportErrors('src-renderer/x.ts', "import { api } from '../src-shared/api';\nexport const a = api;\n")).toEqual([]);
  });
});
