// Which attachment files Referent hands to the desktop's opener, and how it tells: a fixed list of
// document types (never programs, scripts, shortcuts or web pages), the file's last extension,
// a double extension that hides a program, and, where it is cheap, the first bytes of the file.
// Platform-free: the core decides with it, the UI shows the same verdict.

type Magic = 'pdf' | 'zip' | 'ole' | 'rtf' | 'png' | 'jpeg' | 'gif' | 'tiff' | 'text';

/**
 * The document types Referent opens, with the program kind the OS gives them to. Office's old
 * binary formats (.doc, .xls) and Outlook's .msg are OLE files; macros in them stay behind
 * Office's own macro policy. .eml opens in the mail program, which shows untrusted mail for a
 * living (no scripts, remote content blocked). Left out on purpose: html/htm/mht/svg (a browser
 * runs their scripts), xml/xsl, docm/xlsm/pptm (macro formats), and everything that runs.
 */
export const DOCUMENT_TYPES: Readonly<Record<string, { mime: string; magic: Magic }>> = {
  pdf: { mime: 'application/pdf', magic: 'pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: 'zip' },
  doc: { mime: 'application/msword', magic: 'ole' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: 'zip' },
  xls: { mime: 'application/vnd.ms-excel', magic: 'ole' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: 'zip' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: 'zip' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: 'zip' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', magic: 'zip' },
  rtf: { mime: 'application/rtf', magic: 'rtf' },
  txt: { mime: 'text/plain', magic: 'text' },
  csv: { mime: 'text/csv', magic: 'text' },
  png: { mime: 'image/png', magic: 'png' },
  jpg: { mime: 'image/jpeg', magic: 'jpeg' },
  jpeg: { mime: 'image/jpeg', magic: 'jpeg' },
  gif: { mime: 'image/gif', magic: 'gif' },
  tif: { mime: 'image/tiff', magic: 'tiff' },
  tiff: { mime: 'image/tiff', magic: 'tiff' },
  msg: { mime: 'application/vnd.ms-outlook', magic: 'ole' },
  eml: { mime: 'message/rfc822', magic: 'text' },
};

export const ALLOWED_EXTENSIONS = Object.keys(DOCUMENT_TYPES);

/**
 * Extensions of things that run or open in a browser, on Windows, macOS or Linux. Used only to
 * spot one hidden inside a name ("Budget.exe.pdf"); anything not on the list above is refused anyway.
 */
const RUNS = new Set(
  ('exe com bat cmd scr pif msi msp msc cpl dll ocx sys vbs vbe js jse jar ws wsf wsc wsh ps1 ps1xml psm1 psd1 hta lnk url ' +
    'scf reg inf application appref-ms gadget chm hlp html htm xhtml mht mhtml svg xml xsl shtml app command sh bash csh ksh ' +
    'py pyw pl rb php desktop run bin elf apk dmg pkg iso img vhd vhdx docm dotm xlsm xltm xlam pptm potm ppam sldm')
    .split(' '),
);

// Characters that change how a name is shown without being part of what the OS reads as its type:
// bidirectional overrides ("Budget\u202Efdp.exe" shows as "Budgetexe.pdf"), zero-width and control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const INVISIBLE = /[\u0000-\u001f\u007f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** The name as the OS will read it: no folders, no invisible characters, no trailing dots or spaces (Windows drops them). */
export function visibleName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return base.replace(INVISIBLE, '').replace(/[. ]+$/, '').trim();
}

/** The extensions of a name, last first, lower case: "Budget 2027.pdf.CMD" -> ["cmd", "pdf"]. */
function extensions(name: string): string[] {
  const parts = visibleName(name).split('.');
  // A name that starts with a dot has no extension in its first part.
  return parts
    .slice(1)
    .reverse()
    .map((p) => p.trim().toLowerCase());
}

export type NameVerdict =
  | { ok: true; ext: string; mime: string }
  /** Its type (last extension, or none) is not a document type. */
  | { ok: false; why: 'type'; ext: string | null }
  /** A double extension that disguises a program: `pair` as it reads, ".pdf.cmd" or ".exe.pdf". */
  | { ok: false; why: 'double'; ext: string; pair: string };

export function checkAttachmentName(name: string): NameVerdict {
  const [ext, ...inner] = extensions(name);
  if (!ext || !(ext in DOCUMENT_TYPES)) {
    // "Budgetforslag 2027.pdf.cmd": a document's extension just before the one that counts.
    const lure = inner[0] !== undefined && inner[0] in DOCUMENT_TYPES ? inner[0] : null;
    return ext && lure ? { ok: false, why: 'double', ext, pair: `.${lure}.${ext}` } : { ok: false, why: 'type', ext: ext ?? null };
  }
  // "Faktura.exe.pdf": opens as a PDF, but reads as a program where extensions are hidden.
  const hidden = inner.find((e) => RUNS.has(e));
  if (hidden) return { ok: false, why: 'double', ext: hidden, pair: `.${hidden}.${ext}` };
  return { ok: true, ext, mime: DOCUMENT_TYPES[ext]!.mime };
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Binary file types that must never pass as text: programs (MZ, ELF, Mach-O), archives, PDF, Office. */
function looksBinaryProgramOrContainer(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, ascii('MZ')) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(bytes, ascii('PK')) ||
    startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])
  );
}

/** Whether the first bytes fit the type the extension claims (cheap checks; a text type must not be a program). */
export function contentMatchesType(ext: string, bytes: Uint8Array): boolean {
  const type = DOCUMENT_TYPES[ext];
  if (!type) return false;
  switch (type.magic) {
    case 'pdf': {
      // Readers accept the header within the first 1024 bytes.
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
      return head.includes('%PDF-');
    }
    case 'zip':
      return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
    case 'ole':
      return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'rtf':
      return startsWith(bytes, ascii('{\\rtf'));
    case 'png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'gif':
      return startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'));
    case 'tiff':
      return startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]);
    case 'text':
      return !looksBinaryProgramOrContainer(bytes);
  }
}

/**
 * A name that opens nothing: the dots of a refused name become underscores and no extension is
 * left, so no program is chosen by it ("Budgetforslag 2027.pdf.cmd" -> "Budgetforslag 2027_pdf_cmd").
 */
export function inertName(name: string): string {
  const visible = visibleName(name);
  return visible.replace(/\./g, '_') || '_';
}
