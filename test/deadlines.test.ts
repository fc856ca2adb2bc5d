/**
 * The deadline check as an insurer relies on it: the due dates and statuses
 * the sources and the official calendar imply, every source's clock reported
 * with its own citation, identical whatever the host time zone, and no
 * answer at all where the calendar has none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CN_MAINLAND_CALENDAR,
  DeadlineCheckResult,
  InputError,
  extendCalendar,
  checkDeadlines,
  computeDeadlines,
  createRulebook,
  deriveFacts,
  type ServiceCaseInput,
} from '../src/index.js';
import { COMPLAINT_AS_OF, COVERAGE, FIRST_UNCOVERED_YEAR, complaintInFirstUncoveredYear, hypotheticalYear } from './support/calendar.js';

const END = 'T23:59:59.999+08:00';
const clock = (r: { deadlines: Array<{ ruleId: string }> }, id: string) => {
  const d = r.deadlines.find((x) => x.ruleId === id);
  expect(d, `no clock ${id}`).toBeDefined();
  return d as DeadlineCheckResult['deadlines'][number];
};
const only = (...sources: string[]) => createRulebook({ rulesets: sources });

/** A health claim the insurer classified complex, received on 20 January 2026 and decided after the Spring Festival holiday. */
const complexClaim: ServiceCaseInput = {
  id: 'CL-SF-2026',
  kind: 'claim',
  receivedAt: '2026-01-20T10:00:00+08:00',
  complexity: 'complex',
  productLine: 'health',
  incompleteOnReceipt: false,
  events: [
    { type: 'acknowledged', at: '2026-01-20T11:00:00+08:00' },
    { type: 'initial-review', at: '2026-01-21T09:00:00+08:00' },
    { type: 'decision', at: '2026-02-24T10:00:00+08:00', outcome: 'accepted' },
  ],
};

describe('a complex claim across the 2026 Spring Festival, judged by every source', () => {
  const r = checkDeadlines(complexClaim, { asOf: '2026-02-25T09:00:00+08:00' });

  it('reports each source\'s clock with its own citation where they disagree', () => {
    // Insurance Law art. 23: 30 days end on 19 February, a holiday, and roll to Tuesday 24 February (civil-code art. 203).
    expect(clock(r, 'insurance-law-2015.art23.complex-claim-decision')).toMatchObject({
      dueAt: `2026-02-24${END}`,
      status: 'met',
      lastDay: '2026-02-24',
      rolledForwardFrom: '2026-02-19',
      citation: { source: 'insurance-law-2015', section: 'art. 23' },
    });
    // life-service-2010 art. 23: the same 30 days, not extended — the decision is late.
    expect(clock(r, 'life-service-2010.art23.complex-claim-decision')).toMatchObject({
      dueAt: `2026-02-19${END}`,
      status: 'breached',
      overdueBy: 'P4DT10H0.001S',
      citation: { source: 'life-service-2010', section: 'art. 23' },
    });
    // mkt-cs-guide §3.1.2: 10 working days, 21 January – 3 February.
    expect(clock(r, 'mkt-cs-guide.deadline.claim-review')).toMatchObject({ dueAt: `2026-02-03${END}`, status: 'breached', citation: { section: '3.1.2' } });
    // mkt-cs-guide §2.3(1): a complex claim completed (paid or rejected) within 10 working days; still unpaid.
    expect(clock(r, 'mkt-cs-guide.deadline.claim-service-complex')).toMatchObject({ dueAt: `2026-02-03${END}`, status: 'breached' });
    // agency-ops §3.3: 48 clock hours for the preliminary review.
    expect(clock(r, 'agency-ops.deadline.claim-initial-review')).toMatchObject({ dueAt: '2026-01-22T10:00:00+08:00', status: 'met' });
  });

  it('fails the case and lists the breached rules as findings', () => {
    expect(r.verdict).toBe('fail');
    const failed = r.findings.filter((f) => f.verdict === 'fail').map((f) => f.ruleId);
    expect(failed).toEqual(
      expect.arrayContaining(['life-service-2010.art23.complex-claim-decision', 'mkt-cs-guide.deadline.claim-review', 'mkt-cs-guide.deadline.claim-service-complex']),
    );
    expect(failed).not.toContain('insurance-law-2015.art23.complex-claim-decision');
    const f = r.findings.find((x) => x.ruleId === 'life-service-2010.art23.complex-claim-decision')!;
    expect(f.facts).toMatchObject({ status: 'breached', dueAt: `2026-02-19${END}`, complexity: 'complex' });
  });

  it('reports no clock that has not started: nothing was agreed, so no payment clock runs', () => {
    expect(r.deadlines.map((d) => d.ruleId)).not.toContain('insurance-law-2015.art23.payment-after-agreement');
    const later = checkDeadlines(
      { ...complexClaim, events: [...complexClaim.events!, { type: 'agreement', at: '2026-02-25T10:00:00+08:00' }] },
      { asOf: '2026-02-26T09:00:00+08:00', rulebook: only('insurance-law-2015') },
    );
    // 10 days from 25 February end on 7 March, a Saturday, and roll to Monday 9 March.
    expect(clock(later, 'insurance-law-2015.art23.payment-after-agreement')).toMatchObject({ startAt: '2026-02-25T10:00:00+08:00', dueAt: `2026-03-09${END}`, status: 'pending' });
  });

  it('conforms to the published result schema, and computeDeadlines returns the same clocks', () => {
    expect(DeadlineCheckResult.parse(r)).toEqual(r);
    expect(computeDeadlines(complexClaim, { asOf: '2026-02-25T09:00:00+08:00' })).toEqual(r.deadlines);
    expect(r.calendar).toEqual({ id: 'cn-mainland', version: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/), extended: false, replacedYears: [], coverage: COVERAGE });
  });
});

describe('a complaint received just before National Day 2025', () => {
  const complaint: ServiceCaseInput = {
    id: 'C-ND-2025',
    kind: 'complaint',
    receivedAt: '2025-09-30T10:00:00+08:00',
    complexity: 'simple',
    events: [{ type: 'acknowledged', at: '2025-09-30T15:00:00+08:00' }],
  };
  it('gives each clock the due date the calendar implies, judged at asOf', () => {
    const r = checkDeadlines(complaint, { asOf: '2025-10-12T09:00:00+08:00' });
    // 2 working days: 9 and 10 October (1–8 October are holidays).
    expect(clock(r, 'mkt-service-2025.deadline.complaint-initial-check')).toMatchObject({ dueAt: `2025-10-10${END}`, status: 'breached', overdueBy: 'P1DT9H0.001S' });
    // 7 working days: 9, 10, 11 (make-up Saturday), 13, 14, 15, 16 October.
    expect(clock(r, 'mkt-service-2025.deadline.complaint-decision')).toMatchObject({ dueAt: `2025-10-16${END}`, status: 'pending', remaining: 'P4DT14H59M59.999S' });
    // 15 calendar days, holiday included: 15 October.
    expect(clock(r, 'complaints-2020.art18.simple')).toMatchObject({ dueAt: `2025-10-15${END}`, status: 'pending' });
    // 24 clock hours, met.
    expect(clock(r, 'agency-ops.deadline.complaint-response')).toMatchObject({ dueAt: '2025-10-01T10:00:00+08:00', status: 'met', completedAt: '2025-09-30T15:00:00+08:00' });
  });
  it('ignores events dated after asOf: they have not happened yet', () => {
    const withLater = { ...complaint, events: [...complaint.events!, { type: 'result-notified' as const, at: '2025-10-14T10:00:00+08:00' }] };
    const before = checkDeadlines(withLater, { asOf: '2025-10-12T09:00:00+08:00' });
    const after = checkDeadlines(withLater, { asOf: '2025-10-20T09:00:00+08:00' });
    expect(clock(before, 'complaints-2020.art18.simple').status).toBe('pending');
    expect(clock(after, 'complaints-2020.art18.simple')).toMatchObject({ status: 'met', completedAt: '2025-10-14T10:00:00+08:00' });
  });
  it('names the missing fact when the rule that applies depends on it', () => {
    const { complexity: _c, ...unclassified } = complaint;
    const early = checkDeadlines(unclassified, { asOf: '2025-10-05T09:00:00+08:00', rulebook: only('complaints-2020') });
    // Within 15 days nothing can be breached yet, whichever period applies: every clock is pending, marked as conditional.
    expect(early.verdict).toBe('pass');
    expect(clock(early, 'complaints-2020.art18.simple')).toMatchObject({ status: 'pending', missing: ['complexity'] });
    const late = checkDeadlines(unclassified, { asOf: '2025-10-20T09:00:00+08:00', rulebook: only('complaints-2020') });
    expect(late.verdict).toBe('indeterminate');
    expect(late.findings.find((f) => f.ruleId === 'complaints-2020.art18.simple')).toMatchObject({ verdict: 'indeterminate', missing: ['complexity'] });
  });
});

describe('clocks that start when the papers are complete (insurance-law-2015 art. 25)', () => {
  const claim: ServiceCaseInput = { id: 'CL-25', kind: 'claim', receivedAt: '2025-07-01T09:00:00+08:00', productLine: 'property', events: [] };
  const opts = { asOf: '2025-08-01T09:00:00+08:00', rulebook: only('insurance-law-2015') };
  it('start at receipt when the case records no missing papers — the protective reading', () => {
    // 60 days from 1 July end on 30 August, a Saturday, and roll to Monday 1 September.
    expect(clock(checkDeadlines(claim, opts), 'insurance-law-2015.art25.advance-payment')).toMatchObject({ startAt: '2025-07-01T09:00:00+08:00', dueAt: `2025-09-01${END}`, status: 'pending' });
    expect(clock(checkDeadlines({ ...claim, incompleteOnReceipt: false, events: [{ type: 'documents-complete', at: '2025-07-20T09:00:00+08:00' }] }, opts), 'insurance-law-2015.art25.advance-payment').startAt).toBe('2025-07-01T09:00:00+08:00');
  });
  it('start when the missing papers arrived, and do not run before', () => {
    const waiting = checkDeadlines({ ...claim, incompleteOnReceipt: true }, opts);
    expect(waiting.deadlines.map((d) => d.ruleId)).not.toContain('insurance-law-2015.art25.advance-payment');
    const complete = checkDeadlines({ ...claim, incompleteOnReceipt: true, events: [{ type: 'documents-complete', at: '2025-07-10T10:00:00+08:00' }] }, opts);
    expect(clock(complete, 'insurance-law-2015.art25.advance-payment')).toMatchObject({ startAt: '2025-07-10T10:00:00+08:00', dueAt: `2025-09-08${END}` });
  });
});

describe('complaints-2020 art. 18: restart, pauses and extension', () => {
  const base: ServiceCaseInput = { id: 'C-18', kind: 'complaint', receivedAt: '2025-09-23T10:00:00+08:00', complexity: 'simple', events: [] };
  const rulebook = only('complaints-2020');
  const asOf = '2025-11-30T09:00:00+08:00';
  it('restarts on new facts received within the period, from their own date', () => {
    const r = checkDeadlines({ ...base, events: [{ type: 'new-facts', at: '2025-10-05T14:00:00+08:00' }] }, { asOf, rulebook });
    expect(clock(r, 'complaints-2020.art18.simple')).toMatchObject({ startAt: '2025-10-05T14:00:00+08:00', dueAt: `2025-10-20${END}`, restartedAt: ['2025-10-05T14:00:00+08:00'] });
  });
  it('does not restart on new facts after the period ran out or after the decision was told', () => {
    const late = checkDeadlines({ ...base, events: [{ type: 'new-facts', at: '2025-10-09T10:00:00+08:00' }] }, { asOf, rulebook });
    expect(clock(late, 'complaints-2020.art18.simple')).toMatchObject({ dueAt: `2025-10-08${END}`, status: 'breached' });
    const done = checkDeadlines(
      { ...base, events: [{ type: 'result-notified', at: '2025-10-01T10:00:00+08:00' }, { type: 'new-facts', at: '2025-10-02T10:00:00+08:00' }] },
      { asOf, rulebook },
    );
    expect(clock(done, 'complaints-2020.art18.simple')).toMatchObject({ dueAt: `2025-10-08${END}`, status: 'met' });
  });
  it('leaves out whole days of mediation and of notified appraisal only, and says which', () => {
    const pauses = [
      { from: '2025-09-25T00:00:00+08:00', to: '2025-09-27T00:00:00+08:00', reason: 'mediation' as const },
      { from: '2025-09-28T12:00:00+08:00', to: '2025-09-30T00:00:00+08:00', reason: 'external-appraisal' as const, noticeGiven: true },
      { from: '2025-10-01T00:00:00+08:00', to: '2025-10-03T00:00:00+08:00', reason: 'external-appraisal' as const },
      { from: '2025-10-03T00:00:00+08:00', to: '2025-10-05T00:00:00+08:00', reason: 'other' as const },
    ];
    const r = checkDeadlines({ ...base, pauses }, { asOf, rulebook });
    // Excluded: 25 and 26 September (mediation) and 29 September (the notified appraisal covers it fully; 28 September only half).
    expect(clock(r, 'complaints-2020.art18.simple')).toMatchObject({ excludedDays: ['2025-09-25', '2025-09-26', '2025-09-29'], dueAt: `2025-10-11${END}` });
  });
  it('extends a particularly complex complaint only by an approval given before the 30 days run out', () => {
    const special = { ...base, receivedAt: '2025-09-01T10:00:00+08:00', complexity: 'special' as const };
    const inTime = checkDeadlines({ ...special, events: [{ type: 'extension-approved', at: '2025-10-01T23:00:00+08:00' }] }, { asOf, rulebook });
    expect(clock(inTime, 'complaints-2020.art18.special')).toMatchObject({ length: 60, extendedBy: 30, dueAt: `2025-10-31${END}` });
    const tooLate = checkDeadlines({ ...special, events: [{ type: 'extension-approved', at: '2025-10-02T08:00:00+08:00' }] }, { asOf, rulebook });
    expect(clock(tooLate, 'complaints-2020.art18.special')).toMatchObject({ length: 30, dueAt: `2025-10-01${END}`, status: 'breached' });
  });
});

describe('outside the working-day calendar', () => {
  // The first year the shipped calendar does not cover, derived so that adding a year breaks nothing.
  const Y = FIRST_UNCOVERED_YEAR;
  const LAST = Y - 1;
  const complaint = complaintInFirstUncoveredYear;
  const asOf = COMPLAINT_AS_OF;
  it('makes working-day clocks indeterminate with the reason and the option to use, never a Monday–Friday guess', () => {
    const r = checkDeadlines(complaint, { asOf });
    const d = clock(r, 'mkt-service-2025.deadline.complaint-initial-check');
    expect(d.status).toBe('indeterminate');
    expect(d.dueAt).toBeUndefined();
    expect(d.reason).toMatch(new RegExp(`covers ${COVERAGE.from} to ${COVERAGE.to}.*${Y}-01-06 is outside it`));
    // It names what a user can do — an option — not a file inside the installed package.
    expect(d.reason).toContain('options.calendar');
    expect(d.reason).toContain('--calendar');
    expect(d.reason).not.toContain('rules/calendars');
    // A period of 2 working days never ends before the 2nd calendar day after the start.
    expect(d.dueNotBefore).toBe(`${Y}-01-07${END}`);
    expect(r.findings.find((f) => f.ruleId === d.ruleId)).toMatchObject({ verdict: 'indeterminate', facts: { reason: d.reason } });
    expect(r.calendar).toMatchObject({ id: 'cn-mainland', extended: false, replacedYears: [], coverage: COVERAGE });
  });
  it('still judges clocks that need no calendar: hours, and calendar days that do not roll forward', () => {
    const r = checkDeadlines(complaint, { asOf });
    expect(clock(r, 'complaints-2020.art18.simple')).toMatchObject({ dueAt: `${Y}-01-20${END}`, status: 'pending' });
    expect(clock(r, 'agency-ops.deadline.complaint-response')).toMatchObject({ dueAt: `${Y}-01-06T10:00:00+08:00`, status: 'breached' });
  });
  it('makes a rolled-forward calendar-day clock indeterminate when the day to roll from is uncovered', () => {
    const r = checkDeadlines(
      { id: `S-${LAST}`, kind: 'surrender', receivedAt: `${LAST}-12-15T10:00:00+08:00`, productLine: 'life', events: [] },
      { asOf: `${LAST}-12-20T09:00:00+08:00`, rulebook: only('insurance-law-2015') },
    );
    expect(clock(r, 'insurance-law-2015.art47.cash-value-refund')).toMatchObject({ status: 'indeterminate' });
    expect(r.verdict).toBe('indeterminate');
  });
  it('decides those clocks on a calendar the user extends with the missing year, and names that calendar', () => {
    // A hypothetical year (1 January its only holiday) stands for the notice a user's ops team has.
    const calendar = extendCalendar('cn-mainland', [hypotheticalYear(Y)]);
    const r = checkDeadlines(complaint, { asOf, calendar });
    // The hypothetical year has no holiday after 1 January, so two working days after 5 January are
    // simply the second Monday–Friday day after it, counted here without the library.
    let t = Date.UTC(Y, 0, 5);
    for (let n = 0; n < 2; ) {
      t += 86_400_000;
      const wd = new Date(t).getUTCDay();
      if (wd >= 1 && wd <= 5) n += 1;
    }
    const expected = new Date(t).toISOString().slice(0, 10);
    expect(clock(r, 'mkt-service-2025.deadline.complaint-initial-check')).toMatchObject({ status: 'met', dueAt: `${expected}${END}` });
    expect(r.deadlines.filter((d) => d.status === 'indeterminate')).toEqual([]);
    expect(r.calendar).toEqual({
      id: 'cn-mainland',
      version: CN_MAINLAND_CALENDAR.version,
      hash: calendar.hash,
      extended: true,
      replacedYears: [],
      coverage: { from: COVERAGE.from, to: `${Y}-12-31` },
    });
    expect(calendar.hash).not.toBe(CN_MAINLAND_CALENDAR.hash);
  });
});

describe('time zones', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  it('gives identical results whatever the host TZ', () => {
    const run = () => checkDeadlines(complexClaim, { asOf: '2026-02-25T09:00:00+08:00' });
    process.env.TZ = 'Asia/Shanghai';
    const shanghai = run();
    for (const tz of ['America/Los_Angeles', 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      if (tz === 'America/Los_Angeles') expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(480); // the host zone really changed
      expect(run(), tz).toEqual(shanghai);
    }
  });
  it('gives identical clocks for the same instants written in UTC or another offset, and dates the case in Beijing', () => {
    const beijing = checkDeadlines(
      { id: 'Z', kind: 'complaint', receivedAt: '2025-10-01T00:00:00+08:00', complexity: 'simple', events: [{ type: 'acknowledged', at: '2025-10-01T23:00:00+08:00' }] },
      { asOf: '2025-10-10T08:00:00+08:00' },
    );
    const utc = checkDeadlines(
      { id: 'Z', kind: 'complaint', receivedAt: '2025-09-30T16:00:00Z', complexity: 'simple', events: [{ type: 'acknowledged', at: '2025-10-01T15:00:00Z' }] },
      { asOf: '2025-10-10T00:00:00Z' },
    );
    const pacific = checkDeadlines(
      { id: 'Z', kind: 'complaint', receivedAt: '2025-09-30T09:00:00-07:00', complexity: 'simple', events: [{ type: 'acknowledged', at: '2025-10-01T08:00:00-07:00' }] },
      { asOf: '2025-10-09T17:00:00-07:00' },
    );
    expect(utc.deadlines).toEqual(beijing.deadlines);
    expect(pacific.deadlines).toEqual(beijing.deadlines);
    // Received on 1 October in Beijing (30 September in UTC): the 15 days end on 16 October.
    expect(clock(utc, 'complaints-2020.art18.simple')).toMatchObject({ dueAt: `2025-10-16${END}` });
    expect(deriveFacts('deadline', { id: 'Z', kind: 'complaint', receivedAt: '2025-09-30T16:00:00Z', events: [] }, { asOf: '2025-10-10T00:00:00Z' }).caseDate).toBe(20251001);
  });
});

describe('bad input', () => {
  const ok: ServiceCaseInput = { id: 'Q', kind: 'inquiry', receivedAt: '2025-09-30T10:00:00+08:00', events: [] };
  const issuesOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).issues.map((i) => i.path);
    }
    throw new Error('expected an InputError');
  };
  it('requires asOf, and refuses one before the case was received', () => {
    expect(issuesOf(() => checkDeadlines(ok))).toEqual(['asOf']);
    expect(issuesOf(() => checkDeadlines(ok, { asOf: '2025-09-29T10:00:00+08:00' }))).toEqual(['asOf']);
    expect(issuesOf(() => checkDeadlines(ok, { asOf: '2025-10-01T10:00:00' }))).toEqual(['asOf']);
  });
  it('rejects naive instants, unknown kinds and events, events before receipt and inverted pauses, with their paths', () => {
    expect(issuesOf(() => checkDeadlines({ ...ok, receivedAt: '2025-09-30T10:00:00' }, { asOf: '2025-10-01T10:00:00+08:00' }))).toEqual(['receivedAt']);
    expect(issuesOf(() => checkDeadlines({ ...ok, kind: 'gossip' as never }, { asOf: '2025-10-01T10:00:00+08:00' }))).toEqual(['kind']);
    expect(issuesOf(() => checkDeadlines({ ...ok, events: [{ type: 'answered' as never, at: '2025-09-30T11:00:00+08:00' }] }, { asOf: '2025-10-01T10:00:00+08:00' }))).toEqual(['events[0].type']);
    expect(
      issuesOf(() =>
        checkDeadlines(
          {
            ...ok,
            events: [{ type: 'acknowledged', at: '2025-09-29T11:00:00+08:00' }, { type: 'acknowledged', at: '2025-09-30T11:00:00+08:00', outcome: 'accepted' }],
            pauses: [{ from: '2025-10-02T00:00:00+08:00', to: '2025-10-01T00:00:00+08:00', reason: 'mediation' }],
          },
          { asOf: '2025-10-05T10:00:00+08:00' },
        ),
      ),
    ).toEqual(['events[0].at', 'events[1].outcome', 'pauses[0].to']);
  });
  it('reads an absent events list as an empty history: nothing done, so clocks run and can be breached, never silently pass', () => {
    const { events: _e, ...noEvents } = ok;
    const r = checkDeadlines(noEvents as ServiceCaseInput, { asOf: '2025-10-02T10:00:00+08:00', rulebook: only('agency-ops') });
    expect(r.verdict).toBe('fail');
    expect(r.deadlines).toEqual(checkDeadlines({ ...ok, events: [] }, { asOf: '2025-10-02T10:00:00+08:00', rulebook: only('agency-ops') }).deadlines);
  });
});
