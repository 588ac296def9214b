// What only the desktop shell can do for the page, beside the core's operations: show the
// system's folder dialog. It is not an operation of the core (no worker, CLI or HTTP route can
// show a dialog on the user's screen), so it has its own IPC channel and the browser shell has no
// such thing: the page offers the button only where the bridge carries it.
import { z } from 'zod';

/** The IPC channel of the folder dialog (never an `api:` channel). */
export const CHOOSE_FOLDER_CHANNEL = 'shell:chooseFolder';

export const ChooseFolderInput = z.strictObject({
  /** The dialog's title: what the folder is for. */
  title: z.string().trim().min(1).max(300),
  /** The folder the dialog opens in (the one chosen last time), if any. */
  defaultPath: z.string().max(4000).optional(),
});
export type ChooseFolderInput = z.infer<typeof ChooseFolderInput>;
