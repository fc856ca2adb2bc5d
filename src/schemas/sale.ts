import { z } from 'zod';
import { CivilDate, Instant, Money, PolicyTerm } from './common.js';
import { DisclosureItem } from './disclosure-items.js';

/** Sales channels (SPEC §4). `part-time-agent` and `bancassurance` are 兼业代理. */
export const Channel = z.enum([
  'agent',
  'broker',
  'part-time-agent',
  'bancassurance',
  'telephone',
  'internet',
  'direct',
]);
export type Channel = z.infer<typeof Channel>;

export const CivilCapacity = z.enum(['full', 'limited', 'none']);
export type CivilCapacity = z.infer<typeof CivilCapacity>;

/** A level on the five-level scale of suitability-2025 arts. 22 and 29 (1 lowest, 5 highest). */
export const RiskLevel = z.number().int().min(1).max(5);

export const RiskTolerance = z.strictObject({
  /** Assessed risk tolerance, 1 (lowest) to 5. */
  level: RiskLevel,
  /** When the assessment was completed. */
  assessedAt: Instant,
});

/** An applicant or insured. */
export const Party = z.strictObject({
  kind: z.enum(['person', 'organization']),
  /** Date of birth of a person. Ages are computed from it, never supplied. */
  birthDate: CivilDate.optional(),
  civilCapacity: CivilCapacity.optional(),
  riskTolerance: RiskTolerance.optional(),
  annualHouseholdIncome: Money.optional(),
  /** The premium the customer said they can afford per year (or once, for a single premium). */
  premiumBudget: Money.optional(),
  /** A legal representative (法定代理人) consented to the purchase (suitability-2025 art. 19). */
  legalRepresentativeConsent: z.boolean().optional(),
});
export type Party = z.infer<typeof Party>;

/** The insured's relation to the applicant: `child` means the applicant is the insured's parent. */
export const Relation = z.enum(['self', 'spouse', 'child', 'parent', 'employee', 'other']);

export const Insured = Party.extend({
  relationToApplicant: Relation.optional(),
  /** The insured consented to death cover and approved the sum (insurance-law-2015 art. 34). */
  consentToDeathCover: z.boolean().optional(),
});
export type Insured = z.infer<typeof Insured>;

export const ProductLine = z.enum(['life', 'health', 'accident', 'property', 'liability', 'credit']);
export const ProductKind = z.enum([
  'term-life',
  'whole-life',
  'endowment',
  'annuity',
  'participating',
  'universal',
  'unit-linked',
  'variable',
  'critical-illness',
  'medical',
  'long-term-care',
  'disability-income',
  'accident',
  'property-damage',
  'liability',
  'credit',
  'other',
]);

export const Product = z.strictObject({
  code: z.string().min(1).max(100),
  line: ProductLine,
  kind: ProductKind,
  /** Product risk level 1–5 (the higher of the issuer's and seller's ratings, art. 22). */
  riskLevel: RiskLevel.optional(),
  /** Policy term in months, or `whole-life`. */
  termMonths: PolicyTerm.optional(),
  /** The product pays on death. */
  deathBenefit: z.boolean().optional(),
  guaranteedRenewable: z.boolean().optional(),
  /** Group insurance. Default `false`: a product is individual unless stated. */
  group: z.boolean().default(false),
  coolingOffDays: z.number().int().nonnegative().max(3650).optional(),
  /** The insurer classes the product's rights and obligations as simple (权利义务简单, sales-conduct-2023 art. 25). */
  simpleRightsAndObligations: z.boolean().optional(),
});
export type Product = z.infer<typeof Product>;

export const PremiumMode = z.enum(['single', 'annual', 'semiannual', 'quarterly', 'monthly']);
export const Premium = z.strictObject({
  /** Amount per payment, CNY. */
  amount: Money,
  mode: PremiumMode,
  /** Number of years premiums are paid (1 for a single premium). */
  paymentYears: z.number().int().positive().max(100).optional(),
});

export const Salesperson = z.strictObject({
  id: z.string().max(100).optional(),
  /** Holds a sales / agent qualification certificate. */
  licensed: z.boolean().optional(),
  /** Last day the certificate is valid. */
  licenseValidUntil: CivilDate.optional(),
  /** Product codes, kinds or lines the salesperson is authorised to sell. */
  authorizedScope: z.array(z.string().min(1).max(100)).max(500).optional(),
  /** When product-knowledge training for this product was completed. */
  productTrainingAt: Instant.optional(),
});

/** Sales-process steps (SPEC §4; docs/disclosure.md maps each source's step names onto them). */
export const SaleStepName = z.enum([
  'first-contact',
  'needs-assessment',
  'identity-verification',
  'risk-assessment',
  'financial-assessment',
  'product-matching',
  /** 产品介绍 / 产品讲解: the products are introduced and explained. */
  'product-introduction',
  'recommendation',
  'plan-design',
  'risk-warning',
  /** 服务承诺: after-sales service and the claims process are promised (mkt-cs-guide §2.2). */
  'service-commitment',
  'confirmation',
  'signature',
  'payment',
  'policy-issued',
  'receipt-sent',
  'follow-up',
]);
export const SaleStep = z.strictObject({ step: SaleStepName, at: Instant });

/** How an item was disclosed. */
export const DisclosureMethod = z.enum(['written', 'oral', 'electronic', 'recorded', 'webpage']);

/** Who signed or confirmed. `applicant-proxy`: a person the applicant authorised in writing (sales-conduct-2023 art. 29). */
export const Confirmer = z.enum(['applicant', 'applicant-proxy', 'insured', 'salesperson', 'legal-representative', 'other']);

/**
 * The form an acknowledgement took: a handwritten `signature`, a `seal` (盖章),
 * an `electronic` signature or confirmation, a `recording` (e.g. a telephone
 * sale's call recording), or merely `oral` (not preserved).
 */
export const AcknowledgementForm = z.enum(['signature', 'seal', 'electronic', 'recording', 'oral']);

/**
 * One item disclosed (prompted, explained, or put to the customer for
 * confirmation) during the sale. An item disclosed more than once has one
 * record per occasion.
 */
export const Disclosure = z.strictObject({
  /** The item, from the controlled vocabulary (docs/disclosure-items.md). */
  item: DisclosureItem,
  /** When it was disclosed. */
  at: Instant,
  method: DisclosureMethod.optional(),
  /** It was highlighted with text, font, symbols or other marks sufficient to draw the applicant's attention (a conspicuous prompt). */
  conspicuous: z.boolean().optional(),
  /** Its concept, content and legal consequences were expressly explained (明确说明), not merely shown. */
  explained: z.boolean().optional(),
  /** When it was signed for or confirmed; absent when it was not. */
  acknowledgedAt: Instant.optional(),
  /** Who signed or confirmed it. */
  confirmedBy: Confirmer.optional(),
  /** How it was signed for or confirmed. */
  acknowledgementForm: AcknowledgementForm.optional(),
});

/** Pre-signature verifications (biz-process-2025 §1.3, agency-ops §3.1 三查). */
export const VerificationName = z.enum([
  'identity',
  'contact',
  'health-underwriting',
  'income-premium',
  'risk-tolerance',
  'financial-status',
]);
export const Verification = z.strictObject({
  check: VerificationName,
  at: Instant,
  result: z.enum(['passed', 'failed']),
});

/** Written declarations signed during the sale. */
export const DeclarationType = z.enum([
  /** 投保声明 for uncertain-benefit products (suitability-2025 art. 39). */
  'uncertain-benefit',
  /** Written confirmation of an informed, autonomous choice of an unsuitable product (suitability-2025 art. 38). */
  'informed-choice',
  /** Confirmation that the sale continues at the applicant's own will after advice to stop (sales-conduct-2023 art. 28). */
  'continue-despite-advice',
]);
export const Declaration = z.strictObject({
  type: DeclarationType,
  signedAt: Instant,
  signedBy: z.enum(['applicant', 'insured', 'salesperson', 'legal-representative', 'other']),
});

/** Circumstances the seller found that call for advice to stop (sales-conduct-2023 art. 28). */
export const SuitabilityConcern = z.enum([
  'needs-mismatch',
  'insufficient-premium-capacity',
  'duplicate-or-over-insurance',
]);

/** Special-care measures for customers aged 65 and over (suitability-2025 art. 18). */
export const SpecialCareMeasure = z.enum([
  'dedicated-procedure',
  'additional-information',
  'enhanced-warning',
  'more-time',
  'return-visit',
  'age-friendly-online-flow',
]);

/**
 * A sale (SPEC §4). Instants carry offsets; civil dates are `YYYY-MM-DD`;
 * money is CNY. Optional facts may be omitted: a rule that needs one then
 * yields `indeterminate` and names the missing path.
 */
export const Sale = z.strictObject({
  id: z.string().min(1).max(200),
  /** When the application was signed. */
  signedAt: Instant,
  channel: Channel,
  /** The channel, platform or website the sale went through is licensed (mkt-service-2025 §2.1). */
  channelLicensed: z.boolean().optional(),
  applicant: Party,
  insured: Insured,
  product: Product,
  sumInsured: Money.optional(),
  /** Death benefit of this policy counted toward minors' caps; defaults to `sumInsured` when the product pays on death. */
  deathSumInsured: Money.optional(),
  premium: Premium.optional(),
  /** Death cover the minor insured already has with any insurer (minor-death-cap-2015). */
  existingMinorDeathCover: Money.optional(),
  salesperson: Salesperson.optional(),
  steps: z.array(SaleStep).max(200).optional(),
  disclosures: z.array(Disclosure).max(500).optional(),
  recording: z
    .strictObject({
      /** Key steps recorded on site with synchronised audio and video (双录). */
      audioVideo: z.boolean().optional(),
      /** The whole call recorded (telephone sales). */
      audio: z.boolean().optional(),
      /** The applicant consented to the recording. */
      consent: z.boolean().optional(),
    })
    .optional(),
  verification: z.array(Verification).max(100).optional(),
  declarations: z.array(Declaration).max(100).optional(),
  /** The seller's own suitability findings; an empty list means none were found. */
  suitabilityConcerns: z.array(SuitabilityConcern).max(10).optional(),
  /** The seller actively recommended this product (主动推介). */
  recommendedBySeller: z.boolean().optional(),
  /** Special-care measures taken for an older customer. */
  specialCareMeasures: z.array(SpecialCareMeasure).max(20).optional(),
  /** The applicant's earlier application, when the sale relies on it to simplify prompts (sales-conduct-2023 art. 25 para. 2). */
  previousPurchase: z
    .strictObject({
      /** When the earlier application was signed. */
      at: Instant,
      /** It was made with the same insurer. */
      sameInsurer: z.boolean(),
      /** It was for the same product. */
      sameProduct: z.boolean(),
    })
    .optional(),
  /** Consent to simplified prompts (sales-conduct-2023 art. 25 para. 2): when, and who gave it. */
  simplifiedDisclosureConsent: z.strictObject({ at: Instant, by: Confirmer }).optional(),
});
export type Sale = z.infer<typeof Sale>;
