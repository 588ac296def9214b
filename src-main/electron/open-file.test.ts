// The desktop opener: success is openPath's empty string; any other answer is the system's
// reason, which reaches the secretary as a refusal in English and Danish.
import { describe, expect, test, vi } from 'vitest';
import { AppError } from '../core/errors';

const asked: string[] = [];
vi.mock('electron', () => ({ shell: { openPath: async (p: string) => (asked.push(p), '') } }));

const { createElectronOpener, fileOpener } = await import('./open-file');

describe('the desktop file opener', () => {
  test('hands the path to shell.openPath and resolves when it answers with no error', async () => {
    await createElectronOpener().openFile('/tmp/referent-bilag-x/ab/Bilag.pdf');
    expect(asked).toEqual(['/tmp/referent-bilag-x/ab/Bilag.pdf']);
  });

  test('turns the error string into a refusal naming the file', async () => {
    const opener = fileOpener(async () => 'No application is associated with the specified file');
    const e = await opener.openFile('/tmp/Notat.xyz').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toBe('The system could not open /tmp/Notat.xyz: No application is associated with the specified file');
    expect((e as AppError).da).toBe('Systemet kunne ikke åbne /tmp/Notat.xyz: No application is associated with the specified file');
  });
});
