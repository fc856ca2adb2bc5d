import { InputError } from '../errors.js';
import { type VerdictSummary, evaluateRules, evaluateVerdict } from '../engine/evaluate.js';
import { parseAsOf } from '../engine/input.js';
import { defaultRulebook, rulebookRef } from '../rulebook/rulebook.js';
import type { CheckResult } from '../schemas/result.js';
import type { CheckDefinition } from './definition.js';
import type { CheckOptions } from './options.js';

/** Validates the input and options, derives the facts and judges every rule of the check. */
export function runCheck<I, F extends Record<string, unknown>>(
  def: CheckDefinition<I, F>,
  input: unknown,
  options: CheckOptions = {},
): { result: CheckResult; input: I; facts: F } {
  const parsed = def.parse(input);
  const asOf = resolveAsOf(def, parsed, options);
  const facts = def.derive(parsed, { asOf });
  const rulebook = options.rulebook ?? defaultRulebook;
  const evaluation = evaluateRules(rulebook.compiled[def.check], facts, def.catalog, parsed, def.judge?.(parsed, facts));
  return {
    result: { check: def.check, id: def.id(parsed), ...evaluation, asOf, rulebook: rulebookRef(rulebook) },
    input: parsed,
    facts,
  };
}

/** The `asOf` a check uses: the option, validated, or the case's own instant. */
export function resolveAsOf<I>(def: CheckDefinition<I, Record<string, unknown>>, input: I, options: CheckOptions): string {
  if (options.asOf !== undefined) return parseAsOf(options.asOf);
  const fallback = def.defaultAsOf(input);
  if (fallback === undefined) {
    throw new InputError([{ path: 'asOf', message: `is required to judge a ${def.what}` }], 'options');
  }
  return fallback;
}

/**
 * The lean judgement screening needs — id, verdict, failing rule ids and
 * missing input paths — for checks whose result is exactly the SPEC §5 result
 * (eligibility, disclosure). The same as {@link runCheck}'s result, without
 * building findings.
 */
export function screenCheck<I, F extends Record<string, unknown>>(
  def: CheckDefinition<I, F>,
  input: unknown,
  options: CheckOptions = {},
): { id: string } & VerdictSummary {
  const parsed = def.parse(input);
  const asOf = resolveAsOf(def, parsed, options);
  const facts = def.derive(parsed, { asOf });
  const rulebook = options.rulebook ?? defaultRulebook;
  return { id: def.id(parsed), ...evaluateVerdict(rulebook.compiled[def.check], facts, def.catalog, parsed, def.judge?.(parsed, facts)) };
}
