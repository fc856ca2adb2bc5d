/**
 * The facts the eligibility check derives from a sale. Semantics live here
 * (how an age is counted, what "before signature" means); the numbers and
 * lists the sources impose live in `rules/`.
 */
import {
  Channel,
  CivilCapacity,
  type CivilCapacity as CivilCapacityValue,
  DeclarationType,
  PremiumMode,
  ProductKind,
  ProductLine,
  Relation,
  type Sale,
  VerificationName,
} from '../../schemas/sale.js';
import { defineFacts, type FactsOf, termMonthsFact, wholeLifeFact } from '../../engine/facts.js';
import { ageOn, monthPeriodIndex } from '../../time/age.js';
import {
  civilDateNumber,
  compareCivilDates,
  fromDayNumber,
  parseCivilDate,
  parseInstant,
  shanghaiDayNumber,
} from '../../time/civil.js';

/** Catalogue of eligibility facts. */
export const ELIGIBILITY_FACTS = defineFacts({
  caseDate: {
    type: 'integer',
    description: 'The signing date in Asia/Shanghai as the number YYYYMMDD; rules are applied by it.',
    inputs: ['signedAt'],
  },
  channel: { type: 'string', values: Channel.options, description: 'Sales channel.', inputs: ['channel'] },
  channelLicensed: {
    type: 'boolean',
    description: 'The channel, platform or website of the sale is licensed.',
    inputs: ['channelLicensed'],
  },
  applicantKind: {
    type: 'string',
    values: ['person', 'organization'],
    description: 'Whether the applicant is a natural person or an organization.',
    inputs: ['applicant.kind'],
  },
  applicantAge: {
    type: 'integer',
    description: "The applicant's age in full years (周岁) on the signing date in Asia/Shanghai.",
    inputs: ['applicant.birthDate'],
  },
  applicantCivilCapacity: {
    type: 'string',
    values: CivilCapacity.options,
    description:
      "The applicant's civil capacity: for a minor as the civil code fixes it by age (under 8 none; 8–17 limited, none if recorded so, or full from 16 if recorded so; unknown for a minor of 8–17 whose capacity is not recorded), otherwise as recorded.",
    inputs: ['applicant.civilCapacity', 'applicant.birthDate'],
  },
  applicantRiskTolerance: {
    type: 'integer',
    description: "The applicant's assessed risk tolerance, 1–5.",
    inputs: ['applicant.riskTolerance.level'],
  },
  applicantLegalRepresentativeConsent: {
    type: 'boolean',
    description: "The applicant's legal representative consented.",
    inputs: ['applicant.legalRepresentativeConsent'],
  },
  riskAssessedBeforeSale: {
    type: 'boolean',
    description: 'The risk-tolerance assessment was completed at or before signing.',
    inputs: ['applicant.riskTolerance.assessedAt'],
  },
  riskAssessmentAgeMonths: {
    type: 'integer',
    description:
      'Which calendar month after the assessment the signing date falls in (civil-code arts. 201–202): 0 on the assessment day, 12 up to and including the day twelve months on.',
    inputs: ['applicant.riskTolerance.assessedAt'],
  },
  insuredKind: {
    type: 'string',
    values: ['person', 'organization'],
    description: 'Whether the insured is a natural person.',
    inputs: ['insured.kind'],
  },
  insuredAge: {
    type: 'integer',
    description: "The insured's age in full years (周岁) on the signing date in Asia/Shanghai.",
    inputs: ['insured.birthDate'],
  },
  insuredCivilCapacity: {
    type: 'string',
    values: CivilCapacity.options,
    description:
      "The insured's civil capacity: for a minor as the civil code fixes it by age (under 8 none; 8–17 limited, none if recorded so, or full from 16 if recorded so; unknown for a minor of 8–17 whose capacity is not recorded), otherwise as recorded.",
    inputs: ['insured.civilCapacity', 'insured.birthDate'],
  },
  insuredRelation: {
    type: 'string',
    values: Relation.options,
    description: "The insured's relation to the applicant (`child`: the applicant is the insured's parent).",
    inputs: ['insured.relationToApplicant'],
  },
  insuredConsentToDeathCover: {
    type: 'boolean',
    description: 'The insured consented to the death cover and approved the sum.',
    inputs: ['insured.consentToDeathCover'],
  },
  productCode: { type: 'string', description: 'Product code.', inputs: ['product.code'] },
  productLine: { type: 'string', values: ProductLine.options, description: 'Product line.', inputs: ['product.line'] },
  productKind: { type: 'string', values: ProductKind.options, description: 'Product kind.', inputs: ['product.kind'] },
  productRiskLevel: { type: 'integer', description: 'Product risk level, 1–5.', inputs: ['product.riskLevel'] },
  productTermMonths: {
    type: 'integer',
    description: 'Policy term in months; absent for whole-life cover (see productWholeLife).',
    inputs: ['product.termMonths'],
  },
  productWholeLife: { type: 'boolean', description: 'The policy term is whole life.', inputs: ['product.termMonths'] },
  productDeathBenefit: { type: 'boolean', description: 'The product pays on death.', inputs: ['product.deathBenefit'] },
  productGuaranteedRenewable: {
    type: 'boolean',
    description: 'The product is guaranteed renewable.',
    inputs: ['product.guaranteedRenewable'],
  },
  productGroup: { type: 'boolean', description: 'Group insurance.', inputs: ['product.group'] },
  productCoolingOffDays: {
    type: 'integer',
    description: 'Cooling-off period (犹豫期) of the product, days.',
    inputs: ['product.coolingOffDays'],
  },
  sumInsured: { type: 'number', description: 'Sum insured, CNY.', inputs: ['sumInsured'] },
  minorDeathCoverTotal: {
    type: 'number',
    description:
      'Death cover of the insured across insurers including this policy: existingMinorDeathCover + deathSumInsured (or sumInsured), CNY.',
    inputs: ['existingMinorDeathCover', 'product.deathBenefit', 'sumInsured'],
  },
  premiumMode: { type: 'string', values: PremiumMode.options, description: 'Premium payment mode.', inputs: ['premium.mode'] },
  singlePremiumToIncomeRatio: {
    type: 'number',
    description: 'Single premium ÷ annual household income (single-premium sales only).',
    inputs: ['premium.amount', 'applicant.annualHouseholdIncome'],
  },
  annualPremiumToIncomePct: {
    type: 'number',
    description: 'Annualised regular premium as a percentage of annual household income (regular-premium sales only).',
    inputs: ['premium.amount', 'applicant.annualHouseholdIncome'],
  },
  paymentYearsPlusApplicantAge: {
    type: 'integer',
    description: "Premium payment years plus the applicant's age.",
    inputs: ['premium.paymentYears', 'applicant.birthDate'],
  },
  premiumToBudgetPct: {
    type: 'number',
    description: "Premium (single, or annualised regular) as a percentage of the applicant's premium budget.",
    inputs: ['premium.amount', 'applicant.premiumBudget'],
  },
  salespersonLicensed: {
    type: 'boolean',
    description: 'The salesperson holds a qualification certificate.',
    inputs: ['salesperson.licensed'],
  },
  salespersonLicenseValidOnSaleDate: {
    type: 'boolean',
    description: "The salesperson's certificate is held and valid on the signing date.",
    inputs: ['salesperson.licensed', 'salesperson.licenseValidUntil'],
  },
  salespersonAuthorizedScope: {
    type: 'string[]',
    description: 'Product codes, kinds or lines the salesperson is authorised to sell.',
    inputs: ['salesperson.authorizedScope'],
  },
  salespersonTrainedBeforeContact: {
    type: 'boolean',
    description:
      'Product training was completed before the first contact with the customer: the earliest recorded step or the signature. Unknown when no steps are recorded, unless training came after the signature.',
    inputs: ['salesperson.productTrainingAt', 'steps'],
  },
  verifiedBeforeSignature: {
    type: 'string[]',
    values: VerificationName.options,
    description: 'Verifications whose latest result at or before signing is a pass.',
    inputs: ['verification'],
  },
  recordingAudioVideo: {
    type: 'boolean',
    description: 'Key steps were recorded with synchronised audio and video.',
    inputs: ['recording.audioVideo'],
  },
  recordingAudio: { type: 'boolean', description: 'The whole call was recorded.', inputs: ['recording.audio'] },
  recordingConsent: { type: 'boolean', description: 'The applicant consented to recording.', inputs: ['recording.consent'] },
  applicantDeclarationsBySignature: {
    type: 'string[]',
    values: DeclarationType.options,
    description: 'Declarations signed by the applicant at or before signing.',
    inputs: ['declarations'],
  },
  applicantDeclarationsByUnderwriting: {
    type: 'string[]',
    values: DeclarationType.options,
    description:
      'Declarations signed by the applicant before underwriting: by the policy-issued step when recorded, otherwise by signing.',
    inputs: ['declarations'],
  },
  suitabilityConcernCount: {
    type: 'integer',
    description: 'How many advice-to-stop circumstances the seller found.',
    inputs: ['suitabilityConcerns'],
  },
  recommendedBySeller: {
    type: 'boolean',
    description: 'The seller actively recommended the product.',
    inputs: ['recommendedBySeller'],
  },
  specialCareMeasureCount: {
    type: 'integer',
    description: 'How many special-care measures were taken for an older customer.',
    inputs: ['specialCareMeasures'],
  },
});

export type EligibilityFacts = FactsOf<typeof ELIGIBILITY_FACTS>;

const PAYMENTS_PER_YEAR: Readonly<Record<string, number>> = { annual: 1, semiannual: 2, quarterly: 4, monthly: 12 };

/**
 * Civil capacity as the civil code fixes it for minors, whatever the record
 * says (civil-code arts. 17–21): under 8, none; 8 to 17, limited — or full
 * from 16 when the record says so (art. 18: a self-supporting 16- or
 * 17-year-old); none if the record says none (art. 21: a minor of 8 or more
 * who cannot recognise their conduct). A minor of 8 to 17 whose capacity is
 * not recorded may be any of these: unknown, never presumed. From 18 the
 * record decides.
 */
export function civilCapacity(stated: CivilCapacityValue | undefined, age: number | undefined): CivilCapacityValue | undefined {
  if (age === undefined || age >= 18) return stated;
  if (age < 8 || stated === 'none') return 'none';
  if (stated === undefined) return undefined;
  if (age >= 16 && stated === 'full') return 'full';
  return 'limited';
}


/**
 * Derives the eligibility facts from a validated sale. Facts the sale cannot
 * supply are `undefined`.
 */
export function deriveEligibilityFacts(sale: Sale): EligibilityFacts {
  const signedMs = parseInstant(sale.signedAt)!;
  const saleDay = fromDayNumber(shanghaiDayNumber(signedMs));
  const { applicant, insured, product, premium, salesperson } = sale;

  const applicantBirth = applicant.kind === 'person' && applicant.birthDate ? parseCivilDate(applicant.birthDate) : undefined;
  const insuredBirth = insured.kind === 'person' && insured.birthDate ? parseCivilDate(insured.birthDate) : undefined;
  const applicantAge = applicantBirth ? ageOn(applicantBirth, saleDay) : undefined;
  const insuredAge = insuredBirth ? ageOn(insuredBirth, saleDay) : undefined;

  const assessedMs = applicant.riskTolerance ? parseInstant(applicant.riskTolerance.assessedAt)! : undefined;
  const assessedDay = assessedMs === undefined ? undefined : fromDayNumber(shanghaiDayNumber(assessedMs));

  const term = product.termMonths;
  const deathSum = sale.deathSumInsured ?? (product.deathBenefit === true ? sale.sumInsured : undefined);

  const income = applicant.annualHouseholdIncome;
  const mode = premium?.mode;
  const perYear = mode ? PAYMENTS_PER_YEAR[mode] : undefined;
  const annualised = premium && perYear !== undefined ? premium.amount * perYear : undefined;
  const premiumForBudget = mode === 'single' ? premium?.amount : annualised;
  const ratio = (num: number | undefined, den: number | undefined, scale: number): number | undefined =>
    num === undefined || den === undefined ? undefined : den === 0 ? (num > 0 ? Infinity : 0) : (num * scale) / den;

  let licenseValid: boolean | undefined;
  if (salesperson?.licensed === false) licenseValid = false;
  else if (salesperson?.licensed === true && salesperson.licenseValidUntil) {
    licenseValid = compareCivilDates(parseCivilDate(salesperson.licenseValidUntil)!, saleDay) >= 0;
  }

  let trainedBeforeContact: boolean | undefined;
  if (salesperson?.productTrainingAt) {
    // Contact began no later than the earliest recorded step and the signature. Training after that is
    // certainly late; training before it is on time only if the steps were recorded at all.
    const trainedMs = parseInstant(salesperson.productTrainingAt)!;
    let firstContact = signedMs;
    for (const s of sale.steps ?? []) firstContact = Math.min(firstContact, parseInstant(s.at)!);
    if (trainedMs > firstContact) trainedBeforeContact = false;
    else if (sale.steps !== undefined && sale.steps.length > 0) trainedBeforeContact = true;
  }

  let verified: string[] | undefined;
  if (sale.verification) {
    // Each verification counts by its latest result at or before signing: a later failure undoes a pass.
    const latest = new Map<string, { at: number; passed: boolean }>();
    for (const v of sale.verification) {
      const at = parseInstant(v.at)!;
      if (at > signedMs) continue;
      const prev = latest.get(v.check);
      if (!prev || at > prev.at || (at === prev.at && v.result === 'failed')) latest.set(v.check, { at, passed: v.result === 'passed' });
    }
    verified = [];
    for (const [check, r] of latest) if (r.passed) verified.push(check);
  }

  let bySignature: string[] | undefined;
  let byUnderwriting: string[] | undefined;
  if (sale.declarations) {
    const issued = sale.steps?.find((s) => s.step === 'policy-issued');
    const underwritingMs = issued ? parseInstant(issued.at)! : signedMs;
    bySignature = [];
    byUnderwriting = [];
    for (const d of sale.declarations) {
      if (d.signedBy !== 'applicant') continue;
      const at = parseInstant(d.signedAt)!;
      if (at <= signedMs && !bySignature.includes(d.type)) bySignature.push(d.type);
      if (at <= underwritingMs && !byUnderwriting.includes(d.type)) byUnderwriting.push(d.type);
    }
  }

  return {
    caseDate: civilDateNumber(saleDay),
    channel: sale.channel,
    channelLicensed: sale.channelLicensed,
    applicantKind: applicant.kind,
    applicantAge,
    applicantCivilCapacity: civilCapacity(applicant.civilCapacity, applicantAge),
    applicantRiskTolerance: applicant.riskTolerance?.level,
    applicantLegalRepresentativeConsent: applicant.legalRepresentativeConsent,
    riskAssessedBeforeSale: assessedMs === undefined ? undefined : assessedMs <= signedMs,
    riskAssessmentAgeMonths: assessedDay === undefined ? undefined : monthPeriodIndex(assessedDay, saleDay),
    insuredKind: insured.kind,
    insuredAge,
    insuredCivilCapacity: civilCapacity(insured.civilCapacity, insuredAge),
    insuredRelation: insured.relationToApplicant,
    insuredConsentToDeathCover: insured.consentToDeathCover,
    productCode: product.code,
    productLine: product.line,
    productKind: product.kind,
    productRiskLevel: product.riskLevel,
    productTermMonths: termMonthsFact(term),
    productWholeLife: wholeLifeFact(term),
    productDeathBenefit: product.deathBenefit,
    productGuaranteedRenewable: product.guaranteedRenewable,
    productGroup: product.group,
    productCoolingOffDays: product.coolingOffDays,
    sumInsured: sale.sumInsured,
    minorDeathCoverTotal:
      deathSum === undefined || sale.existingMinorDeathCover === undefined ? undefined : sale.existingMinorDeathCover + deathSum,
    premiumMode: mode,
    singlePremiumToIncomeRatio: mode === 'single' ? ratio(premium?.amount, income, 1) : undefined,
    annualPremiumToIncomePct: mode !== undefined && mode !== 'single' ? ratio(annualised, income, 100) : undefined,
    paymentYearsPlusApplicantAge:
      premium?.paymentYears === undefined || applicantAge === undefined ? undefined : premium.paymentYears + applicantAge,
    premiumToBudgetPct: ratio(premiumForBudget, applicant.premiumBudget, 100),
    salespersonLicensed: salesperson?.licensed,
    salespersonLicenseValidOnSaleDate: licenseValid,
    salespersonAuthorizedScope: salesperson?.authorizedScope,
    salespersonTrainedBeforeContact: trainedBeforeContact,
    verifiedBeforeSignature: verified,
    recordingAudioVideo: sale.recording?.audioVideo,
    recordingAudio: sale.recording?.audio,
    recordingConsent: sale.recording?.consent,
    applicantDeclarationsBySignature: bySignature,
    applicantDeclarationsByUnderwriting: byUnderwriting,
    suitabilityConcernCount: sale.suitabilityConcerns?.length,
    recommendedBySeller: sale.recommendedBySeller,
    specialCareMeasureCount: sale.specialCareMeasures?.length,
  };
}
