// The .docx XML: Heading styles with a bookmark per chapter, a dirty TOC field already filled in
// with links and the given page numbers, every element of the document in order, tables with a
// header row, real list numbering, "Side X af Y", da-DK and Liberation Sans.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReferentDocument } from '../../../src-shared/exchange';
import { buildReferat } from './build-referat';
import { renderDocx } from './docx-writer';
import { referatInputFromExchange } from './exchange-input';
import { renderHtml } from './html-writer';

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

  it('has Heading styles with bookmarks, a dirty TOC field filled with links and page numbers, and updates fields on opening', async () => {
    const p = await parts();
    const body = p['word/document.xml']!;
    expect(body).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;<\/w:instrText>/);
    expect(body).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/>/);
    expect(body).toMatch(/<w:hyperlink[^>]*w:anchor="punkt_2"[^>]*>[\s\S]*?Budgetopfølgning og rige formater[\s\S]*?<w:t[^>]*>3<\/w:t>/);
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:bookmarkStart w:name="punkt_1" w:id="\d+"\/>[\s\S]*?Punkt 1: Godkendelse af dagsorden/);
    expect(body).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Indstilling/);
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(p['word/settings.xml']).toMatch(/<w:updateFields( w:val="true")?\/>/);

    const styles = p['word/styles.xml']!;
    expect(styles).toContain('<w:lang w:val="da-DK"/>');
    expect(styles).toContain('w:ascii="Liberation Sans"');
    // Each item of the minutes starts a page: the break is the chapter's, so the compact decision record can run on.
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>[\s\S]*?Punkt 1: Godkendelse af dagsorden/);
    expect(styles).not.toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">((?!<\/w:style>)[\s\S])*<w:pageBreakBefore\/>/);
    // Every style the body names is defined (Word falls back silently, but a checker does not).
    const defined = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...body.matchAll(/<w:[pr]Style w:val="([^"]+)"\/>/g)].map((m) => m[1]));
    expect([...used].filter((s) => !defined.has(s))).toEqual([]);

    const footer = Object.entries(p).find(([k]) => /^word\/footer\d*\.xml$/.test(k))![1];
    expect(paragraphsOf(footer.replace(/<w:instrText[^>]*>\s*(PAGE|NUMPAGES)\s*<\/w:instrText>/g, '<w:t>{$1}</w:t>'))).toEqual(['Side {PAGE} af {NUMPAGES}']);
    const header = Object.entries(p).find(([k]) => /^word\/header\d*\.xml$/.test(k))![1];
    expect(paragraphsOf(header)).toEqual(['Haderslev Kommune']);
    expect(p['docProps/core.xml']).toContain('<dc:title>REFERAT Organisations- og Beredskabsudvalget d. 10-03-2026</dc:title>');
    // A link of the text keeps its target; the TOC and the headings use bookmarks only.
    expect(p['word/_rels/document.xml.rels']).toContain('Target="https://www.haderslev.dk/politik"');
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
    expect(paragraphsOf(strFromU8(header))).toEqual(['Haderslev Kommune']);

    const html = renderHtml(withLogo);
    expect(html).toContain(`<img class="logo" alt="Haderslev Kommune" src="data:image/png;base64,${logo.base64}">`);
    expect(html).toContain('@top-left { content: "Haderslev Kommune"');
  });
});
