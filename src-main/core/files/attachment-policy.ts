// What may be attached and opened, with the sentence that says why not: adding a file refuses
// anything but a document whose bytes fit its name; an import keeps the bytes but stores a name
// that opens nothing; opening refuses both. The rules themselves are src-shared/attachment-types.ts.
import { ALLOWED_EXTENSIONS, DOCUMENT_TYPES, checkAttachmentName, contentMatchesType, inertName, visibleName } from '../../../src-shared/attachment-types';

export type Refusal = { en: string; da: string };

const allowed = ALLOWED_EXTENSIONS.join(', ');

/** Why a file of this name is not a document Referent opens; null when it is. */
export function nameRefusal(name: string): Refusal | null {
  const v = checkAttachmentName(name);
  if (v.ok) return null;
  const shown = visibleName(name) || name;
  if (v.why === 'double') {
    return {
      en: `"${shown}" has a double extension (${v.pair}), a way to make a program look like a document`,
      da: `"${shown}" har en dobbelt filendelse (${v.pair}), en måde at få et program til at ligne et dokument på`,
    };
  }
  if (v.ext === null) {
    return { en: `"${shown}" has no file type (no extension such as .pdf); allowed types: ${allowed}`, da: `"${shown}" har ingen filtype (ingen endelse som .pdf); tilladte typer: ${allowed}` };
  }
  return {
    en: `"${shown}" is a .${v.ext} file, which is not a document type Referent opens (allowed: ${allowed})`,
    da: `"${shown}" er en .${v.ext}-fil, som ikke er en dokumenttype, Referent åbner (tilladt: ${allowed})`,
  };
}

/** Why these bytes are not what the (allowed) name says; null when they fit. */
export function contentRefusal(name: string, bytes: Uint8Array): Refusal | null {
  const v = checkAttachmentName(name);
  if (!v.ok || contentMatchesType(v.ext, bytes)) return null;
  const type = v.ext.toUpperCase();
  const shown = visibleName(name);
  return DOCUMENT_TYPES[v.ext]!.magic === 'text'
    ? { en: `"${shown}" is named as text (.${v.ext}) but holds a program or an archive`, da: `"${shown}" er navngivet som tekst (.${v.ext}), men indeholder et program eller et arkiv` }
    : { en: `"${shown}" is not a ${type} file: its content is of another kind`, da: `"${shown}" er ikke en ${type}-fil: indholdet er af en anden slags` };
}

/** Opening and adding: the name first, then the bytes. */
export function fileRefusal(name: string, bytes: Uint8Array): Refusal | null {
  return nameRefusal(name) ?? contentRefusal(name, bytes);
}

/**
 * The name an imported attachment is stored under: its own when it is an allowed document (and,
 * where its bytes came along, they fit), else an inert one. The bytes are kept either way.
 */
export function importedFileName(name: string, bytes: Uint8Array | undefined): string {
  const refused = nameRefusal(name) ?? (bytes ? contentRefusal(name, bytes) : null);
  return refused ? inertName(name) : name;
}
