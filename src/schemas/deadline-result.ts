import { z } from 'zod';
import { CalendarRef } from '../calendar/working-calendar.js';
import { Bilingual } from './common.js';
import { ClockUnit } from './clock.js';
import { CheckResult } from './result.js';
import { Citation, Severity } from './rule.js';

/**
 * Where a clock stands at `asOf`: `met` (stopped on time), `breached` (stopped
 * late, or still running past its due instant), `pending` (running, not yet
 * due), `indeterminate` (cannot be judged: a missing fact, or a day outside
 * the working-day calendar — see `reason` and `missing`).
 */
export const DeadlineStatus = z.enum(['met', 'breached', 'pending', 'indeterminate']);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;

/** One clock of one applicable deadline rule. Instants carry the +08:00 offset. */
export const DeadlineClock = z.object({
  ruleId: z.string(),
  title: Bilingual,
  severity: Severity,
  citation: Citation,
  unit: ClockUnit,
  /** Length counted, including an approved extension. */
  length: z.number(),
  /** When the (last) period started. */
  startAt: z.string().optional(),
  /** The last on-time instant: the stop event must come at or before it. Day-based periods end at 23:59:59.999+08:00 of their last day. */
  dueAt: z.string().optional(),
  status: DeadlineStatus,
  /** When the stop event came. */
  completedAt: z.string().optional(),
  /** How late (ISO 8601 duration, a day being 24 hours): `completedAt − dueAt`, or `asOf − dueAt` while still open. */
  overdueBy: z.string().optional(),
  /** Time left at `asOf` (ISO 8601 duration) for a pending clock. */
  remaining: z.string().optional(),
  /** Day-based periods: the last day, `YYYY-MM-DD`. */
  lastDay: z.string().optional(),
  /** The last day before it was moved to the next working day (calendar-day rules that roll forward). */
  rolledForwardFrom: z.string().optional(),
  /** Instants the period restarted at (new facts). */
  restartedAt: z.array(z.string()).optional(),
  /** Units added by an approved extension. */
  extendedBy: z.number().optional(),
  /** Day-based periods: days not counted because a pause the rule allows covered them. */
  excludedDays: z.array(z.string()).optional(),
  /** Hour-based periods: paused time not counted (ISO 8601 duration). */
  excludedTime: z.string().optional(),
  /** When `dueAt` cannot be computed (a day outside the calendar): the due instant would be no earlier than this (information only; the status stays `indeterminate`). */
  dueNotBefore: z.string().optional(),
  /** Why the clock is indeterminate, or why `dueAt` is missing. */
  reason: z.string().optional(),
  /** Input paths the case lacks that decide whether the rule applies: present when that is unknown. */
  missing: z.array(z.string()).optional(),
});
export type DeadlineClock = z.infer<typeof DeadlineClock>;

/** The result of `checkDeadlines`: a check result plus every clock, and the calendar that counted the working days. */
export const DeadlineCheckResult = CheckResult.extend({
  deadlines: z.array(DeadlineClock),
  calendar: CalendarRef,
});
export type DeadlineCheckResult = z.infer<typeof DeadlineCheckResult>;
