import { ruleRequire } from '../schemas/rule.js';
import type { Finding, FindingVerdict, Verdict } from '../schemas/result.js';
import { FALSE, TRUE, UNKNOWN, type Truth, conditionFacts } from './conditions.js';
import { type FactCatalog, readPath } from './facts.js';
import type { CompiledRule, MessageTemplate } from './rulebook.js';

/** Findings of one case, split as results report them. */
export interface Evaluation {
  readonly verdict: Verdict;
  readonly findings: Finding[];
  readonly obligations: Finding[];
}

function formatValue(v: unknown): string {
  if (v === undefined) return '?';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '∞';
  return String(v);
}

function render(template: MessageTemplate, facts: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (const part of template) out += typeof part === 'string' ? part : formatValue(facts[part.fact]);
  return out;
}

function explainFacts(names: readonly string[], facts: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const v = facts[name];
    if (v === undefined) continue;
    out[name] = typeof v === 'number' && !Number.isFinite(v) ? String(v) : Array.isArray(v) ? [...v] : v;
  }
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
 * against the facts. A rule whose `when` is false is not applicable; one whose
 * `when` holds (or may hold) passes when its requirement holds, fails when it
 * is not met and `when` is certain, and is otherwise indeterminate.
 */
export function evaluateRules(
  rules: readonly CompiledRule[],
  facts: Readonly<Record<string, unknown>>,
  catalog: FactCatalog,
  input: unknown,
  judge: Judge = requireJudge,
): Evaluation {
  const caseDate = facts.caseDate as number;
  const findings: Finding[] = [];
  const obligations: Finding[] = [];
  let anyFail = false;
  let anyUnknown = false;
  let anyApplicable = false;
  for (const c of rules) {
    if (caseDate < c.from || caseDate > c.to) continue;
    const w = c.when(facts);
    if (w === FALSE) continue;
    const judged = judge(c, facts);
    const r = judged.truth;
    const verdict: FindingVerdict =
      r === TRUE ? 'pass' : r === FALSE && w === TRUE ? 'fail' : 'indeterminate';
    const rule = c.rule;
    const shown = judged.facts ? { ...facts, ...judged.facts } : facts;
    const finding: Finding = {
      ruleId: rule.id,
      verdict,
      severity: rule.severity,
      title: rule.title,
      message: { zh: render(c.message.zh, shown), en: render(c.message.en, shown) },
      citation: rule.citation,
      facts: { ...explainFacts(c.facts, facts), ...(judged.facts ?? {}) },
    };
    if (verdict === 'indeterminate') {
      // Once `when` certainly holds, facts only `when` reads cannot change the verdict: they are not missing.
      const needed = w === TRUE && rule.when ? requirementFacts(c) : c.facts;
      const missing = missingPaths(needed, facts, catalog, input);
      for (const p of judged.missing ?? []) if (!missing.includes(p)) missing.push(p);
      finding.missing = missing;
    }
    if (rule.severity === 'obligation') obligations.push(finding);
    else findings.push(finding);
    if (rule.severity === 'warning') continue;
    anyApplicable = true;
    if (verdict === 'fail') anyFail = true;
    else if (verdict === 'indeterminate') anyUnknown = true;
  }
  const verdict: Verdict = anyFail ? 'fail' : anyUnknown ? 'indeterminate' : anyApplicable ? 'pass' : 'not-applicable';
  return { verdict, findings, obligations };
}

