import { ruleRequire } from '../schemas/rule.js';
import type { Finding, FindingVerdict, Verdict } from '../schemas/result.js';
import { FALSE, TRUE, UNKNOWN, type Truth, conditionFacts } from './conditions.js';
import { type FactCatalog, readPath } from './facts.js';
import type { CompiledRule } from '../rulebook/rulebook.js';

/** Findings of one case, split as results report them. */
export interface Evaluation {
  readonly verdict: Verdict;
  readonly findings: Finding[];
  readonly obligations: Finding[];
}

/** The facts a finding shows: those its rule read (absent ones left out), then the judge's explanation. */
function explainFacts(
  names: readonly string[],
  facts: Readonly<Record<string, unknown>>,
  extra: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const v = facts[name];
    if (v === undefined) continue;
    out[name] = typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
  }
  if (extra) for (const k of Object.keys(extra)) out[k] = extra[k];
  return out;
}

function missingPaths(
  names: readonly string[],
  facts: Readonly<Record<string, unknown>>,
  catalog: FactCatalog,
  input: unknown,
): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (facts[name] !== undefined) continue;
    const inputs = catalog[name]?.inputs ?? [name];
    const absent = inputs.filter((p) => readPath(input, p) === undefined);
    for (const p of absent.length ? absent : inputs) if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** The facts a rule reads outside its `when` condition. */
function requirementFacts(c: CompiledRule): readonly string[] {
  const whenOnly = conditionFacts(c.rule.when!);
  const require = ruleRequire(c.rule);
  const required = require ? conditionFacts(require) : [];
  return c.facts.filter((f) => required.includes(f) || !whenOnly.includes(f));
}

/**
 * How an applicable rule's requirement is judged: TRUE met, FALSE not met,
 * UNKNOWN when facts are missing. A judge may add facts to the finding's
 * explanation and name the missing input paths itself.
 */
export type Judge = (
  rule: CompiledRule,
  facts: Readonly<Record<string, unknown>>,
) => { readonly truth: Truth; readonly facts?: Record<string, unknown>; readonly missing?: readonly string[] };

/** The judge of rules with a `require` condition. */
export const requireJudge: Judge = (rule, facts) => ({ truth: rule.require ? rule.require(facts) : UNKNOWN });

/**
 * Judges every compiled rule in force on the case's date (`facts.caseDate`)
 * against the facts and calls `visit` for each applicable one. A rule whose
 * `when` is false is not applicable; one whose `when` holds (or may hold)
 * passes when its requirement holds, fails when it is not met and `when` is
 * certain, and is otherwise indeterminate. Returns the case's verdict.
 */
function judgeRules(
  rules: readonly CompiledRule[],
  facts: Readonly<Record<string, unknown>>,
  judge: Judge,
  visit: (compiled: CompiledRule, verdict: FindingVerdict, when: Truth, extra?: Record<string, unknown>, judgeMissing?: readonly string[]) => void,
): Verdict {
  const caseDate = facts.caseDate as number;
  let anyFail = false;
  let anyUnknown = false;
  let anyApplicable = false;
  for (let i = 0; i < rules.length; i++) {
    const c = rules[i]!;
    if (caseDate < c.from || caseDate > c.to) continue;
    const w = c.when(facts);
    if (w === FALSE) continue;
    // Rules with a `require` condition (the common case) are judged inline, without a judge call.
    const judged = judge === requireJudge ? undefined : judge(c, facts);
    const r = judged ? judged.truth : c.require ? c.require(facts) : UNKNOWN;
    const verdict: FindingVerdict = r === TRUE ? 'pass' : r === FALSE && w === TRUE ? 'fail' : 'indeterminate';
    visit(c, verdict, w, judged?.facts, judged?.missing);
    if (c.rule.severity === 'warning') continue;
    anyApplicable = true;
    if (verdict === 'fail') anyFail = true;
    else if (verdict === 'indeterminate') anyUnknown = true;
  }
  return anyFail ? 'fail' : anyUnknown ? 'indeterminate' : anyApplicable ? 'pass' : 'not-applicable';
}

/** The input paths an indeterminate rule lacks. */
function missingFor(
  c: CompiledRule,
  when: Truth,
  judgeMissing: readonly string[] | undefined,
  facts: Readonly<Record<string, unknown>>,
  catalog: FactCatalog,
  input: unknown,
): string[] {
  // Once `when` certainly holds, facts only `when` reads cannot change the verdict: they are not missing.
  const needed = when === TRUE && c.rule.when ? requirementFacts(c) : c.facts;
  const missing = missingPaths(needed, facts, catalog, input);
  for (const p of judgeMissing ?? []) if (!missing.includes(p)) missing.push(p);
  return missing;
}

/**
 * Judges the rules (see {@link judgeRules}) and builds one finding per
 * applicable rule: violations and warnings in `findings`, obligations in
 * `obligations`, each with its message, citation, the facts it read and, when
 * indeterminate, the missing input paths.
 */
export function evaluateRules(
  rules: readonly CompiledRule[],
  facts: Readonly<Record<string, unknown>>,
  catalog: FactCatalog,
  input: unknown,
  judge: Judge = requireJudge,
): Evaluation {
  const findings: Finding[] = [];
  const obligations: Finding[] = [];
  const verdict = judgeRules(rules, facts, judge, (c, v, when, extra, judgeMissing) => {
    const rule = c.rule;
    const finding: Finding = {
      ruleId: rule.id,
      verdict: v,
      severity: rule.severity,
      title: rule.title,
      message: c.message(facts, extra),
      citation: rule.citation,
      facts: explainFacts(c.facts, facts, extra),
    };
    if (v === 'indeterminate') finding.missing = missingFor(c, when, judgeMissing, facts, catalog, input);
    (rule.severity === 'obligation' ? obligations : findings).push(finding);
  });
  return { verdict, findings, obligations };
}

/** A case's verdict with only the ids and paths a screening line needs. */
export interface VerdictSummary {
  readonly verdict: Verdict;
  /** Ids of failing rules: violations and warnings, then obligations (the order of a result's findings then obligations). */
  readonly failed: string[];
  /** Input paths any indeterminate rule lacks. */
  readonly missing: string[];
}

/**
 * The same judgement as {@link evaluateRules} — same verdict, same failing
 * rules, same missing paths — without building findings: what screening a
 * book of cases needs.
 */
export function evaluateVerdict(
  rules: readonly CompiledRule[],
  facts: Readonly<Record<string, unknown>>,
  catalog: FactCatalog,
  input: unknown,
  judge: Judge = requireJudge,
): VerdictSummary {
  const failed: string[] = [];
  const failedObligations: string[] = [];
  const missing: string[] = [];
  const verdict = judgeRules(rules, facts, judge, (c, v, when, _extra, judgeMissing) => {
    if (v === 'fail') (c.rule.severity === 'obligation' ? failedObligations : failed).push(c.rule.id);
    else if (v === 'indeterminate') {
      for (const p of missingFor(c, when, judgeMissing, facts, catalog, input)) if (!missing.includes(p)) missing.push(p);
    }
  });
  for (const id of failedObligations) failed.push(id);
  return { verdict, failed, missing };
}
