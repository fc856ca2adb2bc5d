import type { z } from 'zod';
import { type Judge, evaluateRules, type Evaluation } from '../../engine/evaluate.js';
import { FALSE, TRUE, UNKNOWN, type Truth } from '../../engine/conditions.js';
import { type CompiledRule, defaultRulebook, rulebookRef, type Rulebook } from '../../rulebook/rulebook.js';
import { ArchiveRecord } from '../../schemas/record.js';
import type { DisposalResult, RetentionPeriod, RetentionSchedule, RuleRef } from '../../schemas/retention.js';
import type { RetentionRule } from '../../schemas/rule.js';
import type { Verdict } from '../../schemas/result.js';
import { compareCivilDates, formatCivilDate } from '../../time/civil.js';
import type { CheckOptions } from '../options.js';
import { resolveAsOf } from '../run.js';
import { retentionCheck } from './definition.js';
import { RETENTION_FACTS, type RecordTimeline, type RetentionFacts, deriveRetentionFacts, recordTimeline } from './facts.js';
import { type PeriodOutcome, periodFacts, periodOutcome, periodTruth } from './periods.js';

/** A record as callers write it. */
export type ArchiveRecordInput = z.input<typeof ArchiveRecord>;

/** Options of the retention check: `asOf` is required. */
export interface RetentionOptions extends CheckOptions {
  /**
   * The instant judged at (ISO 8601 with offset). Required: retention rules
   * are applied by its Asia/Shanghai date, and disposal is judged on it.
   */
  readonly asOf?: string;
}

interface Seen {
  readonly compiled: CompiledRule;
  readonly applies: 'yes' | 'unknown';
  readonly period?: PeriodOutcome;
}

interface Judged {
  readonly record: ArchiveRecord;
  readonly asOf: string;
  readonly facts: RetentionFacts;
  readonly timeline: RecordTimeline;
  readonly evaluation: Evaluation;
  readonly seen: readonly Seen[];
  readonly rulebook: Rulebook;
}

/** Strong Kleene "and". */
function and(values: readonly Truth[]): Truth {
  let unknown = false;
  for (const v of values) {
    if (v === FALSE) return FALSE;
    if (v === UNKNOWN) unknown = true;
  }
  return unknown ? UNKNOWN : TRUE;
}

/** Validates, derives and judges every retention rule in force on the day judged. */
function judgeRecord(input: unknown, options: RetentionOptions): Judged {
  const record = retentionCheck.parse(input);
  const asOf = resolveAsOf(retentionCheck, record, options);
  const timeline = recordTimeline(record, asOf);
  const facts = deriveRetentionFacts(record, asOf, timeline);
  const rulebook = options.rulebook ?? defaultRulebook;
  const seen: Seen[] = [];
  const judge: Judge = (compiled, f) => {
    const rule = compiled.rule as RetentionRule;
    const applies = compiled.when(f) === TRUE ? 'yes' : 'unknown';
    const parts: Truth[] = [];
    let extra: Record<string, unknown> | undefined;
    let missing: readonly string[] | undefined;
    let period: PeriodOutcome | undefined;
    if (rule.period) {
      period = periodOutcome(rule.period, timeline);
      parts.push(periodTruth(period, timeline.asOf));
      extra = periodFacts(period);
      missing = period.missing;
    }
    if (compiled.require) parts.push(compiled.require(f));
    seen.push(period ? { compiled, applies, period } : { compiled, applies });
    return { truth: and(parts), ...(extra ? { facts: extra } : {}), ...(missing ? { missing } : {}) };
  };
  const evaluation = evaluateRules(rulebook.compiled.retention, facts, RETENTION_FACTS, record, judge);
  return { record, asOf, facts, timeline, evaluation, seen, rulebook };
}

const ref = (c: CompiledRule): RuleRef => ({ ruleId: c.rule.id, citation: c.rule.citation });

/** The schedule of a judged record: every applicable period and the latest of them. */
function schedule(j: Judged): Pick<RetentionSchedule, 'retainUntil' | 'governingRule' | 'periods' | 'conditions' | 'missing'> {
  const periods: RetentionPeriod[] = [];
  const conditions: RuleRef[] = [];
  const missing: string[] = [];
  let latest: Seen | undefined;
  let undetermined = false;
  for (const s of j.seen) {
    if (!s.period) {
      conditions.push(ref(s.compiled));
      continue;
    }
    const p = s.period;
    if (p.never) continue;
    const rule = s.compiled.rule as RetentionRule;
    const needs = [...p.missing];
    if (s.applies === 'unknown') {
      // Whether the rule applies turns on facts the record lacks (e.g. the policy term).
      for (const name of s.compiled.facts) {
        if ((j.facts as Record<string, unknown>)[name] !== undefined) continue;
        for (const m of RETENTION_FACTS[name as keyof typeof RETENTION_FACTS]?.inputs ?? [name]) if (!needs.includes(m)) needs.push(m);
      }
    }
    periods.push({
      ruleId: rule.id,
      title: rule.title,
      citation: rule.citation,
      applies: s.applies,
      trigger: p.trigger,
      years: p.years,
      triggerDate: p.triggerDate ? formatCivilDate(p.triggerDate) : null,
      retainUntil: p.retainUntil ? formatCivilDate(p.retainUntil) : null,
      ...(needs.length ? { missing: needs } : {}),
    });
    for (const m of needs) if (!missing.includes(m)) missing.push(m);
    if (s.applies === 'yes') {
      if (!p.retainUntil) undetermined = true;
      else if (!latest || compareCivilDates(p.retainUntil, latest.period!.retainUntil!) > 0) latest = s;
    }
  }
  // A period that may apply binds unless the certain ones already reach as far.
  for (const s of j.seen) {
    const p = s.period;
    if (s.applies !== 'unknown' || !p || p.never) continue;
    if (!p.retainUntil || !latest || compareCivilDates(p.retainUntil, latest.period!.retainUntil!) > 0) undetermined = true;
  }
  if (undetermined || !latest) return { retainUntil: null, governingRule: null, periods, conditions, missing };
  return {
    retainUntil: formatCivilDate(latest.period!.retainUntil!),
    governingRule: ref(latest.compiled),
    periods,
    conditions,
    missing,
  };
}

/**
 * Until when must this record be kept? Works out every retention period that
 * applies to the record under the rules in force on `asOf` — each from its
 * own trigger (contract termination, end of the relationship, end of the
 * transaction, end of the last dispute), counted per civil-code arts.
 * 201–202 — and returns the latest as `retainUntil` with the rule that sets
 * it. `retainUntil` is `null` when a period cannot be computed (the contract
 * is still in force, a date or the policy term is missing, a dispute is
 * still open); `missing` says what is lacking. Pure and synchronous; throws
 * `InputError` on a malformed record or a missing `asOf`.
 *
 * @example
 * const s = computeRetention(
 *   { id: 'P-1', kind: 'policy-file', policyTermMonths: 240, contractTerminatedAt: '2024-02-29' },
 *   { asOf: '2026-01-15T09:00:00+08:00' },
 * )
 * s.retainUntil // '2034-02-28': 10 years (term over one year), and 2034 has no 29 February
 * s.governingRule?.ruleId // 'insurance-law-2015.art87.term-over-1y'
 */
export function computeRetention(record: ArchiveRecordInput, options: RetentionOptions = {}): RetentionSchedule {
  const j = judgeRecord(record, options);
  return {
    check: 'retention',
    id: j.record.id,
    kind: j.record.kind,
    ...schedule(j),
    asOf: j.asOf,
    rulebook: rulebookRef(j.rulebook),
  };
}

/**
 * May this record be destroyed on `asOf`? The SPEC §5 result: `fail` while
 * any applicable retention period runs (up to and including its last day),
 * while a disposal condition is unmet (e.g. agency-ops §7.1's appraisal), and
 * — whatever the periods say — under a legal hold or while a dispute is open;
 * `indeterminate` when a period cannot be computed (the contract has not
 * terminated, a needed date or the policy term is missing), with the missing
 * input paths; `pass` otherwise. `mayDispose` is true only on `pass`.
 * Pure and synchronous; throws `InputError` on a malformed record or a
 * missing `asOf`.
 *
 * @example
 * const r = checkDisposal(
 *   { id: 'A-7', kind: 'agency-archive', relationshipEndedAt: '2020-06-30', appraisal: { approvedAt: '2025-06-15' } },
 *   { asOf: '2025-06-30T12:00:00+08:00' },
 * )
 * r.verdict // 'fail': 2025-06-30 is the last day of the five years
 * r.retainUntil // '2025-06-30'
 */
export function checkDisposal(record: ArchiveRecordInput, options: RetentionOptions = {}): DisposalResult {
  const j = judgeRecord(record, options);
  const s = schedule(j);
  const holds = { legalHold: j.facts.legalHold === true, openDisputes: j.facts.openDisputeCount ?? 0 };
  let verdict: Verdict = j.evaluation.verdict;
  if (holds.legalHold || holds.openDisputes > 0) verdict = 'fail';
  return {
    check: 'retention',
    id: j.record.id,
    verdict,
    findings: j.evaluation.findings,
    obligations: j.evaluation.obligations,
    asOf: j.asOf,
    rulebook: rulebookRef(j.rulebook),
    retainUntil: s.retainUntil,
    governingRule: s.governingRule,
    mayDispose: verdict === 'pass',
    holds,
  };
}
