/**
 * Properties of computeRetention and checkDisposal on generated archive
 * records (test/support/record-arbitraries.ts): they never throw on a valid
 * record, always answer, agree with each other, do not depend on the system
 * clock, count each period as civil-code arts. 201–202 say (an oracle
 * written here), never clear a held or disputed record, and never turn a
 * failure into a pass — nor bring `retainUntil` forward — when a fact is
 * taken away.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisposalResult, RetentionSchedule, checkDisposal, computeRetention, type ArchiveRecordInput } from '../src/index.js';
import { beijingDate, recordArb } from './support/record-arbitraries.js';
import { expectNoFailTurnedPass, removablePaths, showPath, unlessMalformed, without } from './support/removal.js';

afterEach(() => {
  vi.useRealTimers();
});

/** The Beijing date of an event date: a civil date as written, an instant converted. */
const dayOf = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : beijingDate(Date.parse(v)));

/**
 * The last day of a period of `years` years from `trigger` (civil-code arts.
 * 201–202): the day of the event is not counted, so the period ends on the
 * same month and day `years` years on — or, for 29 February in a year
 * without one, on 28 February.
 */
function lastDayOf(trigger: string, years: number): string {
  const y = Number(trigger.slice(0, 4)) + years;
  const md = trigger.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** What triggers each period, read straight from the record. */
function triggerDay(record: ArchiveRecordInput, trigger: string, asOfDay: string): string | null {
  if (trigger === 'disputeResolvedAt') {
    const disputes = (record.disputes ?? []).filter((d) => dayOf(d.openedAt) <= asOfDay);
    if (disputes.some((d) => d.resolvedAt === undefined || d.resolvedAt === null)) return null;
    return disputes.map((d) => dayOf(d.resolvedAt!)).sort().at(-1) ?? null;
  }
  const v = record[trigger as 'contractTerminatedAt' | 'relationshipEndedAt' | 'transactionAt'];
  return typeof v === 'string' ? dayOf(v) : null;
}

describe('computeRetention and checkDisposal on generated records', () => {
  it('never throw, always answer, agree with each other, and count every period from its trigger', () => {
    const seen = new Map<string, number>();
    let dated = 0;
    fc.assert(
      fc.property(recordArb, ({ record, asOf }) => {
        const s = computeRetention(record, { asOf });
        const d = checkDisposal(record, { asOf });
        expect(RetentionSchedule.parse(s)).toEqual(s);
        expect(DisposalResult.parse(d)).toEqual(d);
        seen.set(d.verdict, (seen.get(d.verdict) ?? 0) + 1);
        const asOfDay = beijingDate(Date.parse(asOf));

        // Every period: the trigger as the record gives it, and the last day counted from it.
        for (const p of s.periods) {
          expect(p.triggerDate, p.ruleId).toBe(triggerDay(record, p.trigger, asOfDay));
          expect(p.retainUntil, p.ruleId).toBe(p.triggerDate === null ? null : lastDayOf(p.triggerDate, p.years));
          if (p.retainUntil === null) expect(p.missing?.length ?? 0, p.ruleId).toBeGreaterThan(0);
        }
        // retainUntil: the latest of the periods that certainly apply — or none, when one of them has no date or an uncertain one may run later.
        const certain = s.periods.filter((p) => p.applies === 'yes');
        const undated = certain.some((p) => p.retainUntil === null);
        const latest = certain.map((p) => p.retainUntil!).sort().at(-1);
        const mayRunLater = s.periods.some((p) => p.applies === 'unknown' && (p.retainUntil === null || latest === undefined || p.retainUntil > latest));
        expect(s.retainUntil).toBe(undated || mayRunLater || latest === undefined ? null : latest);
        if (s.retainUntil !== null) {
          dated += 1;
          const governing = s.periods.find((p) => p.ruleId === s.governingRule?.ruleId);
          expect(governing?.retainUntil).toBe(s.retainUntil);
        } else expect(s.governingRule).toBeNull();
        if (s.retainUntil === null && certain.length > 0) expect(s.missing.length).toBeGreaterThan(0);

        // The disposal verdict says the same, and nothing is destroyed that is held, disputed, or still within a period.
        expect([d.retainUntil, d.governingRule]).toEqual([s.retainUntil, s.governingRule]);
        expect(d.mayDispose).toBe(d.verdict === 'pass');
        const open = (record.disputes ?? []).filter((x) => dayOf(x.openedAt) <= asOfDay && (x.resolvedAt == null || dayOf(x.resolvedAt) >= asOfDay));
        expect(d.holds).toEqual({ legalHold: record.legalHold === true, openDisputes: open.length });
        if (record.legalHold === true || open.length > 0) expect(d.verdict).toBe('fail');
        // A pass needs some period to have run, and every period that applies or may apply to have ended before the day judged.
        if (d.verdict === 'pass') {
          expect(s.periods.length).toBeGreaterThan(0);
          for (const p of s.periods) expect(p.retainUntil !== null && p.retainUntil < asOfDay, `${p.ruleId} keeps until ${p.retainUntil}, judged ${asOfDay}`).toBe(true);
        }
        if (s.retainUntil !== null && s.retainUntil >= asOfDay) expect(d.verdict).toBe('fail');
        for (const f of d.findings) {
          if (f.verdict === 'indeterminate') expect(f.missing?.length ?? 0, f.ruleId).toBeGreaterThan(0);
          // A period binds through its last day, and no longer (the shipped period rules have no other requirement).
          const until = f.facts.retainUntil as string | undefined;
          if (until === undefined) continue;
          if (asOfDay <= until) expect(['fail', 'indeterminate'], `${f.ruleId} on ${asOfDay}, kept until ${until}`).toContain(f.verdict);
          else expect(f.verdict, `${f.ruleId} on ${asOfDay}, kept until ${until}`).toBe('pass');
        }
      }),
      { numRuns: 600, seed: 41 },
    );
    for (const v of ['pass', 'fail', 'indeterminate', 'not-applicable']) expect(seen.get(v) ?? 0, v).toBeGreaterThan(10);
    expect(dated).toBeGreaterThan(100);
  });

  it('keep a record through the last day of each period and release it the next day', () => {
    let boundaries = 0;
    fc.assert(
      fc.property(recordArb, ({ record, asOf }) => {
        for (const p of computeRetention(record, { asOf }).periods) {
          if (p.retainUntil === null || p.applies !== 'yes') continue;
          const lastDay = checkDisposal(record, { asOf: `${p.retainUntil}T23:59:59.999+08:00` }).findings.find((f) => f.ruleId === p.ruleId);
          const nextDay = checkDisposal(record, { asOf: `${p.retainUntil}T16:00:00Z` }).findings.find((f) => f.ruleId === p.ruleId);
          // Judged on other days, a rule may not be in force, or a dispute not yet open: compare only where the period is the same.
          if (lastDay?.facts.retainUntil !== p.retainUntil || nextDay?.facts.retainUntil !== p.retainUntil) continue;
          boundaries += 1;
          expect(lastDay.verdict, `${p.ruleId} on its last day ${p.retainUntil}`).toBe('fail');
          expect(nextDay.verdict, `${p.ruleId} the day after ${p.retainUntil}`).toBe('pass');
        }
      }),
      { numRuns: 300, seed: 42 },
    );
    expect(boundaries).toBeGreaterThan(100);
  });

  it('are deterministic: the same record gives the same answer, whatever the system clock says', () => {
    vi.useFakeTimers();
    fc.assert(
      fc.property(recordArb, ({ record, asOf }) => {
        vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
        expect(Date.now()).toBe(Date.UTC(2001, 0, 1));
        const s = computeRetention(record, { asOf });
        const d = checkDisposal(record, { asOf });
        expect(computeRetention(structuredClone(record), { asOf })).toEqual(s);
        vi.setSystemTime(new Date('2049-07-15T12:34:56Z'));
        expect(computeRetention(record, { asOf })).toEqual(s);
        expect(checkDisposal(record, { asOf })).toEqual(d);
      }),
      { numRuns: 200, seed: 43 },
    );
  });
});

/**
 * Fields whose absence has a defined meaning rather than "unknown"
 * (docs/retention.md), kept out of the removal property:
 * - `disputes`: absent is "no dispute" — the dispute period of recording-2017
 *   art. 13 then never starts, so taking the list away can shorten retention;
 * - `legalHold`: absent is "no hold".
 * Required fields (`id`, `kind`, a dispute's `openedAt`) cannot be removed.
 * Everything else is removed one at a time: `policyTermMonths`, the trigger
 * dates and `appraisal` (unknown when absent: the record cannot be scheduled
 * or cleared), and a dispute's `resolvedAt` (absent is "still open", the
 * stricter reading: it holds the record).
 */
const KEEP = new Set(['id', 'kind', 'disputes', 'legalHold', 'disputes[].openedAt']);

describe('retention fails closed', () => {
  it('removing a fact never turns a failing disposal into a pass, nor brings retainUntil forward', () => {
    let removed = 0;
    fc.assert(
      fc.property(recordArb, ({ record, asOf }) => {
        const before = checkDisposal(record, { asOf });
        const schedule = computeRetention(record, { asOf });
        for (const path of removablePaths(record, KEEP)) {
          const smaller = without(record, path);
          const after = unlessMalformed(() => checkDisposal(smaller, { asOf }));
          if (!after) {
            // Only a field required inside an optional object may not be taken alone.
            expect(showPath(path)).toBe('appraisal.approvedAt');
            continue;
          }
          removed += 1;
          expectNoFailTurnedPass(before, after, path);
          if (before.verdict !== 'pass') expect(after.mayDispose, `after removing ${showPath(path)}`).toBe(false);
          const later = computeRetention(smaller, { asOf }).retainUntil;
          if (schedule.retainUntil !== null && later !== null) expect(later >= schedule.retainUntil, `after removing ${showPath(path)}`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 47 },
    );
    expect(removed).toBeGreaterThan(500);
  });
});
