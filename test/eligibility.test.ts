/**
 * The eligibility check on cases the fixtures do not spell out, each judged
 * from the source text: who may buy, what a sale triggers, when rules apply.
 */
import { describe, expect, it } from 'vitest';
import { InputError, checkSalesEligibility, createRulebook, type CheckResult, type SaleInput } from '../src/index.js';
import { compliantSale } from './support/sales.js';

const failed = (r: CheckResult) => [...r.findings, ...r.obligations].filter((f) => f.verdict === 'fail').map((f) => f.ruleId).sort();
const finding = (r: CheckResult, id: string) => [...r.findings, ...r.obligations].find((f) => f.ruleId === id);

describe('checkSalesEligibility', () => {
  it('passes a complete, compliant sale and echoes asOf and the rulebook', () => {
    const r = checkSalesEligibility(compliantSale());
    expect(failed(r)).toEqual([]);
    expect(r.verdict).toBe('pass');
    expect(r.asOf).toBe('2026-03-02T10:00:00+08:00');
    expect(r.rulebook.id).toBe('default');
    expect(r.rulebook.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkSalesEligibility(compliantSale(), { asOf: '2026-04-01T00:00:00Z' }).asOf).toBe('2026-04-01T00:00:00Z');
  });

  it('refuses a 17-year-old applicant under the manual and, from 2026-02-01, limits them to low-risk products', () => {
    const sale = compliantSale({
      applicant: { ...compliantSale().applicant, birthDate: '2008-06-01', civilCapacity: 'limited', legalRepresentativeConsent: true },
      insured: { kind: 'person', birthDate: '2008-06-01', civilCapacity: 'limited', relationToApplicant: 'self' },
    });
    const r = checkSalesEligibility(sale);
    expect(r.verdict).toBe('fail');
    expect(failed(r)).toEqual(['mkt-service-2025.minor-applicant', 'suitability-2025.art19.limited-capacity']);
    const minor = finding(r, 'mkt-service-2025.minor-applicant')!;
    expect(minor.facts).toMatchObject({ applicantAge: 17 });
    expect(minor.citation).toMatchObject({ source: 'mkt-service-2025', section: '2.1' });
    expect(minor.message.en).toContain('17');
  });

  it('counts the age on the signing date in Asia/Shanghai, even for a UTC instant', () => {
    const turns18 = compliantSale({ applicant: { ...compliantSale().applicant, birthDate: '2008-03-02' } });
    // 2026-03-01T16:30Z is 2026-03-02 00:30 in Shanghai: the 18th birthday.
    expect(finding(checkSalesEligibility({ ...turns18, signedAt: '2026-03-01T16:30:00Z' }), 'mkt-service-2025.minor-applicant')!.verdict).toBe('pass');
    expect(finding(checkSalesEligibility({ ...turns18, signedAt: '2026-03-01T15:30:00Z' }), 'mkt-service-2025.minor-applicant')!.verdict).toBe('fail');
  });

  it('requires audio-video recording for an applicant of 60 or more on the agent channel', () => {
    const elderly = compliantSale({
      applicant: { ...compliantSale().applicant, birthDate: '1964-05-01' },
      insured: { ...compliantSale().insured, birthDate: '1964-05-01' },
      recording: { audioVideo: false, consent: false },
    });
    const r = checkSalesEligibility(elderly);
    expect(r.verdict).toBe('fail');
    expect(failed(r)).toEqual(['recording-2017.dual-recording.elderly']);
    expect(r.obligations.map((o) => o.ruleId)).toEqual(['recording-2017.dual-recording.elderly']);
    expect(finding(r, 'recording-2017.dual-recording.elderly')!.severity).toBe('obligation');
    // A 59-year-old triggers nothing.
    const younger = checkSalesEligibility({ ...elderly, applicant: { ...elderly.applicant, birthDate: '1966-05-01' } });
    expect(younger.obligations).toEqual([]);
    expect(younger.verdict).toBe('pass');
  });

  it('requires recording of long-term life cover sold through a bank', () => {
    const bank = compliantSale({ channel: 'bancassurance', recording: { audioVideo: false, consent: true } });
    const r = checkSalesEligibility(bank);
    expect(r.obligations.map((o) => o.ruleId)).toEqual(['recording-2017.dual-recording.part-time-agent']);
    expect(failed(r)).toEqual(['recording-2017.dual-recording.part-time-agent']);
    expect(checkSalesEligibility({ ...bank, recording: { audioVideo: true, consent: true } }).verdict).toBe('pass');
    // One-year cover through the bank is not caught by art. 6(1).
    const oneYear = { ...bank, product: { ...bank.product, termMonths: 12 } };
    expect(checkSalesEligibility(oneYear).obligations).toEqual([]);
  });

  it("caps a child's aggregate death cover across insurers", () => {
    const child = compliantSale({
      insured: { kind: 'person', birthDate: '2019-04-01', civilCapacity: 'none', relationToApplicant: 'child' },
      sumInsured: 150_000,
      existingMinorDeathCover: 60_000,
    });
    const r = checkSalesEligibility(child);
    expect(failed(r)).toEqual(['minor-death-cap-2015.under-10']);
    expect(finding(r, 'minor-death-cap-2015.under-10')!.facts).toMatchObject({ minorDeathCoverTotal: 210_000, insuredAge: 6 });
    // The parents' exception keeps insurance-law art. 33 satisfied for a child without capacity.
    expect(finding(r, 'insurance-law-2015.art33.incapacitated-death-cover')!.verdict).toBe('pass');
    expect(checkSalesEligibility({ ...child, existingMinorDeathCover: 50_000 }).verdict).toBe('pass');
  });

  it('forbids death cover on an adult without capacity bought by someone else, and needs consent', () => {
    const r = checkSalesEligibility(
      compliantSale({ insured: { kind: 'person', birthDate: '1960-01-01', civilCapacity: 'none', relationToApplicant: 'parent', consentToDeathCover: false } }),
    );
    expect(failed(r)).toEqual(['insurance-law-2015.art33.incapacitated-death-cover', 'insurance-law-2015.art34.insured-consent']);
  });

  it("does not presume the capacity of a minor of 8 or more when the record is silent (civil-code art. 21)", () => {
    // A 17-year-old recorded as without capacity, insured for death by someone who is not a parent: art. 33 forbids it.
    const insured = { kind: 'person' as const, birthDate: '2008-06-01', civilCapacity: 'none' as const, relationToApplicant: 'other' as const, consentToDeathCover: true };
    const recorded = checkSalesEligibility(compliantSale({ insured, existingMinorDeathCover: 0, sumInsured: 100_000 }));
    expect(failed(recorded)).toEqual(['insurance-law-2015.art33.incapacitated-death-cover']);
    // With the capacity left out it may still be none: never a pass, and the record field is named.
    const { civilCapacity: _c, ...silent } = insured;
    const unknown = checkSalesEligibility(compliantSale({ insured: silent, existingMinorDeathCover: 0, sumInsured: 100_000 }));
    expect(unknown.verdict).toBe('indeterminate');
    expect(finding(unknown, 'insurance-law-2015.art33.incapacitated-death-cover')).toMatchObject({ verdict: 'indeterminate', missing: ['insured.civilCapacity'] });
  });

  it('applies suitability-2025 only to sales signed from 2026-02-01', () => {
    const unsuitable = compliantSale({
      product: { ...compliantSale().product, riskLevel: 4 },
      recommendedBySeller: false,
      applicant: { ...compliantSale().applicant, riskTolerance: { level: 3, assessedAt: '2026-01-15T09:00:00+08:00' } },
    });
    const before = checkSalesEligibility({ ...unsuitable, signedAt: '2026-01-31T23:59:00+08:00' });
    const after = checkSalesEligibility({ ...unsuitable, signedAt: '2026-02-01T00:00:00+08:00' });
    const suitability = (r: CheckResult) => failed(r).filter((id) => id.startsWith('suitability-2025'));
    expect(suitability(before)).toEqual([]);
    expect([...before.findings, ...before.obligations].some((f) => f.ruleId.startsWith('suitability-2025'))).toBe(false);
    expect(suitability(after)).toEqual(['suitability-2025.art12.risk-level', 'suitability-2025.art38.informed-choice']);
    // The manual's own risk-matching rules apply on both dates.
    expect(failed(before)).toContain('mkt-service-2025.risk-match.three-nos');
  });

  it('triggers the art. 39 declaration for a participating product paid over 4x household income', () => {
    const sale = compliantSale({
      product: { ...compliantSale().product, kind: 'participating', riskLevel: 2 },
      premium: { amount: 1_300_000, mode: 'single', paymentYears: 1 },
      applicant: { ...compliantSale().applicant, annualHouseholdIncome: 300_000, premiumBudget: 2_000_000 },
    });
    expect(failed(checkSalesEligibility(sale))).toEqual(['suitability-2025.art39.single-premium']);
    const declared = { ...sale, declarations: [{ type: 'uncertain-benefit' as const, signedAt: '2026-03-02T09:00:00+08:00', signedBy: 'applicant' as const }] };
    expect(checkSalesEligibility(declared).verdict).toBe('pass');
    // A declaration signed by the salesperson does not count.
    const bySalesperson = { ...declared, declarations: [{ ...declared.declarations[0]!, signedBy: 'salesperson' as const }] };
    expect(failed(checkSalesEligibility(bySalesperson))).toEqual(['suitability-2025.art39.single-premium']);
  });

  it('is indeterminate, naming the missing input, when a needed fact is absent', () => {
    const sale = compliantSale({ product: { ...compliantSale().product, riskLevel: undefined } });
    const r = checkSalesEligibility(JSON.parse(JSON.stringify(sale)));
    expect(r.verdict).toBe('indeterminate');
    const f = finding(r, 'mkt-service-2025.risk-match.three-nos')!;
    expect(f.verdict).toBe('indeterminate');
    expect(f.missing).toEqual(['product.riskLevel']);
  });

  it('never lets a missing fact turn into a pass', () => {
    const r = checkSalesEligibility(compliantSale({ verification: undefined }));
    expect(finding(r, 'biz-process-2025.pre-signature-verification')!.verdict).toBe('indeterminate');
    expect(finding(r, 'biz-process-2025.pre-signature-verification')!.missing).toEqual(['verification']);
  });

  it('judges by a restricted rulebook', () => {
    const rulebook = createRulebook({ rulesets: ['insurance-law-2015'] });
    const r = checkSalesEligibility(compliantSale(), { rulebook });
    expect(r.findings.map((f) => f.ruleId)).toEqual([]);
    expect(r.verdict).toBe('not-applicable');
    expect(r.rulebook.hash).not.toBe(checkSalesEligibility(compliantSale()).rulebook.hash);
  });
});

describe('malformed sales', () => {
  const rejects = (sale: unknown, path: string) => {
    try {
      checkSalesEligibility(sale as SaleInput);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues.map((i) => i.path)).toContain(path);
      return (e as InputError).issues.find((i) => i.path === path)!.message;
    }
    throw new Error(`expected an InputError at ${path}`);
  };

  it('rejects a naive date-time', () => {
    expect(rejects({ ...compliantSale(), signedAt: '2026-03-02T10:00:00' }, 'signedAt')).toMatch(/offset/);
  });
  it('rejects a __proto__ key before anything reads it', () => {
    const sale = JSON.parse(JSON.stringify(compliantSale()).replace('"kind":"person"', '"__proto__":{"polluted":true},"kind":"person"'));
    rejects(sale, 'applicant.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('rejects impossible dates, negative money, unknown channels and births after signing', () => {
    rejects({ ...compliantSale(), applicant: { ...compliantSale().applicant, birthDate: '1990-02-30' } }, 'applicant.birthDate');
    rejects({ ...compliantSale(), sumInsured: -1 }, 'sumInsured');
    rejects({ ...compliantSale(), channel: 'pigeon' }, 'channel');
    rejects({ ...compliantSale(), insured: { ...compliantSale().insured, birthDate: '2026-03-03' } }, 'insured.birthDate');
    rejects({ ...compliantSale(), typo: 1 }, '(root)');
  });
  it('rejects a bad asOf option', () => {
    expect(() => checkSalesEligibility(compliantSale(), { asOf: '2026-03-02' })).toThrow(InputError);
  });
});
