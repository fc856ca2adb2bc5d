/**
 * fast-check generators of service cases for the deadline check: every kind,
 * every complexity, events of every type (some after `asOf`, so not yet
 * happened), pauses for every reason, instants written in several offsets, and
 * receipt dates across the shipped working-day calendar's coverage, with
 * extra weight on the days before the big holidays and on the last weeks of
 * the coverage, where working-day clocks run past it.
 */
import fc from 'fast-check';
import { CN_MAINLAND_CALENDAR, PauseReason, ServiceCaseKind, ServiceEventType, type ServiceCaseInput } from '../../src/index.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Writes epoch milliseconds as an ISO 8601 instant with the given offset (minutes east of UTC; `'Z'` for UTC). */
export function writeInstant(ms: number, offset: number | 'Z'): string {
  const minutes = offset === 'Z' ? 0 : offset;
  const iso = new Date(ms + minutes * MINUTE).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ, shifted to local time
  const body = ms % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23);
  if (offset === 'Z') return `${body}Z`;
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${body}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** Offsets instants are written in: Beijing most often, and zones on both sides of the date line. */
export const offsetArb: fc.Arbitrary<number | 'Z'> = fc.constantFrom<number | 'Z'>(480, 480, 'Z', 0, -300, -480, 570, 840, -660);

const ms = (iso: string) => Date.parse(iso);
const COVERAGE_FROM = ms(`${CN_MAINLAND_CALENDAR.coverage.from}T00:00:00+08:00`);
const COVERAGE_TO = ms(`${CN_MAINLAND_CALENDAR.coverage.to}T23:59:00+08:00`);
/** Eves of Spring Festival, Labour Day and National Day holidays (start points only; the calendar says which days are off). */
const HOLIDAY_EVES = [
  '2020-01-23', '2020-09-30', '2021-02-10', '2021-09-30', '2022-01-30', '2022-04-29', '2023-01-20', '2023-09-28',
  '2024-02-09', '2024-04-30', '2024-09-30', '2025-01-27', '2025-04-30', '2025-09-30', '2026-02-13', '2026-09-30',
].map((d) => ms(`${d}T00:00:00+08:00`));

/** When a case was received: anywhere in the coverage (Beijing), near a holiday, or in the last weeks of the coverage. */
export const receivedMsArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: COVERAGE_FROM / MINUTE, max: COVERAGE_TO / MINUTE }).map((m) => m * MINUTE) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOLIDAY_EVES), fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 })).map(([d, m]) => d + m * MINUTE) },
  { weight: 1, arbitrary: fc.integer({ min: (COVERAGE_TO - 45 * DAY) / MINUTE, max: COVERAGE_TO / MINUTE }).map((m) => m * MINUTE) },
);

/**
 * A delay after receipt: minutes to a few days (hour clocks), exact hour
 * boundaries (a duty met at the very last instant, or a millisecond late),
 * and days to a few months (day clocks).
 */
export const delayArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 * 24 * 60 }).map((m) => m * MINUTE) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(0, 24, 48, 72), fc.constantFrom(-1, 0, 1)).map(([h, e]) => Math.max(0, h * HOUR + e)) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 75 }), fc.integer({ min: 0, max: 24 * 60 - 1 })).map(([d, m]) => d * DAY + m * MINUTE) },
);

/** Event types the shipped clocks start or stop on, drawn more often than the rest. */
const COMMON_EVENTS = [
  'acknowledged', 'initial-review', 'solution-proposed', 'decision', 'result-notified', 'agreement', 'payment',
  'rejection-notice', 'documents-complete', 'completed', 'new-facts', 'extension-approved',
] as const;
const eventTypeArb = fc.oneof(fc.constantFrom(...ServiceEventType.options), fc.constantFrom(...COMMON_EVENTS));

/** Raw material of a case; times are delays after receipt, turned into instants by {@link serviceCaseArb}. */
const rawCaseArb = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 8 }),
    kind: fc.constantFrom(...ServiceCaseKind.options),
    received: receivedMsArb,
    offset: offsetArb,
    complexity: fc.constantFrom('simple', 'complex', 'special'),
    major: fc.boolean(),
    productLine: fc.constantFrom('life', 'health', 'accident', 'property', 'liability', 'credit'),
    group: fc.boolean(),
    policyTermMonths: fc.oneof(fc.constantFrom<number | 'whole-life'>(12, 13, 'whole-life'), fc.integer({ min: 1, max: 600 })),
    incompleteOnReceipt: fc.boolean(),
    medicalExamRequired: fc.boolean(),
    premiumPaymentInvolved: fc.boolean(),
    events: fc.array(
      fc.record(
        {
          type: eventTypeArb,
          delay: delayArb,
          offset: offsetArb,
          outcome: fc.constantFrom('accepted', 'rejected', 'partial'),
          note: fc.string({ maxLength: 20 }),
        },
        { requiredKeys: ['type', 'delay', 'offset'] },
      ),
      { maxLength: 8 },
    ),
    pauses: fc.array(
      fc.record(
        {
          from: delayArb,
          length: fc.oneof(fc.integer({ min: 1, max: 48 * 60 }).map((m) => m * MINUTE), fc.integer({ min: 1, max: 20 }).map((d) => d * DAY)),
          reason: fc.constantFrom(...PauseReason.options),
          noticeGiven: fc.boolean(),
          offset: offsetArb,
        },
        { requiredKeys: ['from', 'length', 'reason', 'offset'] },
      ),
      { maxLength: 3 },
    ),
    asOfDelay: fc.oneof({ weight: 4, arbitrary: delayArb }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }).map((d) => d * DAY) }),
    asOfOffset: offsetArb,
  },
  {
    requiredKeys: ['id', 'kind', 'received', 'offset', 'asOfDelay', 'asOfOffset'],
  },
);

/** A generated case and the instant it is judged at (never before receipt). */
export interface JudgedCase {
  readonly serviceCase: ServiceCaseInput;
  readonly asOf: string;
}

/**
 * Valid service cases with their `asOf`. Optional facts are present or
 * absent; `events` and `pauses` are sometimes left out (read as none); an
 * `outcome` is only ever on a `decision`; pauses end after they start; no
 * event or pause precedes receipt.
 */
export const serviceCaseArb: fc.Arbitrary<JudgedCase> = rawCaseArb.map((raw) => {
  const c: Record<string, unknown> = {
    id: raw.id,
    kind: raw.kind,
    receivedAt: writeInstant(raw.received, raw.offset),
  };
  for (const key of ['complexity', 'major', 'productLine', 'group', 'policyTermMonths', 'incompleteOnReceipt', 'medicalExamRequired', 'premiumPaymentInvolved'] as const) {
    if (raw[key] !== undefined) c[key] = raw[key];
  }
  if (raw.events) {
    c.events = raw.events.map((e) => ({
      type: e.type,
      at: writeInstant(raw.received + e.delay, e.offset),
      ...(e.type === 'decision' && e.outcome ? { outcome: e.outcome } : {}),
      ...(e.note !== undefined ? { note: e.note } : {}),
    }));
  }
  if (raw.pauses) {
    c.pauses = raw.pauses.map((p) => ({
      from: writeInstant(raw.received + p.from, p.offset),
      to: writeInstant(raw.received + p.from + p.length, p.offset),
      reason: p.reason,
      ...(p.noticeGiven !== undefined ? { noticeGiven: p.noticeGiven } : {}),
    }));
  }
  return { serviceCase: c as unknown as ServiceCaseInput, asOf: writeInstant(raw.received + raw.asOfDelay, raw.asOfOffset) };
});
