// The HTML writer renders Markdown faithfully but never passes markup through: raw HTML prints as
// the text it is, and only web and mail links survive, in the preview and in the PDF alike.
import { describe, expect, it } from 'vitest';
import type { Referat } from './build-referat';
import { renderHtml } from './html-writer';

const doc = (source: string): Referat => ({
  kind: 'minutes',
  public: false,
  language: 'da-DK',
  title: 'REFERAT <Udvalg> & Co d. 02-06-2026',
  committee: 'Udvalg',
  start: '2026-06-02T14:30',
  organization: { name: 'Kommune "Nord"', logo: null },
  facts: [{ label: 'Mødested', value: '<b>Rådhuset</b>' }],
  tocHeading: 'Indholdsfortegnelse',
  chapters: [{ anchor: 'punkt_1', number: 1, heading: 'Punkt 1: A & B', tocTitle: 'A & B', closed: false, newPage: true, blocks: [{ type: 'markdown', source }] }],
});

describe('renderHtml', () => {
  it('renders bold, italic, nested lists, tables with a header row and links', () => {
    const html = renderHtml(doc('**fed** og *kursiv*\n\n- a\n  - b\n\n1. en\n2. to\n\n| A | B |\n| --- | ---: |\n| 1 | 2 |\n\n[side](https://example.dk/x)'));
    expect(html).toContain('<strong>fed</strong> og <em>kursiv</em>');
    expect(html).toMatch(/<ul>\s*<li>a\s*<ul>\s*<li>b<\/li>\s*<\/ul>\s*<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol>\s*<li>en<\/li>\s*<li>to<\/li>\s*<\/ol>/);
    expect(html).toMatch(/<thead>\s*<tr>\s*<th>A<\/th>\s*<th align="right">B<\/th>/);
    expect(html).toContain('<a href="https://example.dk/x">side</a>');
    expect(html).toContain('<h1 id="punkt_1">Punkt 1: A &amp; B</h1>');
    expect(html).toContain('<a href="#punkt_1"><span class="t">A &amp; B</span>');
  });

  it('prints raw HTML as text, drops script links, and escapes every plain text', () => {
    const html = renderHtml(doc('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1)) [fil](file:///etc/passwd)'));
    expect(html).not.toMatch(/<script|<img|javascript:|file:/);
    expect(html).toContain('<p>&#x3C;script>alert(1)&#x3C;/script></p>');
    expect(html).toContain('<p>&#x3C;img src=x onerror=alert(1)></p>');
    expect(html).toContain('<p>klik fil</p>');
    expect(html).toContain('<title>REFERAT &lt;Udvalg&gt; &amp; Co d. 02-06-2026</title>');
    expect(html).toContain('<td>&lt;b&gt;Rådhuset&lt;/b&gt;</td>');
    expect(html).toContain('@top-left { content: "Kommune \\22 Nord\\22 "');
  });

  it('prints page numbers when known, same-width placeholders when measuring, nothing in the preview', () => {
    expect(renderHtml(doc('x'), { pages: new Map([['punkt_1', 7]]) })).toContain('<span class="p">7</span>');
    expect(renderHtml(doc('x'))).toContain('<span class="p">000</span>');
    expect(renderHtml(doc('x'), { preview: true })).toContain('<span class="p"></span>');
    expect(renderHtml(doc('x'), { measureOnly: true })).toContain('.chapter { visibility: hidden; }');
  });
});

describe('renderHtml puts no value into the page as markup', () => {
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const withOrg = (organization: Referat['organization']): Referat => ({ ...doc('x'), organization });

  it('a crafted logo value or type never injects markup; a real image is drawn from a data: URL', () => {
    const crafted = [
      { mime: 'image/png', base64: `${PNG}"><script>alert(1)</script>` },
      { mime: 'image/png" onerror="alert(1)', base64: PNG },
      { mime: 'text/html', base64: Buffer.from('<script>alert(1)</script>').toString('base64') },
      { mime: 'image/png', base64: Buffer.from('MZ not an image').toString('base64') },
    ];
    for (const logo of crafted) {
      const html = renderHtml(withOrg({ name: 'Kommune', logo }));
      expect(html).not.toMatch(/<script|onerror|class="logo"/);
    }
    expect(renderHtml(withOrg({ name: 'Kommune', logo: { mime: 'image/png', base64: PNG } }))).toContain(`<img class="logo" alt="Kommune" src="data:image/png;base64,${PNG}">`);
  });

  it('an organisation name cannot end the style sheet or its string', () => {
    const html = renderHtml(withOrg({ name: 'Nord"; } </style><script>alert(1)</script>', logo: null }));
    expect(html).not.toContain('<script');
    expect(html.indexOf('</style>')).toBe(html.lastIndexOf('</style>'));
    expect(html).toContain('@top-left { content: "Nord\\22 ; } \\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e "');
  });

  it('draws no image from a section text, wherever it points: the printed page fetches nothing', () => {
    const html = renderHtml(doc(`![kort](https://evil.example/track.png) ![fil](file:///etc/passwd) ![js](javascript:alert(1)) ![ok](data:image/png;base64,${PNG}) ![svg](data:image/svg+xml;base64,PHN2Zz4=)`));
    expect(html).not.toMatch(/evil\.example|file:|javascript:|image\/svg/);
    expect(html.match(/<img/g)).toBeNull();
  });
});
