/**
 * fast-check generators of archive records for the retention check: every
 * kind; terms of 12 and 13 months (either side of art. 87's one-year line),
 * any other length, or whole life; trigger dates as civil dates or instants in
 * several offsets, 29 February among them; disputes open and resolved; legal
 * holds and appraisals present or absent; and the day judged before, on and
 * after the periods end.
 */
import fc from 'fast-check';
import { RecordKind, type ArchiveRecordInput } from '../../src/index.js';
import { DAY, MINUTE, offsetArb, writeInstant } from './service-case-arbitraries.js';

const ms = (iso: string) => Date.parse(iso);
const FROM = ms('1995-01-01T00:00:00+08:00');
const TO = ms('2036-12-31T00:00:00+08:00');
const LEAP_DAYS = [1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024, 2028, 2032].map((y) => ms(`${y}-02-29T00:00:00+08:00`));
const MONTH_ENDS = ['2019-12-31', '2020-01-31', '2021-02-28', '2023-04-30', '2024-08-31', '2025-12-31'].map((d) => ms(`${d}T00:00:00+08:00`));

/** The Beijing civil date of epoch milliseconds. */
export const beijingDate = (t: number) => new Date(t + 8 * 60 * MINUTE).toISOString().slice(0, 10);

/** A day (Beijing midnight) from 1995 to 2036, 29 February and month ends drawn often. */
const dayArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: Math.ceil(FROM / DAY), max: Math.floor(TO / DAY) }).map((d) => d * DAY - 8 * 60 * MINUTE) },
  { weight: 1, arbitrary: fc.constantFrom(...LEAP_DAYS) },
  { weight: 1, arbitrary: fc.constantFrom(...MONTH_ENDS) },
);

/** An event date written as a civil date, or as an instant of that Beijing day in some offset. */
const eventDateArb = (day: fc.Arbitrary<number>) =>
  fc.tuple(day, fc.boolean(), fc.integer({ min: 0, max: 24 * 60 - 1 }), offsetArb).map(([d, civil, minute, offset]) =>
    civil ? beijingDate(d) : writeInstant(d + minute * MINUTE, offset),
  );

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

/** A record together with the instant it is judged at. */
export interface JudgedRecord {
  readonly record: ArchiveRecordInput;
  readonly asOf: string;
}

/**
 * Valid archive records with an `asOf` between 2018 and 2045. A trigger date
 * may be absent, `null` (has not happened) or after the day judged; a dispute
 * ends on or after the day it opened, or is still open.
 */
export const recordArb: fc.Arbitrary<JudgedRecord> = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 8 }),
      kind: fc.constantFrom(...RecordKind.options),
      policyTermMonths: maybe(fc.oneof(fc.constantFrom<number | 'whole-life'>(12, 13, 'whole-life'), fc.integer({ min: 1, max: 2400 }))),
      contractTerminatedAt: fc.oneof({ weight: 4, arbitrary: eventDateArb(dayArb) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) }),
      relationshipEndedAt: fc.oneof({ weight: 4, arbitrary: eventDateArb(dayArb) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) }),
      transactionAt: fc.oneof({ weight: 4, arbitrary: eventDateArb(dayArb) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) }),
      disputes: maybe(
        fc.array(
          // resolved on or after the day it opened (possibly the same day), or still open (absent or null)
          fc.tuple(dayArb, fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 5 * 366 }))).chain(([opened, after]) =>
            fc.record({
              openedAt: eventDateArb(fc.constant(opened)),
              resolvedAt: typeof after === 'number' ? eventDateArb(fc.constant(opened + after * DAY)) : fc.constant(after),
            }),
          ),
          { maxLength: 3 },
        ),
      ),
      legalHold: maybe(fc.boolean()),
      appraisal: maybe(fc.record({ approvedAt: eventDateArb(dayArb) })),
    },
    { requiredKeys: ['id', 'kind', 'contractTerminatedAt', 'relationshipEndedAt', 'transactionAt'] },
  )
  .map((r) => {
    const record: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (v !== undefined) record[k] = v;
    if (Array.isArray(record.disputes)) {
      record.disputes = (record.disputes as Array<Record<string, unknown>>).map((d) => (d.resolvedAt === undefined ? { openedAt: d.openedAt } : d));
    }
    return record as unknown as ArchiveRecordInput;
  })
  .chain((record) => {
    // Beijing midnights of the days the record's periods could start from.
    const triggers = [record.contractTerminatedAt, record.relationshipEndedAt, record.transactionAt, ...(record.disputes ?? []).map((d) => d.resolvedAt)]
      .filter((v): v is string => typeof v === 'string')
      .map((v) => Date.parse(`${/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : beijingDate(Date.parse(v))}T00:00:00+08:00`));
    const anywhere = fc.integer({ min: ms('2018-01-01T00:00:00+08:00') / MINUTE, max: ms('2045-12-31T00:00:00+08:00') / MINUTE }).map((m) => m * MINUTE);
    // The day of a trigger, or the last day of a 2-, 5- or 10-year period from it; or the day before or after (29 February included).
    const boundary = triggers.length
      ? fc.tuple(fc.constantFrom(...triggers), fc.constantFrom(0, 2, 5, 10), fc.integer({ min: -1, max: 1 }), fc.integer({ min: 0, max: 24 * 60 - 1 })).map(([t, years, shift, minute]) => {
          const d = new Date(t + 8 * 60 * MINUTE);
          const y = d.getUTCFullYear() + years;
          const feb29 = d.getUTCMonth() === 1 && d.getUTCDate() === 29;
          const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
          const end = Date.UTC(y, d.getUTCMonth(), feb29 && !leap ? 28 : d.getUTCDate()) - 8 * 60 * MINUTE;
          return Math.max(ms('2018-01-01T00:00:00+08:00'), end + shift * DAY + minute * MINUTE);
        })
      : anywhere;
    return fc.record({
      record: fc.constant(record),
      asOf: fc.tuple(fc.oneof({ weight: 3, arbitrary: anywhere }, { weight: 2, arbitrary: boundary }), offsetArb).map(([t, o]) => writeInstant(t, o)),
    });
  });
