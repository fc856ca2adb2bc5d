import { z } from 'zod';
import { Bilingual } from './common.js';
import { RecordKind } from './record.js';
import { Citation, RetentionTrigger } from './rule.js';
import { CheckResult, RulebookRef } from './result.js';

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A rule named in a result: its id and where it comes from. */
export const RuleRef = z.object({ ruleId: z.string(), citation: Citation });
export type RuleRef = z.infer<typeof RuleRef>;

/** One applicable retention period and the date it runs to. */
export const RetentionPeriod = z.object({
  ruleId: z.string(),
  title: Bilingual,
  citation: Citation,
  /** `yes`: the rule binds this record; `unknown`: it may, depending on a missing fact (listed in `missing`). */
  applies: z.enum(['yes', 'unknown']),
  trigger: RetentionTrigger,
  years: z.number().int(),
  /** The Asia/Shanghai date of the triggering event; `null` when it has not happened or is not known. */
  triggerDate: DateText.nullable(),
  /** The last day this rule requires the record to be kept; `null` when the trigger date is not known. */
  retainUntil: DateText.nullable(),
  /** Input paths this period needs and the record lacks. */
  missing: z.array(z.string()).optional(),
});
export type RetentionPeriod = z.infer<typeof RetentionPeriod>;

/**
 * How long a record must be kept (`computeRetention`): every applicable
 * period, and the latest of them.
 */
export const RetentionSchedule = z.object({
  check: z.literal('retention'),
  id: z.string(),
  kind: RecordKind,
  /**
   * The last day the record must still be kept: the latest `retainUntil` of
   * the applicable periods; `null` when one of them cannot be computed (see
   * `missing`) or none applies.
   */
  retainUntil: DateText.nullable(),
  /** The rule that sets `retainUntil` (the first in rulebook order on a tie); `null` with it. */
  governingRule: RuleRef.nullable(),
  /** One entry per applicable period, in rulebook order. */
  periods: z.array(RetentionPeriod),
  /** Rules that set conditions on destruction (e.g. an appraisal) and apply to this record. */
  conditions: z.array(RuleRef),
  /** Every input path some period needs and the record lacks. */
  missing: z.array(z.string()),
  /** The instant judged at: rules in force on its Asia/Shanghai date apply. */
  asOf: z.string(),
  rulebook: RulebookRef,
});
export type RetentionSchedule = z.infer<typeof RetentionSchedule>;

/**
 * May the record be destroyed on `asOf`? (`checkDisposal`) The SPEC §5 result
 * plus the retention date and what holds the record.
 */
export const DisposalResult = CheckResult.extend({
  /** As in {@link RetentionSchedule}: the last day the record must still be kept, or `null`. */
  retainUntil: DateText.nullable(),
  governingRule: RuleRef.nullable(),
  /** `true` exactly when the verdict is `pass`: every applicable rule is satisfied and nothing holds the record. */
  mayDispose: z.boolean(),
  /** What holds the record whatever the periods say (library semantics, see docs/retention.md). */
  holds: z.object({
    legalHold: z.boolean(),
    /** Disputes open on the day judged. */
    openDisputes: z.number().int(),
  }),
});
export type DisposalResult = z.infer<typeof DisposalResult>;
