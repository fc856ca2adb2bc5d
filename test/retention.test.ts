import { describe, expect, it } from 'vitest';
import {
  DisposalResult,
  InputError,
  RetentionSchedule,
  RuleSetError,
  checkDisposal,
  computeRetention,
  createRulebook,
  defaultRulebook,
  deriveFacts,
  toJsonRulesEngineRules,
  validateRuleSet,
} from '../src/index.js';

const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;

describe('computeRetention', () => {
  it('keeps a one-year policy file 5 years from termination and names the article', () => {
    const s = computeRetention(
      { id: 'P-1', kind: 'policy-file', policyTermMonths: 12, contractTerminatedAt: '2020-10-31' },
      { asOf: at('2021-01-01') },
    );
    expect(s.retainUntil).toBe('2025-10-31');
    expect(s.governingRule?.ruleId).toBe('insurance-law-2015.art87.term-up-to-1y');
    expect(s.governingRule?.citation).toMatchObject({ source: 'insurance-law-2015', section: 'art. 87' });
    expect(s.periods.map((p) => p.ruleId)).toEqual(['insurance-law-2015.art87.term-up-to-1y']);
    expect(() => RetentionSchedule.parse(s)).not.toThrow();
  });

  it('keeps a 20-year policy terminated on 29 February until 28 February ten years on', () => {
    const s = computeRetention(
      { id: 'P-2', kind: 'policy-file', policyTermMonths: 240, contractTerminatedAt: '2028-02-29T09:15:00+08:00' },
      { asOf: at('2028-03-01') },
    );
    expect(s.retainUntil).toBe('2038-02-28');
    expect(s.periods[0]).toMatchObject({ triggerDate: '2028-02-29', retainUntil: '2038-02-28', years: 10, applies: 'yes' });
  });

  it('takes the latest of every applicable period and lists each with its own date', () => {
    const s = computeRetention(
      {
        id: 'R-1',
        kind: 'sales-recording',
        policyTermMonths: 120,
        contractTerminatedAt: '2020-05-31',
        disputes: [{ openedAt: '2029-01-10', resolvedAt: '2030-03-31' }],
      },
      { asOf: at('2030-06-01') },
    );
    const dates = Object.fromEntries(s.periods.map((p) => [p.ruleId, p.retainUntil]));
    expect(dates).toEqual({
      'recording-2017.art13.term-over-1y': '2030-05-31',
      'recording-2017.art13.dispute': '2032-03-31',
      'suitability-2025.art17.retention': '2025-05-31',
    });
    expect(s.retainUntil).toBe('2032-03-31');
    expect(s.governingRule?.ruleId).toBe('recording-2017.art13.dispute');
  });

  it('cannot date a record whose contract is still in force, and says what is missing', () => {
    const s = computeRetention({ id: 'P-3', kind: 'policy-file', policyTermMonths: 36 }, { asOf: at('2026-01-01') });
    expect(s.retainUntil).toBeNull();
    expect(s.governingRule).toBeNull();
    expect(s.missing).toEqual(['contractTerminatedAt']);
    expect(s.periods[0]).toMatchObject({ triggerDate: null, retainUntil: null, missing: ['contractTerminatedAt'] });
  });

  it('with an unknown term, lists both buckets as possible and gives no date', () => {
    const s = computeRetention({ id: 'P-4', kind: 'policy-file', contractTerminatedAt: '2020-01-01' }, { asOf: at('2026-01-01') });
    expect(s.periods.map((p) => [p.ruleId, p.applies, p.retainUntil])).toEqual([
      ['insurance-law-2015.art87.term-up-to-1y', 'unknown', '2025-01-01'],
      ['insurance-law-2015.art87.term-over-1y', 'unknown', '2030-01-01'],
    ]);
    expect(s.retainUntil).toBeNull();
    expect(s.missing).toEqual(['policyTermMonths']);
  });

  it('lists the disposal conditions that apply (agency-ops §7.1 appraisal)', () => {
    const s = computeRetention({ id: 'A-1', kind: 'agency-archive', relationshipEndedAt: '2021-08-31' }, { asOf: at('2022-01-01') });
    expect(s.retainUntil).toBe('2026-08-31');
    expect(s.conditions.map((c) => c.ruleId)).toEqual(['agency-ops.disposal.appraisal']);
  });

  it('applies the rules in force on asOf: suitability-2025 art. 17 from 1 February 2026', () => {
    const record = { id: 'S-1', kind: 'suitability-file' as const, policyTermMonths: 6, contractTerminatedAt: '2024-01-15' };
    const before = computeRetention(record, { asOf: at('2026-01-31', '23:59:59') });
    const after = computeRetention(record, { asOf: at('2026-02-01', '00:00:00') });
    expect(before.periods.map((p) => p.ruleId)).toEqual(['insurance-law-2015.art87.term-up-to-1y']);
    expect(after.periods.map((p) => p.ruleId)).toEqual(['insurance-law-2015.art87.term-up-to-1y', 'suitability-2025.art17.retention']);
  });

  it('requires asOf and rejects malformed records with their paths', () => {
    expect(() => computeRetention({ id: 'X', kind: 'policy-file' })).toThrow(InputError);
    try {
      computeRetention({ id: 'X', kind: 'policy-file', contractTerminatedAt: '2020-01-01T08:00:00' } as never, { asOf: at('2026-01-01') });
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues.map((i) => i.path)).toEqual(['contractTerminatedAt']);
    }
    expect(() => computeRetention({ id: 'X', kind: 'policy-file', extra: 1 } as never, { asOf: at('2026-01-01') })).toThrow(InputError);
  });

  it('gives the same answer whatever the host time zone', () => {
    const record = { id: 'TZ', kind: 'policy-file' as const, policyTermMonths: 12, contractTerminatedAt: '2019-12-31T16:30:00Z' };
    const original = process.env.TZ;
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'].map((tz) => {
      process.env.TZ = tz;
      return JSON.stringify([computeRetention(record, { asOf: '2025-01-01T00:30:00+08:00' }), checkDisposal(record, { asOf: '2025-01-01T00:30:00+08:00' })]);
    });
    process.env.TZ = original;
    expect(new Set(results).size).toBe(1);
    // 16:30 UTC on 31 December 2019 is 1 January 2020 in Beijing: kept through 1 January 2025.
    expect(JSON.parse(results[0]!)[0].retainUntil).toBe('2025-01-01');
  });
});

describe('checkDisposal', () => {
  it('fails on the last day of the period and passes the day after (agency archive)', () => {
    const record = { id: 'A-2', kind: 'agency-archive' as const, relationshipEndedAt: '2019-11-30', appraisal: { approvedAt: '2024-11-01' } };
    const lastDay = checkDisposal(record, { asOf: at('2024-11-30', '23:59:59') });
    const dayAfter = checkDisposal(record, { asOf: at('2024-12-01', '00:00:00') });
    expect([lastDay.verdict, lastDay.mayDispose, lastDay.retainUntil]).toEqual(['fail', false, '2024-11-30']);
    expect(lastDay.findings.find((f) => f.verdict === 'fail')?.ruleId).toBe('agency-ops.retention.archive');
    expect([dayAfter.verdict, dayAfter.mayDispose]).toEqual(['pass', true]);
    expect(() => DisposalResult.parse(dayAfter)).not.toThrow();
  });

  it('is indeterminate while the contract is in force, listing the missing termination', () => {
    const r = checkDisposal({ id: 'P-5', kind: 'policy-file', policyTermMonths: 12, contractTerminatedAt: null }, { asOf: at('2030-01-01') });
    expect(r.verdict).toBe('indeterminate');
    expect(r.mayDispose).toBe(false);
    expect(r.findings.flatMap((f) => f.missing ?? [])).toEqual(['contractTerminatedAt']);
  });

  it('fails when the contract ends after the day judged, however long ago the term began', () => {
    const r = checkDisposal({ id: 'P-6', kind: 'policy-file', policyTermMonths: 12, contractTerminatedAt: '2031-01-01' }, { asOf: at('2030-01-01') });
    expect(r.verdict).toBe('fail');
    expect(r.retainUntil).toBe('2036-01-01');
  });

  it('a legal hold blocks disposal although every period has run, and no rule is blamed for it', () => {
    const record = { id: 'P-7', kind: 'policy-file' as const, policyTermMonths: 12, contractTerminatedAt: '2010-06-30' };
    const free = checkDisposal(record, { asOf: at('2026-01-01') });
    const held = checkDisposal({ ...record, legalHold: true }, { asOf: at('2026-01-01') });
    expect(free.verdict).toBe('pass');
    expect(held.verdict).toBe('fail');
    expect(held.mayDispose).toBe(false);
    expect(held.holds).toEqual({ legalHold: true, openDisputes: 0 });
    expect(held.findings.every((f) => f.verdict === 'pass')).toBe(true);
  });

  it('an open dispute blocks disposal; a dispute opened after the day judged does not', () => {
    const record = { id: 'P-8', kind: 'complaint-file' as const, policyTermMonths: 12, contractTerminatedAt: '2010-06-30' };
    const open = checkDisposal({ ...record, disputes: [{ openedAt: '2025-12-01' }] }, { asOf: at('2026-01-01') });
    const later = checkDisposal({ ...record, disputes: [{ openedAt: '2026-02-01' }] }, { asOf: at('2026-01-01') });
    expect([open.verdict, open.holds.openDisputes]).toEqual(['fail', 1]);
    expect([later.verdict, later.holds.openDisputes]).toEqual(['pass', 0]);
  });

  it('a recording with a resolved dispute is kept 2 years after it ends', () => {
    const record = {
      id: 'R-2',
      kind: 'sales-recording' as const,
      policyTermMonths: 12,
      contractTerminatedAt: '2015-03-31',
      disputes: [{ openedAt: '2023-02-01', resolvedAt: '2024-06-30' }],
    };
    const r1 = checkDisposal(record, { asOf: at('2026-06-30') });
    const r2 = checkDisposal(record, { asOf: at('2026-07-01') });
    expect([r1.verdict, r1.retainUntil, r1.governingRule?.ruleId]).toEqual(['fail', '2026-06-30', 'recording-2017.art13.dispute']);
    expect(r2.verdict).toBe('pass');
  });

  it('never clears a record no rule governs', () => {
    const r = checkDisposal({ id: 'K-1', kind: 'customer-identity', relationshipEndedAt: '2000-01-01' }, { asOf: at('2024-06-01') });
    expect(r.verdict).toBe('not-applicable');
    expect(r.mayDispose).toBe(false);
  });

  it('findings carry the period in their facts and message', () => {
    const r = checkDisposal({ id: 'T-1', kind: 'transaction-record', transactionAt: '2025-03-03', policyTermMonths: 12, contractTerminatedAt: '2025-12-31' }, { asOf: at('2026-01-01') });
    const aml = r.findings.find((f) => f.ruleId === 'aml-2024.art34.transaction-record')!;
    expect(aml.facts).toMatchObject({ triggerDate: '2025-03-03', retainUntil: '2035-03-03' });
    expect(aml.message.en).toContain('keep until 2035-03-03');
    expect(aml.message.zh).toContain('须保存至2035-03-03');
  });

  it('is replayable: deriveFacts exposes the facts rules read', () => {
    const facts = deriveFacts('retention', { id: 'D', kind: 'sales-recording', policyTermMonths: 'whole-life', disputes: [{ openedAt: '2020-01-01' }] }, { asOf: at('2024-02-29') });
    expect(facts).toMatchObject({ caseDate: 20240229, recordKind: 'sales-recording', wholeLife: true, disputeCount: 1, openDisputeCount: 1, legalHold: false });
    expect(facts).not.toHaveProperty('policyTermMonths');
  });
});

describe('retention rules are data', () => {
  const overlay = {
    source: 'insurance-law-2015',
    version: '9.0.0',
    document: { title: { zh: '测试', en: 'Test overlay' }, nature: 'statute' },
    rules: [
      {
        id: 'insurance-law-2015.test.complaints-15y',
        check: 'retention',
        title: { zh: '测试', en: 'Test: complaint files 15 years' },
        message: { zh: '保存至{retainUntil}', en: 'Keep until {retainUntil}' },
        citation: { source: 'insurance-law-2015', section: 'art. 87', quote: '保管期限' },
        effective: { from: null, to: null },
        severity: 'violation',
        when: { fact: 'recordKind', operator: 'equal', value: 'complaint-file' },
        period: { trigger: 'contractTerminatedAt', years: 15 },
      },
    ],
  };

  it('judges by a caller-supplied rule set', () => {
    const rulebook = createRulebook({ rulesets: [overlay] });
    const s = computeRetention({ id: 'C', kind: 'complaint-file', contractTerminatedAt: '2020-02-29' }, { asOf: at('2021-01-01'), rulebook });
    expect(s.retainUntil).toBe('2035-02-28');
    expect(s.governingRule?.ruleId).toBe('insurance-law-2015.test.complaints-15y');
  });

  it('rejects a retention rule with neither a period nor a condition, or an unknown trigger or fact', () => {
    const bad = (patch: Record<string, unknown>) => ({ ...overlay, rules: [{ ...overlay.rules[0], ...patch }] });
    const { period: _period, ...withoutPeriod } = overlay.rules[0]!;
    const noBody = validateRuleSet({ ...overlay, rules: [withoutPeriod] });
    expect(noBody.valid).toBe(false);
    if (!noBody.valid) expect(noBody.issues[0]!.message).toMatch(/needs a "period", a "require" condition on disposal, or both/);
    expect(validateRuleSet(bad({ period: { trigger: 'signedAt', years: 5 } })).valid).toBe(false);
    expect(validateRuleSet(bad({ period: { trigger: 'transactionAt', years: 0 } })).valid).toBe(false);
    const unknownFact = validateRuleSet(bad({ when: { fact: 'applicantAge', operator: 'equal', value: 1 } }));
    expect(unknownFact.valid).toBe(false);
    if (!unknownFact.valid) expect(unknownFact.issues[0]!.pointer).toBe('/rules/0/when/fact');
    expect(() => createRulebook({ rulesets: [{ ...overlay, rules: [withoutPeriod] }] })).toThrow(RuleSetError);
  });

  it('cannot be exported to json-rules-engine, which has no clock', () => {
    expect(() => toJsonRulesEngineRules(defaultRulebook, 'retention')).toThrow(TypeError);
  });
});
