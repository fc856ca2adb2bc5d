import type { CheckOptions } from '../checks/options.js';
import { checkDefinition } from '../api/registry.js';
import { resolveAsOf } from '../checks/run.js';
import type { CheckName } from '../schemas/common.js';

/**
 * The facts our evaluator sees for `input` under `check`: validated input,
 * derived once. Facts the input cannot supply are left out. Feed them to
 * json-rules-engine (with `allowUndefinedFacts: true`) together with
 * {@link toJsonRulesEngineRules} to replay any case.
 *
 * @example deriveFacts('eligibility', sale).applicantAge // 17
 */
export function deriveFacts(check: CheckName, input: unknown, options: CheckOptions = {}): Record<string, unknown> {
  const def = checkDefinition(check);
  const parsed = def.parse(input);
  const facts = def.derive(parsed, { asOf: resolveAsOf(def, parsed, options) });
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) if (v !== undefined) out[k] = Array.isArray(v) ? [...v] : v;
  return out;
}
