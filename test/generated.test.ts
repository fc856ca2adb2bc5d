/** Generated artefacts must match their sources of truth: regenerate with `npm run build` / `npm run docs`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACT_CATALOGS, calendarJsonSchema, catalogueMarkdown, defaultRulebook, factsMarkdown, ruleSetJsonSchema } from '../src/index.js';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');

describe('generated files are up to date', () => {
  it('schema/rule-set.schema.json is generated from the zod schema (npm run build)', () => {
    expect(JSON.parse(read('schema/rule-set.schema.json'))).toEqual(ruleSetJsonSchema());
  });
  it('schema/calendar.schema.json is generated from the zod schemas (npm run build)', () => {
    expect(JSON.parse(read('schema/calendar.schema.json'))).toEqual(calendarJsonSchema());
  });
  it('docs/rules.md names every shipped rule (npm run docs)', () => {
    const doc = read('docs/rules.md');
    expect(doc).toBe(catalogueMarkdown(defaultRulebook));
    for (const rule of defaultRulebook.rules) expect(doc).toContain(`\`${rule.id}\``);
  });
  it('docs/facts.md lists every fact of every check (npm run docs)', () => {
    expect(read('docs/facts.md')).toBe(factsMarkdown(FACT_CATALOGS));
  });
  it('every shipped rule file points editors at the shipped JSON Schema', () => {
    for (const set of defaultRulebook.ruleSets) {
      expect(JSON.parse(read(`rules/${set.source}.json`)).$schema).toBe('../schema/rule-set.schema.json');
    }
  });
});
