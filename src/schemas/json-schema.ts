import { z } from 'zod';
import { RuleSetFile } from './rule.js';

/**
 * The JSON Schema of a rule file, generated from the zod schema that
 * validates it (the copy shipped as `schema/rule-set.schema.json`). Editors
 * use it through each rule file's `$schema`; the library's own validator adds
 * what a schema cannot say (known facts per check, unique ids, citations).
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RuleSetFile, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://unpkg.com/insurance-compliance-rules/schema/rule-set.schema.json',
    title: 'insurance-compliance-rules rule set',
    description: 'One rule file: every rule of one source document, each with its citation, effective dates and conditions.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
