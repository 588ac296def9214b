// `npm run schema`: writes resources/schema/referent-v1.schema.json from the zod schema.
import fs from 'node:fs';
import path from 'node:path';
import { renderJsonSchema } from '../src-main/core/exchange/json-schema';

const target = path.resolve(import.meta.dirname, '../resources/schema/referent-v1.schema.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderJsonSchema());
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
