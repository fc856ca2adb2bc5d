import { z } from 'zod';
import { PauseReason, ServiceEventType } from './service-case.js';

/**
 * What starts a clock: the case's `receivedAt`; `documentsComplete`, the
 * moment the insurer held everything needed (`receivedAt` when the case
 * arrived complete or records no missing papers, otherwise the first
 * `documents-complete` event; not running while `incompleteOnReceipt` is
 * true and nothing completed it); or the first event of a type
 * (`{ "event": "agreement" }`). A clock whose starting event has not
 * happened is not running, and its rule does not apply yet.
 */
export const ClockStart = z.union([z.enum(['receivedAt', 'documentsComplete']), z.strictObject({ event: ServiceEventType })], {
  error: 'must be "receivedAt", "documentsComplete" or { "event": <a service event type> } (docs/deadlines.md lists them)',
});
export type ClockStart = z.infer<typeof ClockStart>;

/** How a clock counts (SPEC §6): elapsed hours, calendar days or China working days. */
export const ClockUnit = z.enum(['hours', 'calendarDays', 'workingDays']);
export type ClockUnit = z.infer<typeof ClockUnit>;

/**
 * A deadline clock: from `start`, the first `stop` event must come within
 * `length` `unit`s. Day-based periods do not count the start day and end at
 * 24:00 of their last day.
 */
export const Clock = z
  .strictObject({
    start: ClockStart,
    /** Events that meet the duty; the first one at or after the start stops the clock. */
    stop: z.array(ServiceEventType).min(1).max(10),
    length: z.number().int().positive().max(3660),
    unit: ClockUnit,
    /** Calendar days only: a last day that is not a working day moves to the next working day (civil-code art. 203). Only where the rule says so. */
    rollForward: z.boolean().optional(),
    /** Pauses whose period is not counted; `requiresNotice`: only when the customer was told (`noticeGiven`). */
    excludePauses: z
      .array(z.strictObject({ reason: PauseReason, requiresNotice: z.boolean().optional() }))
      .max(10)
      .optional(),
    /** An event that restarts the period from its own date when it comes before the clock stops and before it runs out. */
    restartOn: ServiceEventType.optional(),
    /** An event that, when it comes before the clock stops and before it runs out, lengthens the period. */
    extension: z.strictObject({ event: ServiceEventType, length: z.number().int().positive().max(3660) }).optional(),
  })
  .refine((c) => !c.rollForward || c.unit === 'calendarDays', {
    message: '"rollForward" applies to calendar-day clocks only',
    path: ['rollForward'],
  });
export type Clock = z.infer<typeof Clock>;
