// Filer > Importér… and Filer > Eksportér JSON…: an exchange document (.json) or a bundle with
// its attachment files (.referent.zip) in and out through the OS dialogs, the same core as the CLI.
import path from 'node:path';
import type { ImportReport } from '../../src-shared/api/exchange';
import type { CoreContext } from '../core/context';
import { call } from '../core/dispatch';
import { readBundle, writeBundle } from '../core/exchange/bundle';
import { importDocument } from '../core/exchange/import';
import { openDialogOptions, openWithDialog, saveDialogOptions, saveWithDialog, type ShowOpenDialog, type ShowSaveDialog } from './dialogs';
import type { CallTracker } from './ipc';

export type Notice = { kind: 'info' | 'error'; title: string; message: string };

export type ExchangeMenuDeps = {
  ctx: CoreContext;
  tracker: CallTracker;
  showOpen: ShowOpenDialog;
  showSave: ShowSaveDialog;
  notify: (notice: Notice) => Promise<unknown>;
  /** After an import the window shows the new data. */
  refresh: () => void;
  /** Today as YYYY-MM-DD, for the suggested file name. */
  today: () => string;
};

const FILTERS = [
  { name: 'Referent-dokument (JSON)', extensions: ['json'] },
  { name: 'Referent-pakke med bilag (.referent.zip)', extensions: ['zip'] },
];

const isBundlePath = (filePath: string): boolean => filePath.toLowerCase().endsWith('.zip');

export function importSummary(fileName: string, r: ImportReport): string {
  return (
    `${fileName}: ${r.committees.added} udvalg tilføjet, ${r.committees.updated} opdateret; ` +
    `${r.meetings.added} møder tilføjet, ${r.meetings.replaced} erstattet, ${r.meetings.unchanged} uændrede; ` +
    `${r.items} punkter; ${r.files} filer.`
  );
}

/** Reads what the user picked: a bundle, or JSON that must parse. */
function readExchangeFile(filePath: string, bytes: Uint8Array): { document: unknown; files: Map<string, Uint8Array> } {
  const name = path.basename(filePath);
  if (isBundlePath(filePath)) return readBundle(bytes, name);
  try {
    return { document: JSON.parse(Buffer.from(bytes).toString('utf8')), files: new Map() };
  } catch (e) {
    throw new Error(`Filen er ikke gyldig JSON (${(e as Error).message}).`, { cause: e });
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function importExchange(deps: ExchangeMenuDeps): Promise<ImportReport | null> {
  if (deps.tracker.closing) return null;
  const picked = await openWithDialog(deps.showOpen, openDialogOptions({ title: 'Importér', filters: FILTERS }));
  if (!picked) return null;
  const name = path.basename(picked.filePath);
  try {
    const { document, files } = readExchangeFile(picked.filePath, picked.bytes);
    const report = await deps.tracker.track(importDocument(deps.ctx.store, document, { files }));
    deps.refresh();
    await deps.notify({ kind: 'info', title: 'Import gennemført', message: importSummary(name, report) });
    return report;
  } catch (e) {
    const message = messageOf(e);
    await deps.notify({ kind: 'error', title: 'Importen mislykkedes', message: message.startsWith(name) ? message : `${name}: ${message}` });
    return null;
  }
}

export async function exportJson(deps: ExchangeMenuDeps): Promise<string | null> {
  try {
    const written = await saveWithDialog(
      deps.showSave,
      saveDialogOptions({ title: 'Eksportér JSON', defaultPath: `referent-${deps.today()}.json`, filters: FILTERS }),
      async (filePath) => {
        const doc = await deps.tracker.track(call(deps.ctx, 'exchange.export', {}));
        return isBundlePath(filePath) ? writeBundle(doc, deps.ctx.store.filesDir) : `${JSON.stringify(doc, null, 2)}\n`;
      },
    );
    if (written) await deps.notify({ kind: 'info', title: 'Eksport gennemført', message: `Gemt som ${written}.` });
    return written;
  } catch (e) {
    await deps.notify({ kind: 'error', title: 'Eksporten mislykkedes', message: messageOf(e) });
    return null;
  }
}
