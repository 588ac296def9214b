// The chapters of the .docx are written as XML strings (docx-body.ts), not through docx's object
// model: it is most of the file and most of the time. These files were written by the docx
// library itself before that change; the strings must give the same document.xml, numbering and
// relationships, byte for byte but for the ids docx draws at random (hyperlinks) or counts
// (bookmarks). Every construct the writers support is in the kitchen-sink item below.
// GOLDEN=1 rewrites the files (only ever from a writer known to be right).
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReferentDocument } from '../../../src-shared/exchange';
import { buildReferat, type DocumentKind, type Referat } from './build-referat';
import { renderDocx } from './docx-writer';
import { referatInputFromExchange } from './exchange-input';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures');
const GOLDEN = path.join(FIXTURES, 'documents/docx-golden');

const KITCHEN_SINK = [
  '# Overskrift i teksten',
  'Tekst med `kode`, et [**fedt** link](https://example.dk/a?b=1&c=2), et [dårligt link](javascript:alert(1)), <b>html</b> og tegn: < > & " \' \u0001.  \nLinje to efter hårdt linjeskift.\\\nLinje tre.',
  '> Citat med *kursiv*\n>\n> - liste i citat',
  '- [x] gjort\n- [ ] ikke gjort',
  'Se [afsnittet](https://example.dk/side#afsnit-2), skriv til [os](mailto:post@example.dk) eller <https://example.dk/kort>.',
  '',
  '3. tre\n4. fire\n\n   Andet afsnit i punkt fire.\n\n   ```\n   kode i liste\n   ```',
  '---',
  '```js\nconst a = 1;\nconst b = 2;\n```',
  '| A | B | C |\n| :-: | - | --: |\n| 1 | **2** | 3 |',
  '| D |\n| - |\n| 4 |',
  '![billede](https://example.dk/x.png)',
  'Fodnote[^1] og ~~gennemstreget *kursiv*~~.\n\n[^1]: Noten.',
  '-',
  '## Mellemrubrik\n\n1. sidste\n   - indlejret\n     1. dybt',
].join('\n\n');

function fixtureDocs(): [string, Referat][] {
  const out: [string, Referat][] = [];
  for (const [name, file] of [['rich', 'documents/rich-meeting.json'], ['reference', 'reference-referat.json']] as const) {
    const ex = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as ReferentDocument;
    const committee = ex.committees[0]!;
    const meeting = committee.meetings[0]!;
    if (name === 'rich') {
      // The kitchen sink, as an item of its own and as the text right before the "Bilag" heading.
      const sink = { ...meeting.items[1]!, title: 'Alt på én gang', sections: [{ kind: 'summary', body: KITCHEN_SINK }, { kind: 'presentation', body: '| T |\n| - |\n| slut |' }] };
      meeting.items = [...meeting.items, sink as (typeof meeting.items)[number]];
    }
    const variants: [DocumentKind, boolean][] = name === 'rich' ? [['minutes', false], ['minutes', true], ['decisions', false], ['agenda', false]] : [['minutes', false], ['decisions', true]];
    for (const [kind, isPublic] of variants) out.push([`${name}-${kind}${isPublic ? '-public' : ''}`, buildReferat(referatInputFromExchange(committee, meeting, 'Haderslev Kommune'), kind, { public: isPublic })]);
  }
  return out;
}

/** The parts that hold the body, with docx's ids replaced by their order of appearance. */
export function normalizedParts(files: Record<string, Uint8Array>): string {
  const doc = strFromU8(files['word/document.xml']!);
  const rels = strFromU8(files['word/_rels/document.xml.rels']!);
  const links = new Map<string, string>();
  const bookmarks = new Map<string, string>();
  const body = doc
    .replace(/r:id="(rId[^"]*)"/g, (m, id: string) => (/^rId\d+$/.test(id) ? m : `r:id="${links.get(id) ?? (links.set(id, `link${links.size + 1}`), `link${links.size}`)}"`))
    .replace(/(<w:bookmark(?:Start|End)[^>]*w:id=")(\d+)"/g, (_, head: string, id: string) => `${head}${bookmarks.get(id) ?? (bookmarks.set(id, String(bookmarks.size + 1)), bookmarks.size)}"`);
  const relationships = [...rels.matchAll(/<Relationship [^>]*\/>/g)]
    .map((m) => m[0].replace(/Id="([^"]*)"/, (x, id: string) => (links.has(id) ? `Id="${links.get(id)}"` : x)))
    .sort();
  return [body, strFromU8(files['word/numbering.xml']!), ...relationships].join('\n\n');
}

describe('the .docx body as XML strings', () => {
  for (const [name, doc] of fixtureDocs()) {
    it(`${name}: the same document.xml, numbering and links as docx wrote`, async () => {
      const pages = new Map(doc.chapters.map((c, i) => [c.anchor, i + 3]));
      const got = normalizedParts(unzipSync(await renderDocx(doc, { pages, at: new Date('2026-06-03T00:00:00Z') })));
      const file = path.join(GOLDEN, `${name}.xml`);
      if (process.env.GOLDEN === '1') fs.writeFileSync(file, got);
      expect(got).toBe(fs.readFileSync(file, 'utf8'));
    });
  }
});
