import { ruleRequire } from '../schemas/rule.js';
import type { CheckName } from '../schemas/common.js';
import type { Condition } from '../engine/conditions.js';
import type { Rulebook } from './rulebook.js';

/** A plain json-rules-engine rule. */
export interface JsonRulesEngineRule {
  name: string;
  conditions: { all: unknown[] };
  event: { type: 'violation'; params: { ruleId: string } };
}

/** A custom json-rules-engine operator (none are needed today: every rule uses the default operators). */
export interface JsonRulesEngineOperator {
  name: string;
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}

/**
 * Exports a rulebook's rules for one check as plain json-rules-engine rules.
 * Each fires `{ type: 'violation', params: { ruleId } }` exactly when our
 * evaluator fails the rule on the facts {@link deriveFacts} returns: the case
 * date is in force, `when` holds and `require` does not. Run them with
 * `new Engine(rules, { allowUndefinedFacts: true })`.
 *
 * @example
 * const { rules } = toJsonRulesEngineRules(defaultRulebook, 'eligibility')
 * const engine = new Engine(rules, { allowUndefinedFacts: true })
 * const { events } = await engine.run(deriveFacts('eligibility', sale))
 */
export function toJsonRulesEngineRules(
  rulebook: Rulebook,
  check: CheckName,
): { rules: JsonRulesEngineRule[]; operators: JsonRulesEngineOperator[] } {
  const compiled = rulebook.compiled[check];
  // A rule is expressible when a `require` condition is its whole requirement (no clock or period judged in code).
  const inexpressible = compiled.filter((c) => !ruleRequire(c.rule) || ('period' in c.rule && c.rule.period !== undefined));
  if (inexpressible.length) {
    throw new TypeError(
      `the ${check} check's rules judge clocks, dates or item lists in code and cannot be exported to json-rules-engine (${inexpressible[0]!.rule.id})`,
    );
  }
  const rules = compiled.map(({ rule, from, to }): JsonRulesEngineRule => {
    const all: unknown[] = [];
    if (from !== -Infinity) all.push({ fact: 'caseDate', operator: 'greaterThanInclusive', value: from });
    if (to !== Infinity) all.push({ fact: 'caseDate', operator: 'lessThanInclusive', value: to });
    if (rule.when) all.push(clone(rule.when));
    const require = ruleRequire(rule);
    if (require) all.push({ not: clone(require) });
    return { name: rule.id, conditions: { all }, event: { type: 'violation', params: { ruleId: rule.id } } };
  });
  return { rules, operators: [] };
}

function clone(c: Condition): Condition {
  return JSON.parse(JSON.stringify(c)) as Condition;
}
