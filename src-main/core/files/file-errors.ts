// The sentences for a stored file that is missing or no longer matches its hash: they name the
// attachment and its meeting, so the secretary knows what to restore.
import { formatShortDa } from '../../../src-shared/dates';
import { AppError } from '../errors';

/** Which attachment a blob belongs to, as the secretary knows it. */
export type AttachmentLabel = { title: string; item: string; committee: string; start: string };

export function describeAttachment(l: AttachmentLabel): { en: string; da: string } {
  const date = formatShortDa(l.start);
  return {
    en: `the attachment "${l.title}" of the item "${l.item}" (${l.committee}, meeting of ${date})`,
    da: `bilaget "${l.title}" til punktet "${l.item}" (${l.committee}, mødet den ${date})`,
  };
}

export const storedName = (sha256: string): string => `files/${sha256.slice(0, 2)}/${sha256}`;

export function blobFault(kind: 'missing' | 'altered', sha256: string, label: AttachmentLabel): { en: string; da: string } {
  const what = describeAttachment(label);
  return kind === 'missing'
    ? { en: `The file of ${what.en} is missing from the data folder (${storedName(sha256)}).`, da: `Filen til ${what.da} mangler i datamappen (${storedName(sha256)}).` }
    : {
        en: `The file of ${what.en} is damaged or altered: its content no longer matches its SHA-256 (${storedName(sha256)}).`,
        da: `Filen til ${what.da} er beskadiget eller ændret: dens indhold passer ikke længere med dens SHA-256 (${storedName(sha256)}).`,
      };
}

export function blobDamaged(kind: 'missing' | 'altered', sha256: string, label: AttachmentLabel): AppError {
  const f = blobFault(kind, sha256, label);
  return new AppError(kind === 'missing' ? 'NotFound' : 'Corrupt', `${f.en} Restore it from a backup or a .referent.zip that holds it.`, `${f.da} Gendan den fra en sikkerhedskopi eller en .referent.zip, der indeholder den.`);
}
