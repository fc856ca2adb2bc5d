// Writes schema/rule-set.schema.json from the zod schema in the built library.
// Run by `npm run build`; test/schema.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { ruleSetJsonSchema } from '../dist/index.js';

const text = `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`;
writeFileSync(new URL('../schema/rule-set.schema.json', import.meta.url), text);
