import { z } from 'zod';
import { OPERATORS, type Condition as ConditionType } from '../engine/conditions.js';
import { Bilingual, CheckName, CivilDate, SourceId } from './common.js';
import { Clock } from './clock.js';
import { DisclosureItem } from './disclosure-items.js';
import { AcknowledgementForm, Confirmer, SaleStepName, VerificationName } from './sale.js';

const Scalar = z.union([z.string().max(200), z.number().finite(), z.boolean()]);
const JsonPathText = z.string().regex(/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/).max(200);
const FactName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/).max(80);

const LeafCondition = z.strictObject({
  fact: FactName,
  operator: z.enum(OPERATORS),
  value: z.union([Scalar, z.array(Scalar).max(200), z.strictObject({ fact: FactName, path: JsonPathText.optional() })]),
  path: JsonPathText.optional(),
});

/**
 * A json-rules-engine condition tree: `{ all: [...] }`, `{ any: [...] }`,
 * `{ not: ... }` or a leaf `{ fact, operator, value, path? }` whose `value` may
 * be `{ fact }`.
 */
export const Condition: z.ZodType<ConditionType> = z.lazy(() =>
  z.union([
    LeafCondition,
    z.strictObject({ all: z.array(Condition).min(1).max(64) }),
    z.strictObject({ any: z.array(Condition).min(1).max(64) }),
    z.strictObject({ not: Condition }),
  ]),
).meta({ id: 'Condition', description: 'json-rules-engine condition: all / any / not, or a fact leaf' });

/**
 * Where a rule comes from. `section` is the manual's own number for a manual
 * (`"2.1"`, `"3.1.2"`, `"2.2(2)"`) and `"art. N"` or `"art. N(k)"` for a statute,
 * regulation or notice. `quote` is the exact original text; `……` joins
 * non-adjacent fragments of the same section.
 */
export const Citation = z.strictObject({
  source: SourceId,
  section: z.string().regex(/^(art\. \d+(\(\d+\))?|\d+(\.\d+)*(\(\d+\))?)$/, 'must be "art. N", "art. N(k)" or a manual section such as "2.1"'),
  quote: z.string().min(2).max(4000),
});
export type Citation = z.infer<typeof Citation>;

/** When a rule is in force: civil dates, inclusive; `null` for open-ended. */
export const Effective = z
  .strictObject({ from: CivilDate.nullable(), to: CivilDate.nullable() })
  .refine((e) => e.from === null || e.to === null || e.from <= e.to, {
    message: '"from" must not be after "to"',
  });
export type Effective = z.infer<typeof Effective>;

/**
 * `violation`: a prohibition or requirement; failing it fails the case.
 * `obligation`: a duty the case triggers (listed in `obligations`); failing it fails the case.
 * `warning`: advice; reported but never changes the verdict.
 */
export const Severity = z.enum(['violation', 'obligation', 'warning']);
export type Severity = z.infer<typeof Severity>;

const RuleId = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/, 'must be dotted lowercase words, e.g. recording-2017.dual-recording.elderly');

/** Fields every rule has, whatever its check; check-specific rule schemas spread it. */
export const ruleBase = {
  id: RuleId,
  title: Bilingual,
  /** Shown in every finding; `{factName}` placeholders interpolate fact values. */
  message: Bilingual,
  citation: Citation,
  effective: Effective,
  severity: Severity,
  /** When the rule applies; absent: to every case of its check. */
  when: Condition.optional(),
  /** How the source was read: ambiguity, protective reading, parameters chosen. */
  note: z.string().max(4000).optional(),
};

/** An eligibility rule: where `when` holds, `require` must hold too. */
export const EligibilityRule = z.strictObject({
  ...ruleBase,
  check: z.literal('eligibility'),
  require: Condition,
});
export type EligibilityRule = z.infer<typeof EligibilityRule>;

/**
 * What starts a retention period: the record's contract terminating, the
 * business relationship ending, the transaction ending, or the last dispute
 * about the record ending.
 */
export const RetentionTrigger = z.enum(['contractTerminatedAt', 'relationshipEndedAt', 'transactionAt', 'disputeResolvedAt']);
export type RetentionTrigger = z.infer<typeof RetentionTrigger>;

/**
 * A retention rule: where `when` holds, the record must be kept for `period`
 * (counted per civil-code arts. 201–202 from the day after the trigger) and
 * may be destroyed only when `require` (conditions on disposal, e.g. an
 * appraisal) holds too. A rule has a period, disposal conditions, or both.
 */
export const RetentionRule = z
  .strictObject({
    ...ruleBase,
    check: z.literal('retention'),
    /** Keep the record at least `years` whole years after `trigger`. */
    period: z
      .strictObject({
        trigger: RetentionTrigger,
        years: z.number().int().min(1).max(100),
      })
      .optional(),
    /** What must hold on the day of disposal (`asOf`) for the record to be destroyed. */
    require: Condition.optional(),
  })
  .refine((r) => r.period !== undefined || r.require !== undefined, {
    message: 'a retention rule needs a "period", a "require" condition on disposal, or both',
  });
export type RetentionRule = z.infer<typeof RetentionRule>;

/**
 * A deadline rule: where `when` holds, the duty its `clock` times must be met
 * on time. A clock whose start has not happened is not running and the rule
 * does not apply yet.
 */
export const DeadlineRule = z.strictObject({
  ...ruleBase,
  check: z.literal('deadline'),
  clock: Clock,
});
export type DeadlineRule = z.infer<typeof DeadlineRule>;

/**
 * By when a disclosure item must have been given. Both name the moment the
 * applicant signs the application (the earlier of `signedAt` and the first
 * `signature` step); they record the source's own wording: `application` for
 * 投保前 (before applying), `signature` for 订立合同时 / 签订前 / 购买前.
 */
export const DisclosureDeadline = z.enum(['application', 'signature']);

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .min(1)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, { message: 'lists an entry twice' });

/**
 * Items that must be disclosed by the deadline, and how. Every listed item
 * needs a disclosure record at or before the deadline; `conspicuous` /
 * `explained` demand a record so flagged; `acknowledgement` demands that the
 * item was signed for or confirmed, by the deadline, by one of `by`, in one of
 * `forms` (any form when absent). Where `simplifyWhen` holds, the items may be
 * simplified (sales-conduct-2023 art. 25 para. 2) and are not demanded one by one.
 */
export const DisclosureRequirement = z.strictObject({
  items: uniqueList(DisclosureItem, 100),
  deadline: DisclosureDeadline,
  conspicuous: z.literal(true).optional(),
  explained: z.literal(true).optional(),
  acknowledgement: z
    .strictObject({
      by: uniqueList(Confirmer, 10),
      forms: uniqueList(AcknowledgementForm, 10).optional(),
    })
    .optional(),
  simplifyWhen: Condition.optional(),
});
export type DisclosureRequirement = z.infer<typeof DisclosureRequirement>;

/** What an order stage may name: a sale step, or a pre-signature verification as `verification:<check>`. */
export const ORDER_EVENTS: readonly [string, ...string[]] = [
  ...SaleStepName.options,
  ...VerificationName.options.map((v) => `verification:${v}`),
] as [string, ...string[]];
export const OrderEvent = z.enum(ORDER_EVENTS);

/**
 * Steps that must happen in this order. Each stage lists events that may
 * happen in any order among themselves but all at or after the previous
 * stage's (docs/disclosure.md, "What in order means"). `ifMissing` says what an
 * event that never happened means: `fail` (the source demands the step),
 * `indeterminate` (the source describes it without demanding it), `skip`
 * (the step may follow the moment the sale is judged, e.g. after-sales steps;
 * its order is checked only when it is recorded).
 */
export const ProcessOrder = z.strictObject({
  stages: z
    .array(
      z.strictObject({
        steps: uniqueList(OrderEvent, 20),
        ifMissing: z.enum(['fail', 'indeterminate', 'skip']),
      }),
    )
    .min(2)
    .max(20),
});
export type ProcessOrder = z.infer<typeof ProcessOrder>;

/**
 * A disclosure rule: where `when` holds, either the items of `disclose` were
 * disclosed as required, or the steps of `order` happened in order.
 */
export const DisclosureRule = z
  .strictObject({
    ...ruleBase,
    check: z.literal('disclosure'),
    /** Disclosure rules judge `disclose` or `order`, never a `require` condition. */
    require: z.never({ error: 'a disclosure rule has no "require": its requirement is "disclose" or "order"' }).optional(),
    disclose: DisclosureRequirement.optional(),
    order: ProcessOrder.optional(),
  })
  .superRefine((rule, ctx) => {
    if ((rule.disclose === undefined) === (rule.order === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: rule.disclose === undefined ? [] : ['order'],
        message: 'a disclosure rule has exactly one of "disclose" (required items) or "order" (steps in order)',
      });
    }
  });
export type DisclosureRule = z.infer<typeof DisclosureRule>;

/** Any rule, by its `check`. */
export const Rule = z.discriminatedUnion('check', [EligibilityRule, DisclosureRule, DeadlineRule, RetentionRule]);
export type Rule = z.infer<typeof Rule>;

/** The kind of document a rule set encodes. */
export const SourceNature = z.enum(['manual', 'statute', 'regulation', 'notice']);

/** One rule file: every rule of one source. */
export const RuleSetFile = z.strictObject({
  $schema: z.string().max(500).optional(),
  source: SourceId,
  /** Version of this rule set, `YYYY.MM.DD` or semver. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/).max(40),
  document: z.strictObject({
    title: Bilingual,
    nature: SourceNature,
    /** Issuing number, dates, status of the text. */
    reference: z.string().max(1000).optional(),
  }),
  /** Said in every report of this rule set, e.g. that a manual's numbers are its own claims. */
  disclaimer: Bilingual.optional(),
  rules: z.array(Rule).max(1000),
});
export type RuleSetFile = z.infer<typeof RuleSetFile>;

export { CheckName };

/** A rule's `require` condition, for the checks whose rules have one. */
export function ruleRequire(rule: Rule): ConditionType | undefined {
  return 'require' in rule ? rule.require : undefined;
}
