// Paste cleaning on HTML exactly as Word puts it on the clipboard (tests/fixtures/word-paste/*.html).
import { describe, expect, it } from 'vitest';
import { normalizeMarkdown } from './markdown';
import { cleanPastedHtml } from './paste-word';
import { wordFixture } from './test-fixtures';

function paste(fixture: string) {
  const result = cleanPastedHtml(wordFixture(fixture));
  // What paste produces is already what the editor stores: no second save after loading it again.
  expect(normalizeMarkdown(result.markdown)).toBe(result.markdown);
  return result;
}

describe('paste from Word', () => {
  it('turns MsoListParagraph paragraphs into real nested bullet and numbered lists', () => {
    const { markdown, notices } = paste('list');
    expect(markdown).toBe(
      [
        'Direktøren for Arbejdsmarked og Borgerservice indstiller, at Organisations- og Beredskabsudvalget over for Kommunalbestyrelsen anbefaler, at',
        '',
        '- orienteringen tages til efterretning,',
        '- Haderslev Kommunes Informationssikkerhedspolitik 2026 godkendes, herunder',
        '  - opfølgende tiltag på baggrund af sidste års årsberetning',
        '    - anvendelse af kunstig intelligens (AI)',
        '- **handleplanen** drøftes.',
        '',
        'Sagen behandles i denne rækkefølge:',
        '',
        '1. Organisations- og Beredskabsudvalget 2. juni 2026',
        '   1. høring i MED-udvalget',
        '   2. høring i Handicaprådet',
        '2. Kommunalbestyrelsen 23. juni 2026',
        '',
      ].join('\n'),
    );
    expect(markdown).not.toMatch(/mso|·|&nbsp;|o:p|supportLists/);
    expect(notices).toEqual([]);
  });

  it('nests the flat per-level lists of Word for the web (data-aria-level)', () => {
    const { markdown, notices } = paste('word-online-list');
    expect(markdown).toBe(
      [
        'Direktøren for Arbejdsmarked og Borgerservice indstiller, at',
        '',
        '- orienteringen tages til efterretning,',
        '- handleplanen **godkendes**, herunder',
        '  - digital inklusion',
        '  - dataetik',
        '- strategien offentliggøres.',
        '',
      ].join('\n'),
    );
    expect(notices).toEqual([]);
  });

  it('tells numbers from bullets by the marker when Word left out its list styles, and keeps the start number', () => {
    const { markdown } = paste('list-without-styles');
    expect(markdown).toBe('3. udvalget godkender det tekniske budget\n4. udvalget godkender det supplerende budget\n');
  });

  it('drops the bullet Word writes as text when it leaves out the mso-list:Ignore span ("· Specialklasser" stays "Specialklasser")', () => {
    const { markdown } = paste('word-mac-bullets-without-ignore');
    expect(markdown).toBe(
      [
        'Skoleforvaltningen foreslår, at der i 2027 oprettes:',
        '',
        '- Specialklasser',
        '- Modtageklasser for nyankomne elever',
        '  - på Fællesskolen Hammelev-Sdr. Otting',
        '- Et ekstra spor i **0. klasse**',
        '',
      ].join('\n'),
    );
    expect(markdown).not.toMatch(/[·•\uf0b7]/);
  });

  it('nests Word 365 numbered lists with "a)" and "i." sub-levels, and keeps a bullet list after them apart', () => {
    const { markdown } = paste('word365-numbered-lettered');
    expect(markdown).toBe(
      [
        'Børne- og Skoleudvalget indstiller, at',
        '',
        '1. kapacitetsplanen for skoleåret 2027/28 godkendes, herunder',
        '   1. antallet af specialklasser hæves fra 14 til 16,',
        '   2. modtageklasserne samles på to skoler, og',
        '      1. den ene placeres i Vojens,',
        '      2. den anden i Haderslev,',
        '2. udgiften på **1,8 mio. kr.** finansieres af puljen til inklusion, og',
        '3. sagen sendes i høring i skolebestyrelserne.',
        '',
        'Høringen omfatter:',
        '',
        '- skolebestyrelserne',
        '- MED-udvalgene',
        '',
      ].join('\n'),
    );
  });

  it('turns bullets and letters typed by hand (a Symbol bullet or "a)" and a tab) into real lists, and leaves "2. juni" a paragraph', () => {
    const { markdown } = paste('word-manual-bullets');
    expect(markdown).toBe(
      [
        'Forvaltningen har undersøgt tre modeller:',
        '',
        '- Specialklasser på distriktsskolerne',
        '- Et samlet specialtilbud',
        '- Uændret struktur',
        '',
        'Forvaltningen anbefaler, at',
        '',
        '1. modellen med specialklasser vælges, og',
        '2. forældrene orienteres inden 1. marts.',
        '',
        '2\\. juni 2026 blev sagen drøftet i MED.',
        '',
      ].join('\n'),
    );
  });

  it('flattens what a GFM table cannot hold and says so', () => {
    const { markdown, notices } = paste('table-merged');
    expect(markdown).toBe(
      [
        'Budgetoverblik for udvalget (1.000 kr.):',
        '',
        '| Område                  | Budget 2027               | Budget 2028                 |',
        '| ----------------------- | ------------------------- | --------------------------- |',
        '| Digitalisering          | 12.450 (uændret begge år) |                             |',
        '|                         | heraf drift: 9.100        | heraf drift: 9.250          |',
        '| *Informationssikkerhed* | NIS2-tiltag; uddannelse   | 3.200 Heraf 400 til kurser. |',
        '',
      ].join('\n'),
    );
    expect(notices).toEqual(['merged-cells', 'cell-lists', 'cell-paragraphs']);
  });

  it('keeps bold and italic runs, drops fonts, colours, underline and images, and says images were left out', () => {
    const { markdown, notices } = paste('bold-italic');
    expect(markdown).toBe(
      [
        '**Resume og sagens baggrund**',
        '',
        'Haderslev Kommune har i KL’s Baseline for 2026 opnået en samlet placering som **nr. 62** (27 bedre end i 2025). Målingen er *vejledende*, og **_ikke bindende_** for udvalget.',
        '',
        '2\\. juni er mødedatoen – understreget tekst bliver almindelig.',
        '',
      ].join('\n'),
    );
    expect(notices).toEqual(['images']);
  });

  it('keeps links to the web and to mail, and drops Word bookmarks and links inside the document', () => {
    const { markdown, notices } = paste('link');
    expect(markdown).toBe(
      [
        'Læs hele årsberetningen på [kommunens hjemmeside](https://www.haderslev.dk/borger/databeskyttelse) eller skriv til <dpo@haderslev.dk>.',
        '',
        'Se også bilag 1 og [**KL’s** vejledning](https://www.kl.dk/).',
        '',
      ].join('\n'),
    );
    expect(notices).toEqual([]);
  });
});

describe('paste from elsewhere', () => {
  it('reads bold and italic from styles, as Google Docs and web pages write them', () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">Fed</span><span style="font-weight:400"> og </span><span style="font-style:italic">kursiv</span></p></b>';
    expect(cleanPastedHtml(html).markdown).toBe('**Fed** og *kursiv*\n');
  });

  it('keeps lines from <div>s apart and real lists as lists, and refuses script links', () => {
    const html = '<div>Første linje</div><div>Anden <a href="javascript:alert(1)">linje</a></div><ul><li>a<ul><li>b</li></ul></li></ul>';
    expect(cleanPastedHtml(html).markdown).toBe('Første linje\n\nAnden linje\n\n- a\n  - b\n');
  });

  it('drops a bullet glyph written as text inside a real list item', () => {
    expect(cleanPastedHtml('<ul><li>· Specialklasser</li><li>•\tModtageklasser</li></ul>').markdown).toBe('- Specialklasser\n- Modtageklasser\n');
  });

  it('turns a table inside a table into text', () => {
    const html = '<table><tr><th>Sag</th><th>Noter</th></tr><tr><td>26/4881</td><td><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></td></tr></table>';
    const { markdown, notices } = cleanPastedHtml(html);
    expect(markdown).toBe('| Sag     | Noter      |\n| ------- | ---------- |\n| 26/4881 | a, b; c, d |\n');
    expect(notices).toEqual(['nested-tables']);
  });
});
