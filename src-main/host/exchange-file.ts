// How the menu's exchange files are read and written (Filer > Importér…, Eksportér…), for the
// worker over the local file and the client of a server alike: the name decides a .referent.zip
// bundle or JSON (UTF-8, as writeExportFile lays it out); either is written in pieces through a
// temporary name (a failed export leaves no file). Loads no part of
// the core's store: the caller passes what makes the contents.
import path from 'node:path';
import { AppError } from '../core/errors';
import { writeFileAtomicStream } from '../core/util/write-file';
import { readPicked, type PickedLimit } from './read-picked';

/** A file the user picked or named whose contents are a .referent.zip bundle, not JSON: told by its name. */
export const isBundle = (fileName: string): boolean => fileName.toLowerCase().endsWith('.zip');

type Write = (piece: Uint8Array | string) => void;

/**
 * What makes an export's contents: the exchange file's JSON text in pieces (its final newline
 * included: writeExportFile), and the bundle in chunks, or null where bundles are made only on the
 * server itself.
 */
export type ExportSource = {
  json: (write: Write) => Promise<void>;
  bundle: ((write: Write) => Promise<void>) | null;
};

/** Writes the export where the user chose, as the name says; a bundle where none can be made is refused before anything is read. */
export async function writeExchangeFile(filePath: string, source: ExportSource): Promise<{ filePath: string; size: number }> {
  const bundle = isBundle(filePath) ? source.bundle : null;
  if (isBundle(filePath) && !bundle) throw bundleRefused();
  let size = 0;
  await writeFileAtomicStream(filePath, async (write) => {
    const counted: Write = (piece) => {
      size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength;
      write(piece);
    };
    await (bundle ?? source.json)(counted);
  });
  return { filePath, size };
}

/**
 * The exchange document in the JSON file the user picked, whole, for a server's client that sends it
 * in one request (the worker reads a file a meeting at a time instead); a bundle is refused, as it is
 * imported on the server itself. `limit`: a larger file is refused before it is read.
 */
export async function readExchangeJson(filePath: string, limit: PickedLimit): Promise<unknown> {
  const fileName = path.basename(filePath);
  if (isBundle(fileName)) throw bundleRefused();
  const bytes = await readPicked(filePath, limit);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    const detail = (e as Error).message;
    throw new AppError('Invalid', `${fileName} is not valid JSON (${detail}).`, `${fileName} er ikke gyldig JSON (${detail}).`);
  }
}

const bundleRefused = (): AppError =>
  new AppError(
    'Invalid',
    'A .referent.zip bundle is imported and exported on the server itself (referent import / export-json --out on the server); connected to it, use plain JSON.',
    'En .referent.zip-pakke importeres og eksporteres på selve serveren (referent import / export-json --out dér); forbundet til den, brug almindelig JSON.',
  );
