// Values that differ from a current one yet pass the same zod schema, found from the schema
// itself: a test built on them covers every field a schema gains later without being edited.
import type { z } from 'zod';

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; entries?: Record<string, string>; keyType?: z.ZodType; valueType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType };

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

/** Candidate values, each different from `current`, to try in order until the schema (and the service) accepts one. */
export function differentValues(schema: z.ZodType, current: unknown): unknown[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return differentValues(def.innerType!, current);
    case 'pipe':
      return differentValues(def.in!, current);
    case 'boolean':
      return [current !== true];
    case 'number':
      return [typeof current === 'number' ? current + 1 : 1];
    case 'string': {
      const text = typeof current === 'string' ? current : '';
      return [`${text} Æ`.trim(), 'Ændret', `Æ${text}`.slice(0, 20), '2027-01-15', '09:45'].filter((v) => v !== current);
    }
    case 'enum':
      return Object.values(def.entries!).filter((v) => v !== current);
    case 'array': {
      const list = Array.isArray(current) ? current : [];
      const reversed = [...list].reverse();
      const extra = differentValues(def.element!, undefined)[0];
      const out: unknown[] = [];
      if (JSON.stringify(reversed) !== JSON.stringify(list)) out.push(reversed);
      if (extra !== undefined) out.push([...list, extra]);
      return out;
    }
    case 'record': {
      const keys = defOf(def.keyType!).entries ? Object.values(defOf(def.keyType!).entries!) : ['Æ'];
      const cur = (current ?? {}) as Record<string, unknown>;
      return [Object.fromEntries(keys.map((k) => [k, differentValues(def.valueType!, cur[k])[0]]))];
    }
    case 'object': {
      const cur = (current ?? {}) as Record<string, unknown>;
      return [Object.fromEntries(Object.entries(def.shape!).map(([k, s]) => [k, differentValues(s, cur[k])[0]]))];
    }
    case 'union':
      return def.options!.flatMap((o) => differentValues(o, current));
    default:
      return [];
  }
}

/** The fields of an object schema (through optional and the like). */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema);
  if (def.shape) return def.shape;
  if (def.innerType) return shapeOf(def.innerType);
  if (def.in) return shapeOf(def.in);
  throw new Error(`not an object schema: ${def.type}`);
}
