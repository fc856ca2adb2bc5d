import type { SaleInput } from '../../src/index.js';

/**
 * A sale that satisfies every shipped eligibility rule: a 40-year-old buys
 * 20-year term life for herself through a licensed agent in March 2026, after
 * every verification, with a current risk assessment and a recorded sale.
 */
export function compliantSale(overrides: Partial<SaleInput> = {}): SaleInput {
  const base: SaleInput = {
    id: 'S-OK',
    signedAt: '2026-03-02T10:00:00+08:00',
    channel: 'agent',
    channelLicensed: true,
    applicant: {
      kind: 'person',
      birthDate: '1986-01-15',
      civilCapacity: 'full',
      riskTolerance: { level: 3, assessedAt: '2026-02-20T09:00:00+08:00' },
      annualHouseholdIncome: 300_000,
      premiumBudget: 10_000,
    },
    insured: { kind: 'person', birthDate: '1986-01-15', civilCapacity: 'full', relationToApplicant: 'self' },
    product: { code: 'TL-20', line: 'life', kind: 'term-life', riskLevel: 2, termMonths: 240, deathBenefit: true, coolingOffDays: 15 },
    sumInsured: 500_000,
    premium: { amount: 3_000, mode: 'annual', paymentYears: 20 },
    salesperson: { licensed: true, licenseValidUntil: '2027-12-31', authorizedScope: ['life'], productTrainingAt: '2026-01-10T09:00:00+08:00' },
    steps: [
      { step: 'needs-assessment', at: '2026-02-20T09:00:00+08:00' },
      { step: 'recommendation', at: '2026-02-25T10:00:00+08:00' },
      { step: 'signature', at: '2026-03-02T10:00:00+08:00' },
    ],
    recording: { audioVideo: true, consent: true, audio: false },
    verification: ['identity', 'contact', 'health-underwriting', 'income-premium', 'risk-tolerance', 'financial-status'].map((check) => ({
      check: check as 'identity',
      at: '2026-02-28T10:00:00+08:00',
      result: 'passed' as const,
    })),
    declarations: [],
    suitabilityConcerns: [],
    recommendedBySeller: true,
    specialCareMeasures: [],
  };
  return { ...base, ...overrides };
}
