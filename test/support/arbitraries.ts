/**
 * fast-check generators of sales across the whole input space the
 * eligibility rules look at: every channel, ages 0–90 on either side of the
 * thresholds, all product kinds and lines, risk levels, caps, minors, optional
 * facts present or absent.
 */
import fc from 'fast-check';
import { DISCLOSURE_ITEM_IDS, type SaleInput } from '../../src/index.js';

const pad = (n: number) => String(n).padStart(2, '0');
const dateArb = (minYear: number, maxYear: number) =>
  fc
    .date({ min: new Date(Date.UTC(minYear, 0, 1)), max: new Date(Date.UTC(maxYear, 11, 31)), noInvalidDate: true })
    .map((d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
const offsetArb = fc.constantFrom('+08:00', 'Z', '-05:00', '+09:30');
const instantArb = (minYear: number, maxYear: number) =>
  fc
    .tuple(dateArb(minYear, maxYear), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), offsetArb)
    .map(([d, h, m, o]) => `${d}T${pad(h)}:${pad(m)}:00${o}`);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
const money = fc.oneof(
  fc.constantFrom(0, 200_000, 200_001, 500_000, 500_001, 1_000_000, 1_000_001),
  fc.integer({ min: 0, max: 3_000_000 }),
);

const partyArb = (birth: fc.Arbitrary<string>) =>
  fc.record(
    {
      kind: fc.constantFrom('person', 'person', 'person', 'organization') as fc.Arbitrary<'person' | 'organization'>,
      birthDate: maybe(birth),
      civilCapacity: maybe(fc.constantFrom('full', 'limited', 'none') as fc.Arbitrary<'full' | 'limited' | 'none'>),
      riskTolerance: maybe(fc.record({ level: fc.integer({ min: 1, max: 5 }), assessedAt: instantArb(2023, 2027) })),
      annualHouseholdIncome: maybe(fc.oneof(fc.constant(0), fc.integer({ min: 10_000, max: 2_000_000 }))),
      premiumBudget: maybe(fc.integer({ min: 1_000, max: 500_000 })),
      legalRepresentativeConsent: maybe(fc.boolean()),
    },
    { requiredKeys: ['kind'] },
  );

/** Random sales signed 2024–2027 (before and after suitability-2025 takes effect). */
export const saleArb: fc.Arbitrary<SaleInput> = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 8 }),
      signedAt: instantArb(2024, 2027),
      channel: fc.constantFrom('agent', 'broker', 'part-time-agent', 'bancassurance', 'telephone', 'internet', 'direct'),
      channelLicensed: maybe(fc.boolean()),
      applicant: partyArb(fc.oneof(dateArb(1936, 2026), dateArb(1956, 1968), dateArb(2006, 2010))),
      insured: fc.tuple(partyArb(fc.oneof(dateArb(1936, 2026), dateArb(2008, 2026))), maybe(fc.constantFrom('self', 'spouse', 'child', 'child', 'parent', 'employee', 'other')), maybe(fc.boolean())).map(
        ([p, relationToApplicant, consentToDeathCover]) => ({ ...p, relationToApplicant, consentToDeathCover }),
      ),
      product: fc.record(
        {
          code: fc.constantFrom('P-1', 'P-2', 'UL-9'),
          line: fc.constantFrom('life', 'health', 'accident', 'property', 'liability', 'credit'),
          kind: fc.constantFrom('term-life', 'whole-life', 'endowment', 'annuity', 'participating', 'universal', 'unit-linked', 'variable', 'critical-illness', 'medical', 'long-term-care', 'accident', 'property-damage'),
          riskLevel: maybe(fc.integer({ min: 1, max: 5 })),
          termMonths: maybe(fc.oneof(fc.constantFrom(12, 13, 240) as fc.Arbitrary<number | 'whole-life'>, fc.integer({ min: 1, max: 600 }), fc.constant('whole-life' as const))),
          deathBenefit: maybe(fc.boolean()),
          guaranteedRenewable: maybe(fc.boolean()),
          group: maybe(fc.boolean()),
          coolingOffDays: maybe(fc.integer({ min: 0, max: 30 })),
          simpleRightsAndObligations: maybe(fc.boolean()),
        },
        { requiredKeys: ['code', 'line', 'kind'] },
      ),
      sumInsured: maybe(money),
      deathSumInsured: maybe(money),
      premium: maybe(
        fc.record({
          amount: fc.integer({ min: 100, max: 2_000_000 }),
          mode: fc.constantFrom('single', 'annual', 'semiannual', 'quarterly', 'monthly'),
          paymentYears: maybe(fc.integer({ min: 1, max: 30 })),
        }),
      ),
      existingMinorDeathCover: maybe(money),
      salesperson: maybe(
        fc.record({
          licensed: maybe(fc.boolean()),
          licenseValidUntil: maybe(dateArb(2023, 2028)),
          authorizedScope: maybe(fc.subarray(['P-1', 'UL-9', 'life', 'health', 'term-life', 'unit-linked', 'property'])),
          productTrainingAt: maybe(instantArb(2023, 2027)),
        }),
      ),
      steps: maybe(fc.array(fc.record({ step: fc.constantFrom('needs-assessment', 'recommendation', 'risk-warning', 'signature', 'policy-issued', 'product-introduction', 'service-commitment'), at: instantArb(2023, 2027) }), { maxLength: 4 })),
      disclosures: maybe(
        fc.array(
          fc.record(
            {
              item: fc.constantFrom(...DISCLOSURE_ITEM_IDS),
              at: instantArb(2023, 2027),
              method: maybe(fc.constantFrom('written', 'oral', 'electronic', 'recorded', 'webpage')),
              conspicuous: maybe(fc.boolean()),
              explained: maybe(fc.boolean()),
              acknowledgedAt: maybe(instantArb(2023, 2027)),
              confirmedBy: maybe(fc.constantFrom('applicant', 'applicant-proxy', 'salesperson', 'insured')),
              acknowledgementForm: maybe(fc.constantFrom('signature', 'seal', 'electronic', 'recording', 'oral')),
            },
            { requiredKeys: ['item', 'at'] },
          ),
          { maxLength: 6 },
        ),
      ),
      previousPurchase: maybe(fc.record({ at: instantArb(2023, 2024), sameInsurer: fc.boolean(), sameProduct: fc.boolean() })),
      simplifiedDisclosureConsent: maybe(fc.record({ at: instantArb(2023, 2027), by: fc.constantFrom('applicant', 'salesperson') })),
      recording: maybe(fc.record({ audioVideo: maybe(fc.boolean()), audio: maybe(fc.boolean()), consent: maybe(fc.boolean()) })),
      verification: maybe(
        fc.oneof(
          // every check passed before a 2024 signing would be possible
          fc.constant(['identity', 'contact', 'health-underwriting', 'income-premium', 'risk-tolerance', 'financial-status'].map((check) => ({ check: check as 'identity', at: '2023-06-01T10:00:00+08:00', result: 'passed' as const }))),
          fc.array(
            fc.record({
              check: fc.constantFrom('identity', 'contact', 'health-underwriting', 'income-premium', 'risk-tolerance', 'financial-status'),
              at: instantArb(2023, 2027),
              result: fc.constantFrom('passed', 'passed', 'failed'),
            }),
            { maxLength: 7 },
          ),
        ),
      ),
      declarations: maybe(
        fc.array(
          fc.record({
            type: fc.constantFrom('uncertain-benefit', 'informed-choice', 'continue-despite-advice'),
            signedAt: instantArb(2023, 2027),
            signedBy: fc.constantFrom('applicant', 'applicant', 'salesperson'),
          }),
          { maxLength: 3 },
        ),
      ),
      suitabilityConcerns: maybe(fc.subarray(['needs-mismatch', 'insufficient-premium-capacity', 'duplicate-or-over-insurance'])),
      recommendedBySeller: maybe(fc.boolean()),
      specialCareMeasures: maybe(fc.subarray(['dedicated-procedure', 'more-time', 'return-visit'])),
    },
    { requiredKeys: ['id', 'signedAt', 'channel', 'applicant', 'insured', 'product'] },
  )
  .map((sale) => {
    // Births after signing are rejected as malformed input; keep generated births on or before the signing year.
    const signedYear = Number(sale.signedAt.slice(0, 4)) - 1;
    const clamp = (b: string | undefined) => (b && Number(b.slice(0, 4)) > signedYear ? `${signedYear}${b.slice(4)}`.replace(/-02-29$/, '-02-28') : b);
    return JSON.parse(
      JSON.stringify({
        ...sale,
        applicant: { ...sale.applicant, birthDate: clamp(sale.applicant.birthDate) },
        insured: { ...sale.insured, birthDate: clamp(sale.insured.birthDate) },
      }),
    ) as SaleInput;
  });

/**
 * Random sales that the disclosure check also accepts: an acknowledgement is
 * never dated before the disclosure it acknowledges (moved to the disclosure's
 * own instant), and an earlier application is never dated after this sale
 * (dropped) — both malformed input for the disclosure check.
 */
export const disclosureSaleArb: fc.Arbitrary<SaleInput> = saleArb.map((sale) => {
  const t = (s: string) => Date.parse(s);
  const fixed: SaleInput = {
    ...sale,
    ...(sale.disclosures
      ? { disclosures: sale.disclosures.map((d) => (d.acknowledgedAt !== undefined && t(d.acknowledgedAt) < t(d.at) ? { ...d, acknowledgedAt: d.at } : d)) }
      : {}),
  };
  if (fixed.previousPurchase && t(fixed.previousPurchase.at) > t(fixed.signedAt)) delete fixed.previousPurchase;
  return fixed;
});
