import { z } from 'zod';
import { OPERATORS, type Condition as ConditionType } from '../engine/conditions.js';
import { Bilingual, CheckName, CivilDate, SourceId } from './common.js';
import { Clock } from './clock.js';

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

/** Any rule, by its `check`. */
export const Rule = z.discriminatedUnion('check', [EligibilityRule, DeadlineRule, RetentionRule]);
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
