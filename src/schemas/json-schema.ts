import { z } from 'zod';
import { CalendarExtension, CalendarFile } from '../calendar/calendar-file.js';
import { RuleSetFile } from './rule.js';

/** A shipped JSON Schema: zod's draft 2020-12 output under the package's own id, title and description. */
function shippedJsonSchema(schema: z.ZodType, file: string, title: string, description: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return { $schema, $id: `https://unpkg.com/insurance-compliance-rules/schema/${file}`, title, description, ...rest };
}

/**
 * The JSON Schema of a rule file, generated from the zod schema that
 * validates it (the copy shipped as `schema/rule-set.schema.json`). Editors
 * use it through each rule file's `$schema`; the library's own validator adds
 * what a schema cannot say (known facts per check, unique ids, citations).
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return shippedJsonSchema(
    RuleSetFile,
    'rule-set.schema.json',
    'insurance-compliance-rules rule set',
    'One rule file: every rule of one source document, each with its citation, effective dates and conditions.',
  );
}

/**
 * The JSON Schema of a calendar file a user supplies (`--calendar FILE`, a
 * fixture's `calendar`, `loadCalendar`): a whole calendar, or
 * `{ "extends": "cn-mainland", "years": [ … ] }`. Shipped as
 * `schema/calendar.schema.json`; the library's validator adds the
 * consistency rules a schema cannot say (weekend make-up days, no gaps).
 */
export function calendarJsonSchema(): Record<string, unknown> {
  return shippedJsonSchema(
    z.union([CalendarFile, CalendarExtension]),
    'calendar.schema.json',
    'insurance-compliance-rules working-day calendar',
    'A working-day calendar: every holiday and make-up working day of the covered years, each year citing its notice; or a shipped calendar extended with your years.',
  );
}
