// Filer > Importér… and Filer > Eksportér JSON…: an exchange document (.json) or a bundle with
// its attachment files (.referent.zip) in and out through the OS dialogs, the same core as the CLI.
import path from 'node:path';
import type { ImportReport } from '../../src-shared/api/exchange';
import { describeSettingChange, reportNotes } from '../../src-shared/import-report';
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
  /** A question with buttons; resolves to the index of the button pressed. */
  ask: (question: { title: string; message: string; buttons: string[] }) => Promise<number>;
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
  const counts =
    `${fileName}: ${r.committees.added} udvalg tilføjet, ${r.committees.updated} opdateret; ` +
    `${r.meetings.added} møder tilføjet, ${r.meetings.replaced} erstattet, ${r.meetings.unchanged} uændrede; ` +
    `${r.items} punkter; ${r.files} filer.`;
  // What the file would have changed in the settings is said, never done silently.
  const notes = reportNotes(r, 'da');
  return notes.length > 0 ? `${counts}\n\n${notes.join('\n')}` : counts;
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
    let report = await deps.tracker.track(importDocument(deps.ctx.store, document, { files }));
    const kept = report.settings.filter((c) => !c.adopted);
    if (kept.length > 0) {
      // Ours were kept; the user may take the file's instead (importing again is idempotent).
      const choice = await deps.ask({
        title: 'Filen har andre indstillinger',
        message: `${kept.map((c) => describeSettingChange(c, 'da')).join('\n')}\n\nVil du beholde dine indstillinger eller bruge filens?`,
        buttons: ['Behold mine', 'Brug filens'],
      });
      if (choice === 1) report = await deps.tracker.track(importDocument(deps.ctx.store, document, { files, adoptOrganization: true }));
    }
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
