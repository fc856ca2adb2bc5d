import { z } from 'zod';
import { Bilingual, CheckName } from './common.js';
import { Citation, Severity } from './rule.js';

/** A rule's outcome on one case. */
export const FindingVerdict = z.enum(['pass', 'fail', 'indeterminate']);
export type FindingVerdict = z.infer<typeof FindingVerdict>;

/** A case's overall outcome. */
export const Verdict = z.enum(['pass', 'fail', 'indeterminate', 'not-applicable']);
export type Verdict = z.infer<typeof Verdict>;

/** What one applicable rule found, with the facts it used and why. */
export const Finding = z.object({
  ruleId: z.string(),
  verdict: FindingVerdict,
  severity: Severity,
  title: Bilingual,
  /** The rule's message with the case's facts filled in. */
  message: Bilingual,
  citation: Citation,
  /** The facts the rule read, as derived from the input (absent ones are in `missing`). */
  facts: z.record(z.string(), z.unknown()),
  /** Input paths the case lacks and the rule needs; present when the verdict is `indeterminate`. */
  missing: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof Finding>;

/** Identifies the rulebook a result was judged by. */
export const RulebookRef = z.object({ id: z.string(), version: z.string(), hash: z.string() });
export type RulebookRef = z.infer<typeof RulebookRef>;

/**
 * The result of a check (SPEC §5): `fail` if any violation or obligation fails;
 * otherwise `indeterminate` if one lacks a fact; otherwise `pass`;
 * `not-applicable` when no rule applies. Warnings never change the verdict.
 */
export const CheckResult = z.object({
  check: CheckName,
  /** The input's own id. */
  id: z.string(),
  verdict: Verdict,
  /** One per applicable violation or warning rule. */
  findings: z.array(Finding),
  /** One per obligation the case triggers. */
  obligations: z.array(Finding),
  /** The instant the case was judged at. */
  asOf: z.string(),
  rulebook: RulebookRef,
});
export type CheckResult = z.infer<typeof CheckResult>;
