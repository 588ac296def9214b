// Filer > Importér… and Filer > Eksportér JSON…: an exchange document (.json) or a bundle with
// its attachment files (.referent.zip) in and out through the OS dialogs. The dialogs and the
// file on disk are the main thread's; reading, importing and writing the document are host tasks
// (src-main/host/tasks.ts), run in the core's worker.
import path from 'node:path';
import type { ImportReport } from '../../src-shared/api/exchange';
import { describeSettingChange, reportNotes } from '../../src-shared/import-report';
import { AppError } from '../core/errors';
import type { ApiHost } from '../host/api-host';
import { openDialogOptions, pickPath, pickSavePath, saveDialogOptions, type ShowOpenDialog, type ShowSaveDialog } from './dialogs';

export type Notice = { kind: 'info' | 'error'; title: string; message: string };

export type ExchangeMenuDeps = {
  host: ApiHost;
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

export function importSummary(fileName: string, r: ImportReport): string {
  const counts =
    `${fileName}: ${r.committees.added} udvalg tilføjet, ${r.committees.updated} opdateret; ` +
    `${r.meetings.added} møder tilføjet, ${r.meetings.replaced} erstattet, ${r.meetings.unchanged} uændrede; ` +
    `${r.items} punkter; ${r.files} filer.`;
  // What the file would have changed in the settings is said, never done silently.
  const notes = reportNotes(r, 'da');
  return notes.length > 0 ? `${counts}\n\n${notes.join('\n')}` : counts;
}

/** The menu speaks Danish: the core's Danish sentence where it has one. */
const messageOf = (e: unknown): string => (e instanceof AppError ? (e.da ?? e.message) : e instanceof Error ? e.message : String(e));

export async function importExchange(deps: ExchangeMenuDeps): Promise<ImportReport | null> {
  const filePath = await pickPath(deps.showOpen, openDialogOptions({ title: 'Importér', filters: FILTERS }));
  if (!filePath) return null;
  const name = path.basename(filePath);
  try {
    // The worker reads the file: its bytes never pass through this thread.
    let report = await deps.host.run('exchange.importFile', { filePath });
    const kept = report.settings.filter((c) => !c.adopted);
    if (kept.length > 0) {
      // Ours were kept; the user may take the file's instead (importing again is idempotent).
      const choice = await deps.ask({
        title: 'Filen har andre indstillinger',
        message: `${kept.map((c) => describeSettingChange(c, 'da')).join('\n')}\n\nVil du beholde dine indstillinger eller bruge filens?`,
        buttons: ['Behold mine', 'Brug filens'],
      });
      if (choice === 1) report = await deps.host.run('exchange.importFile', { filePath, adoptOrganization: true });
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
    const filePath = await pickSavePath(deps.showSave, saveDialogOptions({ title: 'Eksportér JSON', defaultPath: `referent-${deps.today()}.json`, filters: FILTERS }));
    if (!filePath) return null;
    // The core writes the file (a .zip name: the bundle): its bytes never pass through this thread.
    const written = await deps.host.run('exchange.exportFile', { filePath });
    await deps.notify({ kind: 'info', title: 'Eksport gennemført', message: `Gemt som ${written.filePath}.` });
    return written.filePath;
  } catch (e) {
    await deps.notify({ kind: 'error', title: 'Eksporten mislykkedes', message: messageOf(e) });
    return null;
  }
}
