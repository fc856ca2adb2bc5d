/**
 * Properties of checkDeadlines and computeDeadlines on generated service
 * cases (test/support/service-case-arbitraries.ts): they never throw on a
 * valid case, always give a verdict and a clock per applicable rule, do not
 * depend on the system clock, agree with an oracle written here from the
 * documented clock semantics (docs/deadlines.md, SPEC §6), answer
 * "indeterminate" exactly where the working-day calendar runs out, and never
 * turn a failure into a pass when a fact is taken away.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CN_MAINLAND_CALENDAR,
  CalendarCoverageError,
  DeadlineCheckResult,
  checkDeadlines,
  computeDeadlines,
  extendCalendar,
  defaultRulebook,
  type DeadlineRule,
  type ServiceCaseInput,
} from '../src/index.js';
import { DAY, serviceCaseArb } from './support/service-case-arbitraries.js';
import { COVERAGE, FIRST_UNCOVERED_YEAR, hypotheticalYear, literal } from './support/calendar.js';
import { expectNoFailTurnedPass, removablePaths, showPath, unlessMalformed, without } from './support/removal.js';

const VERDICTS = ['pass', 'fail', 'indeterminate', 'not-applicable'];
const STATUSES = ['met', 'breached', 'pending', 'indeterminate'] as const;
const ms = (s: string) => Date.parse(s);
const beijingDate = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
const nextDate = (d: string) => new Date(ms(`${d}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
const endOf = (d: string) => ms(`${d}T23:59:59.999+08:00`);
const CLOCKS = new Map(defaultRulebook.rules.filter((r): r is DeadlineRule => r.check === 'deadline').map((r) => [r.id, r.clock]));

afterEach(() => {
  vi.useRealTimers();
});

type Expected =
  | { readonly state: 'not-started' }
  | { readonly state: 'uncovered'; readonly startMs: number }
  | { readonly state: 'judged'; readonly startMs: number; readonly dueMs: number; readonly completedMs?: number; readonly status: 'met' | 'breached' | 'pending' };

/**
 * The clock of a rule as docs/deadlines.md describes it, for clocks whose
 * pauses, restart and extension do not come into play on this case: the start
 * (receipt; the papers complete; the first event of a type), the first stop
 * event at or after it, and the last on-time instant — `length` hours later;
 * or 24:00 in Beijing of the `length`-th calendar day (moved to the next
 * working day where the rule rolls forward) or working day after the start
 * day. Days the calendar does not cover leave the clock uncovered.
 */
function oracle(clock: DeadlineRule['clock'], c: ServiceCaseInput, asOfMs: number): Expected | undefined {
  const events = (c.events ?? [])
    .map((e, i) => ({ type: e.type, t: ms(e.at), i }))
    .filter((e) => e.t <= asOfMs)
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const allowed = new Set((clock.excludePauses ?? []).map((p) => p.reason));
  if ((c.pauses ?? []).some((p) => allowed.has(p.reason))) return undefined;
  if (clock.restartOn && events.some((e) => e.type === clock.restartOn)) return undefined;
  if (clock.extension && events.some((e) => e.type === clock.extension!.event)) return undefined;

  const received = ms(c.receivedAt);
  let startMs: number | undefined;
  if (clock.start === 'receivedAt') startMs = received;
  else if (clock.start === 'documentsComplete') {
    const complete = events.find((e) => e.type === 'documents-complete');
    startMs = c.incompleteOnReceipt === false ? received : complete ? complete.t : c.incompleteOnReceipt === true ? undefined : received;
  } else {
    const start = clock.start.event;
    startMs = events.find((e) => e.type === start)?.t;
  }
  if (startMs === undefined) return { state: 'not-started' };
  const from = startMs;
  const stop = events.find((e) => clock.stop.includes(e.type) && e.t >= from);

  let dueMs: number;
  if (clock.unit === 'hours') dueMs = startMs + clock.length * 3_600_000;
  else {
    let day = beijingDate(startMs);
    try {
      if (clock.unit === 'calendarDays') {
        for (let n = 0; n < clock.length; n++) day = nextDate(day);
        if (clock.rollForward) while (!CN_MAINLAND_CALENDAR.isWorkingDay(day)) day = nextDate(day);
      } else {
        for (let n = 0; n < clock.length; ) {
          day = nextDate(day);
          if (CN_MAINLAND_CALENDAR.isWorkingDay(day)) n++;
        }
      }
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarCoverageError);
      return { state: 'uncovered', startMs };
    }
    dueMs = endOf(day);
  }
  if (stop) return { state: 'judged', startMs, dueMs, completedMs: stop.t, status: stop.t <= dueMs ? 'met' : 'breached' };
  return { state: 'judged', startMs, dueMs, status: asOfMs > dueMs ? 'breached' : 'pending' };
}

/**
 * The shipped calendar plus two hypothetical years after its coverage (with
 * 1 January as their only holiday). A clock needs no day past the coverage
 * exactly when it comes out the same under both calendars; any clock that
 * does must be indeterminate under the shipped one.
 */
const extended = extendCalendar(CN_MAINLAND_CALENDAR, [hypotheticalYear(FIRST_UNCOVERED_YEAR), hypotheticalYear(FIRST_UNCOVERED_YEAR + 1)]);
const OUTSIDE = new RegExp(`covers ${literal(COVERAGE.from)} to ${literal(COVERAGE.to)}, and \\d{4}-\\d\\d-\\d\\d is outside it`);

describe('checkDeadlines on generated service cases', () => {
  it('never throws, gives a verdict and one finding per clock, and matches the documented clock semantics', () => {
    const seen = { statuses: new Map<string, number>(), oracle: 0, uncovered: 0, verdicts: new Map<string, number>() };
    fc.assert(
      fc.property(serviceCaseArb, ({ serviceCase, asOf }) => {
        const r = checkDeadlines(serviceCase, { asOf });
        expect(VERDICTS).toContain(r.verdict);
        seen.verdicts.set(r.verdict, (seen.verdicts.get(r.verdict) ?? 0) + 1);
        expect(DeadlineCheckResult.parse(r)).toEqual(r);
        expect(computeDeadlines(serviceCase, { asOf })).toEqual(r.deadlines);

        // One finding per clock, saying what the clock says.
        const findings = new Map([...r.findings, ...r.obligations].map((f) => [f.ruleId, f]));
        expect([...findings.keys()].sort()).toEqual(r.deadlines.map((d) => d.ruleId).sort());
        let anyFail = false;
        let anyUnknown = false;
        for (const d of r.deadlines) {
          seen.statuses.set(d.status, (seen.statuses.get(d.status) ?? 0) + 1);
          const f = findings.get(d.ruleId)!;
          expect(f.facts.status).toBe(d.status);
          expect(f.verdict).toBe(d.status === 'breached' ? (d.missing ? 'indeterminate' : 'fail') : d.status === 'indeterminate' ? 'indeterminate' : 'pass');
          // Indeterminate names what is missing from the case — or, when the calendar ran out, says so in `reason`.
          if (f.verdict === 'indeterminate' && d.status !== 'indeterminate') expect(f.missing?.length ?? 0, d.ruleId).toBeGreaterThan(0);
          if (d.status === 'indeterminate') expect(f.facts.reason).toBe(d.reason);
          if (d.status === 'indeterminate') {
            expect(d.dueAt).toBeUndefined();
            expect(d.reason).toMatch(OUTSIDE);
            expect(ms(d.dueNotBefore!)).toBeGreaterThan(ms(d.startAt!));
          } else {
            expect(d.dueAt).toMatch(/\+08:00$/);
            expect(d.startAt).toMatch(/\+08:00$/);
          }
          if (f.severity === 'warning') continue;
          if (f.verdict === 'fail') anyFail = true;
          if (f.verdict === 'indeterminate') anyUnknown = true;
        }
        const applicable = [...findings.values()].some((f) => f.severity !== 'warning');
        expect(r.verdict).toBe(anyFail ? 'fail' : anyUnknown ? 'indeterminate' : applicable ? 'pass' : 'not-applicable');

        // The oracle, for every rule whose `when` held or may hold (those reported) and for every rule not running.
        const asOfMs = ms(asOf);
        for (const [id, clock] of CLOCKS) {
          const want = oracle(clock, serviceCase, asOfMs);
          const got = r.deadlines.find((d) => d.ruleId === id);
          if (!want) continue;
          if (want.state === 'not-started') {
            expect(got, `${id} has not started`).toBeUndefined();
            continue;
          }
          if (!got) continue; // `when` is false, or the rule is not in force on the day received
          seen.oracle += 1;
          expect(ms(got.startAt!), id).toBe(want.startMs);
          if (want.state === 'uncovered') {
            seen.uncovered += 1;
            expect(got.status, id).toBe('indeterminate');
            continue;
          }
          expect({ id, status: got.status, due: ms(got.dueAt!), completed: got.completedAt && ms(got.completedAt) }).toEqual({
            id,
            status: want.status,
            due: want.dueMs,
            completed: want.completedMs,
          });
        }
      }),
      { numRuns: 400, seed: 17 },
    );
    // The generator reaches every status and verdict, and the oracle judged a fair share of clocks.
    for (const s of STATUSES) expect(seen.statuses.get(s) ?? 0, s).toBeGreaterThan(10);
    for (const v of ['pass', 'fail', 'indeterminate', 'not-applicable']) expect(seen.verdicts.get(v) ?? 0, v).toBeGreaterThan(3);
    expect(seen.oracle).toBeGreaterThan(500);
    expect(seen.uncovered).toBeGreaterThan(5);
  });

  it('is indeterminate exactly where the calendar runs out: with two more years, every other clock is unchanged', () => {
    let reaching = 0;
    fc.assert(
      fc.property(serviceCaseArb, ({ serviceCase, asOf }) => {
        const shipped = checkDeadlines(serviceCase, { asOf });
        const longer = checkDeadlines(serviceCase, { asOf, calendar: extended });
        expect(longer.deadlines.map((d) => d.ruleId)).toEqual(shipped.deadlines.map((d) => d.ruleId));
        shipped.deadlines.forEach((d, i) => {
          const e = longer.deadlines[i]!;
          expect(e.status).not.toBe('indeterminate');
          if (d.status !== 'indeterminate') {
            expect(e, d.ruleId).toEqual(d);
            return;
          }
          // The clock needed a day after the coverage: its last day lies there, and the bound it reported holds.
          reaching += 1;
          expect(e.lastDay! > COVERAGE.to, `${d.ruleId} ends ${e.lastDay}`).toBe(true);
          expect(ms(e.dueAt!)).toBeGreaterThanOrEqual(ms(d.dueNotBefore!));
          expect(e.startAt).toBe(d.startAt);
        });
      }),
      { numRuns: 300, seed: 19 },
    );
    expect(reaching).toBeGreaterThan(5);
  });

  it('is deterministic: the same case gives the same result, whatever the system clock says', () => {
    vi.useFakeTimers();
    fc.assert(
      fc.property(serviceCaseArb, ({ serviceCase, asOf }) => {
        vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
        expect(Date.now()).toBe(Date.UTC(2001, 0, 1));
        const early = checkDeadlines(serviceCase, { asOf });
        expect(checkDeadlines(structuredClone(serviceCase), { asOf })).toEqual(early);
        vi.setSystemTime(new Date('2049-07-15T12:34:56Z'));
        expect(checkDeadlines(serviceCase, { asOf })).toEqual(early);
      }),
      { numRuns: 150, seed: 23 },
    );
  });

  it('ignores events dated after asOf: they have not happened yet', () => {
    fc.assert(
      fc.property(serviceCaseArb, ({ serviceCase, asOf }) => {
        const happened = (serviceCase.events ?? []).filter((e) => ms(e.at) <= ms(asOf));
        fc.pre(happened.length < (serviceCase.events ?? []).length);
        expect(checkDeadlines({ ...serviceCase, events: happened }, { asOf })).toEqual(checkDeadlines(serviceCase, { asOf }));
      }),
      { numRuns: 200, seed: 29 },
    );
  });
});

/**
 * Fields whose absence has a defined meaning rather than "unknown"
 * (docs/deadlines.md), kept out of the removal property:
 * - `group`: absent is `false`, individual business;
 * - `events`: absent is `[]`, nothing has happened — so a duty is still open,
 *   and a clock an event would start is not running (taking an `agreement`
 *   away rightly stops the payment clock from applying);
 * - `pauses`: absent is `[]`, the clock never stood still;
 * - `incompleteOnReceipt`: absent reads "no missing papers recorded" — the
 *   papers-complete clocks start at receipt, unless a `documents-complete`
 *   event says when the missing papers came (then they start there).
 * Required fields (`id`, `kind`, `receivedAt`, an event's `type` and `at`, a
 * pause's `from`, `to` and `reason`) cannot be removed. Everything else is
 * removed one at a time — `complexity`, `major`, `productLine`,
 * `policyTermMonths`, `medicalExamRequired`, `premiumPaymentInvolved`, a
 * decision's `outcome` (unknown when absent), an event's `note` (no effect),
 * a pause's `noticeGiven` (absent is "not told", the stricter reading: the
 * pause is then counted).
 */
const KEEP = new Set([
  'id', 'kind', 'receivedAt', 'group', 'events', 'pauses', 'incompleteOnReceipt',
  'events[].type', 'events[].at', 'pauses[].from', 'pauses[].to', 'pauses[].reason',
]);

describe('checkDeadlines fails closed', () => {
  it('removing a fact never turns a failing case or rule into a passing one', () => {
    let removed = 0;
    fc.assert(
      fc.property(serviceCaseArb, ({ serviceCase, asOf }) => {
        const before = checkDeadlines(serviceCase, { asOf });
        for (const path of removablePaths(serviceCase, KEEP)) {
          const after = unlessMalformed(() => checkDeadlines(without(serviceCase, path), { asOf }));
          expect(after, `removing ${showPath(path)} made the case malformed`).toBeDefined();
          removed += 1;
          expectNoFailTurnedPass(before, after!, path);
        }
      }),
      { numRuns: 300, seed: 31 },
    );
    expect(removed).toBeGreaterThan(1000);
  });
});
