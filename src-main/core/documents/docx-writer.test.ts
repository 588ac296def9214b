// The .docx XML: Heading styles with a bookmark per chapter, a TOC field already filled in with
// links and the given page numbers that asks Word for no update, every element of the document in
// order, tables with a header row, real list numbering, "Side X af Y", da-DK, Arial with a complete
// font table, and the document's metadata.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReferentDocument } from '../../../src-shared/exchange';
import { buildReferat } from './build-referat';
import { renderDocx } from './docx-writer';
import { referatInputFromExchange } from './exchange-input';
import { renderHtml } from './html-writer';
import { VERSION } from '../version';

const doc = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../tests/fixtures/documents/rich-meeting.json'), 'utf8')) as ReferentDocument;
const committee = doc.committees[0]!;
const referat = buildReferat(referatInputFromExchange(committee, committee.meetings[0]!, 'Haderslev Kommune'), 'minutes');
const pages = new Map(referat.chapters.map((c, i) => [c.anchor, i + 2]));

async function parts(): Promise<Record<string, string>> {
  const files = unzipSync(await renderDocx(referat, { pages }));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** The visible text of document.xml, paragraph by paragraph. */
const paragraphsOf = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter(Boolean);

describe('the .docx writer', () => {
  it('writes every element of the document, in order', async () => {
    const text = paragraphsOf((await parts())['word/document.xml']!);
    const expected = [
      'REFERAT Organisations- og Beredskabsudvalget d. 10-03-2026',
      'Mødedato',
      'Tirsdag d. 10. marts 2026 kl. 14:30',
      'Mødested',
      'Mødedeltagere',
      'Indholdsfortegnelse',
      'Godkendelse af dagsorden2',
      'Budgetopfølgning og rige formater3',
      'Tilføjelser efter godkendelse9',
      'Punkt 1: Godkendelse af dagsorden',
      '25/30730',
      'Indstilling',
      'dagsorden godkendes.',
      'Procedure',
      'Økonomiudvalget 10. marts 2026',
      'Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026',
      'Godkendt',
      'Punkt 2: Budgetopfølgning og rige formater',
      'Resume og sagens baggrund',
      'Første niveau',
      'Andet niveau med fed tekst',
      'Område',
      'Beredskab',
      'Se mere på kommunens hjemmeside.',
      'Godkendt med bemærkning om tæt opfølgning.',
      'Afstemning – For: 3 (Holger Mikkelsen, Finn Lykkeskov, Anne Juhl); Imod: 1 (Carsten Dyhre Hansen); Undlod at stemme: 1 (F (1))',
      'Protokoltilførsel fra Carsten Dyhre Hansen: Dansk Folkeparti kan ikke støtte forslaget, da anlægsrammen er for lav.',
      'Inhabil: Jørgen Smed',
      'Bilag',
      'Budgetnotat marts 2026.pdf',
      'Punkt 3: Salg af areal ved Vestermarken',
      'Underskriftsside',
      'Medlem',
      'Holger Mikkelsen',
      'Godkendt 11-03-2026 kl. 09:15',
      'Tilføjelser efter godkendelse',
      'Tilføjet 20-03-2026',
    ];
    let at = 0;
    for (const e of expected) {
      const found = text.indexOf(e, at);
      expect({ element: e, found: found >= 0 }).toEqual({ element: e, found: true });
      at = found + 1;
    }
  });

  it('has Heading styles with bookmarks and a filled-in TOC that asks for no update on opening', async () => {
    const p = await parts();
    const body = p['word/document.xml']!;
    expect(body).toMatch(/<w:instrText[^>]*> TOC \\o &quot;1-1&quot; \\h \\z \\u <\/w:instrText>/);
    // Nothing tells Word to update fields: no dirty field, no updateFields setting, so no question on opening.
    expect(body).not.toContain('w:dirty');
    expect(p['word/settings.xml']).not.toContain('updateFields');
    expect(body).toMatch(/<w:hyperlink w:anchor="punkt_2"[^>]*><w:r><w:t[^>]*>Budgetopfølgning og rige formater<\/w:t><\/w:r><w:r><w:tab\/><w:t[^>]*>3<\/w:t><\/w:r><\/w:hyperlink>/);
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:bookmarkStart w:name="punkt_1" w:id="\d+"\/>[\s\S]*?Punkt 1: Godkendelse af dagsorden/);
    expect(body).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Indstilling/);
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>/);

    const styles = p['word/styles.xml']!;
    expect(styles).toContain('<w:lang w:val="da-DK"/>');
    // Each item of the minutes starts a page: the break is the chapter's, so the compact decision record can run on.
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>[\s\S]*?Punkt 1: Godkendelse af dagsorden/);
    expect(styles).not.toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">((?!<\/w:style>)[\s\S])*<w:pageBreakBefore\/>/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="TOC1">[\s\S]*?<w:tab w:val="right" w:pos="9026" w:leader="dot"\/>/);
    // Every style the body names is defined (Word falls back silently, but a checker does not).
    const defined = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...body.matchAll(/<w:[pr]Style w:val="([^"]+)"\/>/g)].map((m) => m[1]));
    expect([...used].filter((s) => !defined.has(s))).toEqual([]);

    const footer = Object.entries(p).find(([k]) => /^word\/footer\d*\.xml$/.test(k))![1];
    expect(paragraphsOf(footer.replace(/<w:instrText[^>]*>\s*(PAGE|NUMPAGES)\s*<\/w:instrText>/g, '<w:t>{$1}</w:t>'))).toEqual(['Side {PAGE} af {NUMPAGES}']);
    // A link of the text keeps its target; the TOC and the headings use bookmarks only.
    expect(p['word/_rels/document.xml.rels']).toContain('Target="https://www.haderslev.dk/politik"');
  });

  it('names Arial, which every Office has, and describes each font it names in the font table as Word does', async () => {
    const p = await parts();
    const fontTable = p['word/fontTable.xml']!;
    expect(fontTable).toMatch(
      /<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"\/><w:charset w:val="00"\/><w:family w:val="swiss"\/><w:pitch w:val="variable"\/><w:sig [^>]*\/><\/w:font>/,
    );
    const tabled = new Set([...fontTable.matchAll(/<w:font w:name="([^"]+)">/g)].map((m) => m[1]));
    const named = new Set(Object.values(p).flatMap((xml) => [...xml.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1])));
    expect([...named]).toContain('Arial');
    expect([...named].filter((f) => !tabled.has(f))).toEqual([]);
    expect(Object.values(p).join('')).not.toContain('Liberation');
  });

  it('says what it is: title, author, subject, language and the program that made it', async () => {
    const p = await parts();
    const core = p['docProps/core.xml']!;
    expect(core).toContain('<dc:title>REFERAT Organisations- og Beredskabsudvalget d. 10-03-2026</dc:title>');
    expect(core).toContain('<dc:creator>Haderslev Kommune</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Haderslev Kommune</cp:lastModifiedBy>');
    expect(core).toContain('<dc:subject>Organisations- og Beredskabsudvalget, møde 10-03-2026</dc:subject>');
    expect(core).toContain('<dc:language>da-DK</dc:language>');
    expect(core).not.toContain('Un-named');
    expect(p['docProps/app.xml']).toContain(`<Application>Referent ${VERSION}</Application>`);
  });

  it('prints the organisation, the committee and the date in the running header', async () => {
    const header = Object.entries(await parts()).find(([k]) => /^word\/header\d*\.xml$/.test(k))![1];
    expect(header.replace(/<w:tab\/>/g, '<w:t>\t</w:t>')).toMatch(/Haderslev Kommune<\/w:t>[\s\S]*\t<\/w:t>[\s\S]*Organisations- og Beredskabsudvalget 10-03-2026<\/w:t>/);
    expect(renderHtml(referat)).toContain('@top-right { content: "Organisations- og Beredskabsudvalget 10-03-2026"');
  });

  it('without page numbers, lists the linked titles alone: no dots leading to nothing, no number', async () => {
    const body = strFromU8(unzipSync(await renderDocx(referat))['word/document.xml']!);
    expect(body).toMatch(/<w:hyperlink w:anchor="punkt_2"[^>]*><w:r><w:t[^>]*>Budgetopfølgning og rige formater<\/w:t><\/w:r><\/w:hyperlink>/);
    expect(body.slice(body.indexOf('<w:sdt>'), body.indexOf('</w:sdt>'))).not.toContain('<w:tab/>');
  });

  it('puts the municipality logo at the head of the first page in both writers, the name in the running header', async () => {
    // A 2 x 1 pixel PNG.
    const logo = { mime: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwyBDAAv3QP9ZO5/RwAAAABJRU5ErkJggg==' };
    const withLogo = { ...referat, organization: { name: 'Haderslev Kommune', logo } };
    const files = unzipSync(await renderDocx(withLogo, { pages }));
    expect(Object.keys(files).filter((k) => k.startsWith('word/media/'))).toHaveLength(1);
    const body = strFromU8(files['word/document.xml']!);
    expect(body.indexOf('<w:drawing>')).toBeLessThan(body.indexOf('REFERAT Organisations'));
    expect(body).toMatch(/<wp:docPr [^>]*descr="Haderslev Kommune"/);
    const header = Object.entries(files).find(([k]) => /^word\/header\d*\.xml$/.test(k))![1];
    expect(paragraphsOf(strFromU8(header))).toEqual(['Haderslev KommuneOrganisations- og Beredskabsudvalget 10-03-2026']);

    const html = renderHtml(withLogo);
    expect(html).toContain(`<img class="logo" alt="Haderslev Kommune" src="data:image/png;base64,${logo.base64}">`);
    expect(html).toContain('@top-left { content: "Haderslev Kommune"');
  });
});
