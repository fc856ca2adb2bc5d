// Writes schema/rule-set.schema.json and schema/calendar.schema.json from the zod schemas in the built library.
// Run by `npm run build`; test/schema.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { calendarJsonSchema, ruleSetJsonSchema } from '../dist/index.js';

const text = `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`;
writeFileSync(new URL('../schema/rule-set.schema.json', import.meta.url), text);
writeFileSync(new URL('../schema/calendar.schema.json', import.meta.url), `${JSON.stringify(calendarJsonSchema(), null, 2)}\n`);
