/**
 * How a retention period runs for one record: which event starts it, the
 * day it ends, and whether it still binds on the day judged. Pure.
 */
import { FALSE, TRUE, UNKNOWN, type Truth } from '../../engine/conditions.js';
import type { RetentionTrigger } from '../../schemas/rule.js';
import { type CivilDateParts, compareCivilDates, formatCivilDate } from '../../time/civil.js';
import { addYearsPeriod } from '../../time/periods.js';
import type { RecordTimeline } from './facts.js';

/** One period worked out for one record. */
export interface PeriodOutcome {
  readonly trigger: RetentionTrigger;
  readonly years: number;
  /** The day of the triggering event, when it has happened and is known. */
  readonly triggerDate?: CivilDateParts;
  /** The last day of the period (civil-code arts. 201–202). */
  readonly retainUntil?: CivilDateParts;
  /** Input paths that would give the trigger date. */
  readonly missing: readonly string[];
  /** The period cannot have ended on the day judged although its end is unknown (a dispute still open). */
  readonly running: boolean;
  /** The trigger can never happen for this record (a dispute period, and no dispute arose). */
  readonly never: boolean;
}

/** Works out a `{ trigger, years }` period on a record's timeline. */
export function periodOutcome(period: { readonly trigger: RetentionTrigger; readonly years: number }, t: RecordTimeline): PeriodOutcome {
  const { trigger, years } = period;
  let triggerDate: CivilDateParts | undefined;
  const missing: string[] = [];
  let running = false;
  let never = false;
  if (trigger === 'disputeResolvedAt') {
    if (t.disputes.length === 0) never = true;
    for (const d of t.disputes) {
      if (d.resolvedAt === undefined) {
        missing.push(`disputes[${d.index}].resolvedAt`);
        running = true;
      }
    }
    if (!running) {
      for (const d of t.disputes) if (!triggerDate || compareCivilDates(d.resolvedAt!, triggerDate) > 0) triggerDate = d.resolvedAt;
    }
  } else {
    triggerDate = t[trigger];
    if (!triggerDate) missing.push(trigger);
  }
  const out: PeriodOutcome = { trigger, years, missing, running, never };
  return triggerDate ? { ...out, triggerDate, retainUntil: addYearsPeriod(triggerDate, years) } : out;
}

/**
 * Whether the period allows destruction on the day judged: TRUE once its
 * last day has passed (or it can never start), FALSE on or before its last
 * day and while a dispute that starts it is open, UNKNOWN when its trigger
 * date is missing.
 */
export function periodTruth(p: PeriodOutcome, asOf: CivilDateParts): Truth {
  if (p.never) return TRUE;
  if (p.retainUntil) return compareCivilDates(asOf, p.retainUntil) > 0 ? TRUE : FALSE;
  return p.running ? FALSE : UNKNOWN;
}

/** The facts a period adds to its finding, for messages and auditors. */
export function periodFacts(p: PeriodOutcome): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (p.triggerDate) out.triggerDate = formatCivilDate(p.triggerDate);
  if (p.retainUntil) out.retainUntil = formatCivilDate(p.retainUntil);
  return out;
}
