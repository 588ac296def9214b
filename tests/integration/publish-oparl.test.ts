// The OParl 1.1 export: every object validates against the vendored OParl schemas (Ajv, draft 07:
// the schemas declare none), ids are URLs under the base, lists are the spec's paginated lists,
// and nothing of a closed item goes in beyond its public title and published decision.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src-main/core/publish/site';
import { plannedMeeting, refMeeting, richMeeting, siteInput } from '../helpers/publish-site';

const BASE = 'https://www.haderslev.dk/politik/obu/';
const schemaDir = path.resolve(import.meta.dirname, '../../resources/oparl/schema');
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }) // the schemas' patterns escape ':' and '/', which the u flag refuses;
addFormats(ajv);
ajv.addFormat('url', { validate: (s: string) => /^https?:\/\/\S+$/.test(s) });
const validators = new Map<string, ValidateFunction>(
  fs.readdirSync(schemaDir).map((f) => [f.replace(/\.json$/, ''), ajv.compile(JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8')) as object)]),
);

type Obj = Record<string, unknown> & { id?: string; type?: string };
/** Every object in a JSON value that has an OParl type, nested ones too. */
function objects(v: unknown, out: Obj[] = []): Obj[] {
  if (Array.isArray(v)) for (const x of v) objects(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Obj;
    if (typeof o.type === 'string' && o.type.startsWith('https://schema.oparl.org/1.1/')) out.push(o);
    for (const x of Object.values(o)) objects(x, out);
  }
  return out;
}

for (const profile of ['committee', 'council'] as const) {
  describe(`the OParl export (${profile} profile)`, () => {
    const site = buildSite({ ...siteInput([richMeeting, refMeeting, plannedMeeting], profile), oparlBase: BASE });
    const files = site.files.filter((f) => f.path.startsWith('oparl/'));
    const json = new Map(files.map((f) => [f.path, JSON.parse(new TextDecoder().decode(f.bytes)) as Obj]));

    it('validates every object against the OParl 1.1 schema of its type', () => {
      // The schemas do check: a File without accessUrl, or of another type, fails.
      expect(validators.get('File')!({ id: `${BASE}oparl/file/x.json`, type: 'https://schema.oparl.org/1.1/File' })).toBe(false);
      expect(validators.get('Meeting')!({ id: `${BASE}oparl/meeting/x.json`, type: 'https://schema.oparl.org/1.1/Paper' })).toBe(false);
      const all = [...json.values()].flatMap((v) => objects(v));
      const types = new Set(all.map((o) => o.type!.split('/').at(-1)));
      expect([...types].sort()).toEqual(['AgendaItem', 'Body', 'Consultation', 'File', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System']);
      for (const o of all) {
        const validate = validators.get(o.type!.split('/').at(-1)!)!;
        expect(validate(o) ? [] : validate.errors, `${o.id}`).toEqual([]);
        expect(o.id!.startsWith(`${BASE}oparl/`)).toBe(true);
        expect(o.created ?? o.modified).toBeDefined();
      }
    });

    it('writes each object at its id, and the lists as paginated lists of them', () => {
      for (const [p, o] of json) {
        if (p.endsWith('-list.json')) {
          const data = o.data as Obj[];
          expect(o.pagination).toMatchObject({ totalElements: data.length, currentPage: 1, totalPages: 1 });
          for (const d of data) expect(json.has(d.id!.slice(BASE.length)), d.id).toBe(true);
        } else expect(o.id).toBe(`${BASE}${p}`);
      }
      const body = json.get('oparl/body.json')!;
      for (const k of ['organization', 'person', 'meeting', 'paper']) expect(json.has(String(body[k]).slice(BASE.length)), k).toBe(true);
      const paper = json.get('oparl/paper/sag-26-1001.json') ?? [...json.values()].find((o) => o.type === 'https://schema.oparl.org/1.1/Paper' && o.reference);
      expect(paper?.reference).toBeTruthy();
      const file = [...json.values()].find((o) => o.type === 'https://schema.oparl.org/1.1/File')!;
      expect(file.sha512Checksum).toMatch(/^[0-9a-f]{128}$/);
    });

    it('holds a closed item only as its public title, and votes and dissents under referent:', () => {
      const closed = richMeeting.items.filter((i) => i.access === 'closed');
      const text = files.map((f) => new TextDecoder().decode(f.bytes)).join('\n');
      for (const item of closed) {
        expect(text.includes(item.title)).toBe(false);
        for (const a of item.attachments ?? []) expect(text.includes(a.title)).toBe(false);
      }
      const items = [...json.values()].filter((o) => o.type === 'https://schema.oparl.org/1.1/AgendaItem' && String(o.meeting).includes('2026-03-10'));
      expect(items.filter((i) => i.public === false).map((i) => i.name)).toEqual(['Lukket punkt', 'Lukket punkt']);
      expect(items.some((i) => i['referent:votes'])).toBe(true);
    });
  });
}
