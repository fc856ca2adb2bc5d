import type { z } from 'zod';
import { CN_MAINLAND_CALENDAR } from '../../calendar/cn-mainland.js';
import { calendarRef } from '../../calendar/working-calendar.js';
import { InputError } from '../../errors.js';
import { type Judge, evaluateRules } from '../../engine/evaluate.js';
import { FALSE, TRUE, UNKNOWN } from '../../engine/conditions.js';
import { readPath } from '../../engine/facts.js';
import { type CompiledRule, defaultRulebook, rulebookRef } from '../../rulebook/rulebook.js';
import type { DeadlineCheckResult, DeadlineClock } from '../../schemas/deadline-result.js';
import type { DeadlineRule } from '../../schemas/rule.js';
import type { ServiceCase } from '../../schemas/service-case.js';
import { formatShanghaiInstant, parseInstant } from '../../time/civil.js';
import type { CheckOptions } from '../options.js';
import { resolveAsOf } from '../run.js';
import { type ClockOutcome, clockStart, runClock } from './clock.js';
import { deadlineCheck } from './definition.js';
import { DEADLINE_FACTS, eventsAsOf } from './facts.js';
import { formatDuration } from './duration.js';

/** A service case as callers write it (before defaults). */
export type ServiceCaseInput = z.input<typeof ServiceCase>;

/** Options of the deadline check: `asOf` is required; `calendar` counts the working days. */
export type DeadlineOptions = CheckOptions;

const iso = (ms: number | undefined) => (ms === undefined ? undefined : formatShanghaiInstant(ms));

function clockFacts(o: ClockOutcome, asOfMs: number): Record<string, unknown> {
  const out: Record<string, unknown> = { status: o.status };
  if (o.startMs !== undefined) out.startAt = iso(o.startMs);
  if (o.dueMs !== undefined) out.dueAt = iso(o.dueMs);
  if (o.completedMs !== undefined) out.completedAt = iso(o.completedMs);
  if (o.status === 'breached' && o.dueMs !== undefined) out.overdueBy = formatDuration((o.completedMs ?? asOfMs) - o.dueMs);
  if (o.status === 'pending' && o.dueMs !== undefined) out.remaining = formatDuration(o.dueMs - asOfMs);
  if (o.reason !== undefined) out.reason = o.reason;
  return out;
}

function toEntry(c: CompiledRule, o: ClockOutcome, asOfMs: number, missing: readonly string[]): DeadlineClock {
  const rule = c.rule as DeadlineRule;
  const facts = clockFacts(o, asOfMs) as Partial<DeadlineClock>;
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    citation: rule.citation,
    unit: rule.clock.unit,
    length: o.length,
    ...(facts.startAt ? { startAt: facts.startAt } : {}),
    ...(facts.dueAt ? { dueAt: facts.dueAt } : {}),
    status: o.status,
    ...(facts.completedAt ? { completedAt: facts.completedAt } : {}),
    ...(facts.overdueBy ? { overdueBy: facts.overdueBy } : {}),
    ...(facts.remaining ? { remaining: facts.remaining } : {}),
    ...(o.lastDay ? { lastDay: o.lastDay } : {}),
    ...(o.rolledForwardFrom ? { rolledForwardFrom: o.rolledForwardFrom } : {}),
    ...(o.restartedAt ? { restartedAt: o.restartedAt.map((ms) => formatShanghaiInstant(ms)) } : {}),
    ...(o.extendedBy ? { extendedBy: o.extendedBy } : {}),
    ...(o.excludedDays ? { excludedDays: [...o.excludedDays] } : {}),
    ...(o.excludedMs ? { excludedTime: formatDuration(o.excludedMs) } : {}),
    ...(o.dueNotBeforeMs !== undefined ? { dueNotBefore: formatShanghaiInstant(o.dueNotBeforeMs) } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
    ...(missing.length ? { missing: [...missing] } : {}),
  };
}

/** Input paths behind the facts of a condition that the case lacks. */
function missingFor(c: CompiledRule, facts: Readonly<Record<string, unknown>>, input: unknown): string[] {
  const out: string[] = [];
  for (const name of c.facts) {
    if (facts[name] !== undefined) continue;
    const inputs = DEADLINE_FACTS[name as keyof typeof DEADLINE_FACTS]?.inputs ?? [name];
    const absent = inputs.filter((p) => readPath(input, p) === undefined);
    for (const p of absent.length ? absent : inputs) if (!out.includes(p)) out.push(p);
  }
  return out;
}

/**
 * Times every deadline that applies to a service case and judges each at
 * `asOf`: was the response, decision, payment or notice on time, late, or is
 * it still pending? Each applicable rule gives one finding (fail when its
 * clock is breached) and one clock in `deadlines`, with its own citation —
 * where sources disagree, every clock is reported. Hours are elapsed time;
 * calendar and working days are Asia/Shanghai days on the China working-day
 * calendar, and a day outside the calendar's coverage makes the clock
 * `indeterminate` (never a Monday–Friday guess). Identical under any host TZ.
 *
 * `options.asOf` is required; rules apply by the date the case was received.
 * Throws `InputError` on a malformed case or a missing `asOf`.
 *
 * @example
 * const result = checkDeadlines({
 *   id: 'C-1', kind: 'complaint', receivedAt: '2025-09-30T10:00:00+08:00', complexity: 'simple',
 *   events: [{ type: 'acknowledged', at: '2025-09-30T15:00:00+08:00' }],
 * }, { asOf: '2025-10-12T09:00:00+08:00' })
 * result.deadlines.find((d) => d.ruleId === 'mkt-service-2025.complaint-initial-check')
 * // { dueAt: '2025-10-10T23:59:59.999+08:00', status: 'breached', overdueBy: 'P1DT9H0.001S', … }
 */
export function checkDeadlines(serviceCase: ServiceCaseInput, options: DeadlineOptions = {}): DeadlineCheckResult {
  const parsed = deadlineCheck.parse(serviceCase);
  const asOf = resolveAsOf(deadlineCheck, parsed, options);
  const asOfMs = parseInstant(asOf)!;
  if (asOfMs < parseInstant(parsed.receivedAt)!) {
    throw new InputError([{ path: 'asOf', message: `is before the case was received (${parsed.receivedAt})` }], 'options');
  }
  const calendar = options.calendar ?? CN_MAINLAND_CALENDAR;
  const facts = deadlineCheck.derive(parsed, { asOf });
  const rulebook = options.rulebook ?? defaultRulebook;
  const events = eventsAsOf(parsed, asOfMs);

  // A clock whose starting event has not happened is not running: its rule does not apply yet.
  const running = rulebook.compiled.deadline.filter((c) => clockStart((c.rule as DeadlineRule).clock, parsed, events).state !== 'not-started');
  const outcomes = new Map<string, { outcome: ClockOutcome; whenMissing: string[] }>();
  const judge: Judge = (c, f) => {
    const outcome = runClock((c.rule as DeadlineRule).clock, parsed, asOfMs, calendar);
    const whenMissing = c.when(f) === UNKNOWN ? missingFor(c, f, parsed) : [];
    outcomes.set(c.rule.id, { outcome, whenMissing });
    const truth = outcome.status === 'breached' ? FALSE : outcome.status === 'indeterminate' ? UNKNOWN : TRUE;
    return { truth, facts: clockFacts(outcome, asOfMs) };
  };
  const evaluation = evaluateRules(running, facts, DEADLINE_FACTS, parsed, judge);
  const deadlines: DeadlineClock[] = [];
  for (const c of running) {
    const o = outcomes.get(c.rule.id);
    if (!o) continue;
    deadlines.push(toEntry(c, o.outcome, asOfMs, o.whenMissing));
  }
  return {
    check: 'deadline',
    id: parsed.id,
    ...evaluation,
    asOf,
    rulebook: rulebookRef(rulebook),
    deadlines,
    calendar: calendarRef(calendar),
  };
}

/**
 * Every applicable deadline clock of a service case at `asOf`, with
 * `startAt`, `dueAt`, `status`, `completedAt` and `overdueBy` / `remaining`:
 * the `deadlines` of {@link checkDeadlines}.
 *
 * @example
 * computeDeadlines({ id: 'Q-1', kind: 'inquiry', receivedAt: '2025-09-30T18:00:00+08:00', events: [] },
 *   { asOf: '2025-10-01T12:00:00+08:00', rulebook: createRulebook({ rulesets: ['agency-ops'] }) })
 * // [{ ruleId: 'agency-ops.inquiry-response', dueAt: '2025-10-01T18:00:00+08:00', status: 'pending', remaining: 'PT6H', … }]
 */
export function computeDeadlines(serviceCase: ServiceCaseInput, options: DeadlineOptions = {}): DeadlineClock[] {
  return checkDeadlines(serviceCase, options).deadlines;
}
