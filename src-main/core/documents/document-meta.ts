// What a document says about itself, the same in the PDF (Info, XMP) and the .docx (core.xml,
// app.xml): title, author (the organisation), subject (committee and date), language, the program
// that made it; and the running header printed on every page. Built from the tree only, so the
// public version says nothing the public tree does not hold.
import { formatShortDa } from '../../../src-shared/dates';
import { VERSION } from '../version';
import type { Referat } from './build-referat';

export type DocumentMeta = {
  title: string;
  /** The organisation that publishes it (the committee where no name is set). */
  author: string;
  /** "Organisations- og Beredskabsudvalget, møde 02-06-2026" */
  subject: string;
  keywords: string[];
  /** BCP 47, as both formats write it. */
  language: 'da-DK';
  /** "Referent 0.1.0": the PDF's Creator, the .docx's Application. */
  creator: string;
  /** The running header: the organisation on the left, committee and date on the right. */
  header: { left: string; right: string };
};

const KIND_LABEL: Record<Referat['kind'], string> = { agenda: 'Dagsorden', minutes: 'Referat', decisions: 'Beslutningsprotokol' };

export function documentMeta(doc: Referat): DocumentMeta {
  const date = formatShortDa(doc.start);
  return {
    title: doc.title,
    author: doc.organization.name ?? doc.committee,
    subject: `${doc.committee}, møde ${date}`,
    keywords: [KIND_LABEL[doc.kind], doc.committee, date, ...(doc.public ? ['Offentlig udgave'] : [])],
    language: doc.language,
    creator: `Referent ${VERSION}`,
    header: { left: doc.organization.name ?? '', right: `${doc.committee} ${date}` },
  };
}
