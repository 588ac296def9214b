// The document types Referent opens: by the last extension, never a program hidden behind a
// document's name, and bytes that fit the name where that is cheap to see.
import { describe, expect, test } from 'vitest';
import { checkAttachmentName, contentMatchesType, inertName, visibleName } from './attachment-types';

const bytes = (...b: (number | string)[]): Uint8Array => new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('the name', () => {
  test('documents of the allowed types pass, whatever the case of the extension', () => {
    for (const name of ['Budget 2027.pdf', 'Notat.DOCX', 'Regnskab.xls', 'Høring.odt', 'Foto.JPEG', 'Kort.tif', 'Mail fra borger.msg', 'Liste.csv', 'Referat.docx.pdf', 'Rapport v2.1.pdf']) {
      expect(checkAttachmentName(name), name).toMatchObject({ ok: true });
    }
    expect(checkAttachmentName('Budget 2027.pdf')).toEqual({ ok: true, ext: 'pdf', mime: 'application/pdf' });
  });

  test('programs, scripts, shortcuts, web pages and macro documents are refused', () => {
    for (const [name, ext] of [
      ['setup.exe', 'exe'],
      ['Opdater.cmd', 'cmd'],
      ['run.ps1', 'ps1'],
      ['Dagsorden.lnk', 'lnk'],
      ['Side.html', 'html'],
      ['Logo.svg', 'svg'],
      ['Budget.xlsm', 'xlsm'],
      ['Pakke.iso', 'iso'],
      ['script.js', 'js'],
    ] as const) {
      expect(checkAttachmentName(name), name).toEqual({ ok: false, why: 'type', ext });
    }
    expect(checkAttachmentName('README')).toEqual({ ok: false, why: 'type', ext: null });
  });

  test('a double extension that disguises a program is refused, either way round', () => {
    expect(checkAttachmentName('Budgetforslag 2027.pdf.cmd')).toEqual({ ok: false, why: 'double', ext: 'cmd', pair: '.pdf.cmd' });
    expect(checkAttachmentName('Faktura.exe.pdf')).toEqual({ ok: false, why: 'double', ext: 'exe', pair: '.exe.pdf' });
  });

  test('what Windows would read is what counts: trailing dots and spaces, invisible and bidi characters', () => {
    expect(checkAttachmentName('Budget.cmd.')).toMatchObject({ ok: false, ext: 'cmd' });
    expect(checkAttachmentName('Budget.cmd  ')).toMatchObject({ ok: false, ext: 'cmd' });
    // "Budget\u202Efdp.exe" shows as "Budgetexe.pdf" in a file list.
    expect(checkAttachmentName('Budget\u202Efdp.exe')).toMatchObject({ ok: false, ext: 'exe' });
    expect(checkAttachmentName('Budget.p\u200bdf')).toMatchObject({ ok: true, ext: 'pdf' });
    expect(visibleName('C:\\Users\\x\\Budget\u202Efdp.exe')).toBe('Budgetfdp.exe');
  });

  test('an inert name opens nothing: no extension is left', () => {
    expect(inertName('Budgetforslag 2027.pdf.cmd')).toBe('Budgetforslag 2027_pdf_cmd');
    expect(inertName('setup.exe')).toBe('setup_exe');
    expect(checkAttachmentName(inertName('Faktura.exe.pdf'))).toEqual({ ok: false, why: 'type', ext: null });
  });
});

describe('the bytes', () => {
  test('fit the type the name claims', () => {
    expect(contentMatchesType('pdf', bytes('%PDF-1.7\n'))).toBe(true);
    expect(contentMatchesType('pdf', bytes(0xef, 0xbb, 0xbf, '%PDF-1.4'))).toBe(true);
    expect(contentMatchesType('docx', bytes('PK', 3, 4, 20))).toBe(true);
    expect(contentMatchesType('xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe(true);
    expect(contentMatchesType('png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe(true);
    expect(contentMatchesType('jpg', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true);
    expect(contentMatchesType('rtf', bytes('{\\rtf1'))).toBe(true);
    expect(contentMatchesType('txt', bytes('Dagsorden for mødet'))).toBe(true);
  });

  test('a program or another kind of file under a document name does not fit', () => {
    const exe = bytes('MZ', 0x90, 0, 3);
    for (const ext of ['pdf', 'docx', 'png', 'jpg', 'txt', 'csv', 'doc']) expect(contentMatchesType(ext, exe), ext).toBe(false);
    expect(contentMatchesType('pdf', bytes('PK', 3, 4))).toBe(false);
    expect(contentMatchesType('docx', bytes('%PDF-1.7'))).toBe(false);
    expect(contentMatchesType('txt', bytes(0x7f, 'ELF'))).toBe(false);
    expect(contentMatchesType('exe', exe)).toBe(false);
  });
});
