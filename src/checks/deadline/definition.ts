import { InputError, type InputIssue } from '../../errors.js';
import { parseInput } from '../../engine/input.js';
import { ServiceCase } from '../../schemas/service-case.js';
import { parseInstant } from '../../time/civil.js';
import type { CheckDefinition } from '../definition.js';
import { DEADLINE_FACTS, type DeadlineFacts, deriveDeadlineFacts } from './facts.js';

/** Validates a service case: schema, then what the schema cannot see (events before receipt, pauses that end before they start). */
export function parseServiceCase(input: unknown): ServiceCase {
  const c = parseInput(ServiceCase, input, 'service case');
  const received = parseInstant(c.receivedAt)!;
  const issues: InputIssue[] = [];
  c.events.forEach((e, i) => {
    if (parseInstant(e.at)! < received) issues.push({ path: `events[${i}].at`, message: `is before receivedAt ${c.receivedAt}` });
    if (e.outcome !== undefined && e.type !== 'decision') issues.push({ path: `events[${i}].outcome`, message: 'is given only for a decision' });
  });
  c.pauses.forEach((p, i) => {
    const from = parseInstant(p.from)!;
    if (parseInstant(p.to)! <= from) issues.push({ path: `pauses[${i}].to`, message: `must be after from ${p.from}` });
    if (from < received) issues.push({ path: `pauses[${i}].from`, message: `is before receivedAt ${c.receivedAt}` });
  });
  if (issues.length) throw new InputError(issues, 'service case');
  return c;
}

/**
 * The deadline check as the generic runner sees it. `asOf` has no default:
 * whether an open clock is pending or breached depends on when it is judged,
 * and a check reads no clock, so the caller must say.
 */
export const deadlineCheck: CheckDefinition<ServiceCase, DeadlineFacts> = {
  check: 'deadline',
  what: 'service case',
  catalog: DEADLINE_FACTS,
  parse: parseServiceCase,
  derive: (c, { asOf }) => deriveDeadlineFacts(c, asOf),
  id: (c) => c.id,
  defaultAsOf: () => undefined,
};
