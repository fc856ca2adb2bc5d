import { InputError, type InputIssue } from '../../errors.js';
import { parseInput } from '../../engine/input.js';
import { ArchiveRecord } from '../../schemas/record.js';
import { compareCivilDates } from '../../time/civil.js';
import type { CheckDefinition } from '../definition.js';
import { RETENTION_FACTS, type RetentionFacts, deriveRetentionFacts, eventDay } from './facts.js';

/** Validates a record: schema, then what the schema cannot see (a dispute ending before it began). */
export function parseRecord(input: unknown): ArchiveRecord {
  const record = parseInput(ArchiveRecord, input, 'record');
  const issues: InputIssue[] = [];
  (record.disputes ?? []).forEach((d, i) => {
    const opened = eventDay(d.openedAt)!;
    const resolved = eventDay(d.resolvedAt);
    if (resolved && compareCivilDates(resolved, opened) < 0) {
      issues.push({ path: `disputes[${i}].resolvedAt`, message: `is before the dispute was opened (${d.openedAt})` });
    }
  });
  if (issues.length) throw new InputError(issues, 'record');
  return record;
}

/**
 * The retention check. It has no default `asOf`: a record is judged on a
 * given day, under the rules in force that day.
 */
export const retentionCheck: CheckDefinition<ArchiveRecord, RetentionFacts> = {
  check: 'retention',
  what: 'record',
  catalog: RETENTION_FACTS,
  parse: parseRecord,
  derive: (record, { asOf }) => deriveRetentionFacts(record, asOf),
  id: (record) => record.id,
  defaultAsOf: () => undefined,
};
