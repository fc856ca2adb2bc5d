import type { Judge } from '../engine/evaluate.js';
import type { FactCatalog } from '../engine/facts.js';
import type { CheckName } from '../schemas/common.js';

/** What the generic runner needs to know about one check. */
export interface CheckDefinition<Input = unknown, Facts extends Record<string, unknown> = Record<string, unknown>> {
  readonly check: CheckName;
  /** What the input is called in errors: `sale`, `service case`, `record`. */
  readonly what: string;
  readonly catalog: FactCatalog;
  /** Validates untrusted input; throws `InputError`. */
  parse(input: unknown): Input;
  /** Derives the facts rules read; pure. */
  derive(input: Input, context: { readonly asOf: string }): Facts;
  /** The input's id. */
  id(input: Input): string;
  /** The instant judged at when the caller gives none. */
  defaultAsOf(input: Input): string | undefined;
  /**
   * How the check's rules are judged when their requirement is computed in
   * code (a clock, a list of items): built once per case from the validated
   * input and its facts. Default: each rule's `require` condition.
   */
  judge?(input: Input, facts: Facts): Judge;
}
