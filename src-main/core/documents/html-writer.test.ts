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
    expect(html).toContain('@top-left { content: "Kommune \\"Nord\\""');
  });

  it('prints page numbers when known, same-width placeholders when measuring, nothing in the preview', () => {
    expect(renderHtml(doc('x'), { pages: new Map([['punkt_1', 7]]) })).toContain('<span class="p">7</span>');
    expect(renderHtml(doc('x'))).toContain('<span class="p">000</span>');
    expect(renderHtml(doc('x'), { preview: true })).toContain('<span class="p"></span>');
    expect(renderHtml(doc('x'), { measureOnly: true })).toContain('.chapter { visibility: hidden; }');
  });
});
