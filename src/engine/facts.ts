/**
 * Fact catalogues: the named, typed values a check derives from its input and
 * that rule conditions may test. A rule file naming a fact outside its check's
 * catalogue is rejected.
 */

/** The type of a fact's value. `date` facts are integers `YYYYMMDD`. */
export type FactType = 'integer' | 'number' | 'boolean' | 'string' | 'string[]';

export interface FactSpec {
  readonly type: FactType;
  /** For `string` and `string[]` facts: the values the fact can take. */
  readonly values?: readonly string[];
  /** What the fact means, for rule authors and auditors. */
  readonly description: string;
  /** Input paths the fact is derived from; reported as `missing` when absent. */
  readonly inputs: readonly string[];
}

export type FactCatalog = Readonly<Record<string, FactSpec>>;

/** The JavaScript value type of a fact. */
export type FactValue<S extends FactSpec> = S['type'] extends 'integer' | 'number'
  ? number
  : S['type'] extends 'boolean'
    ? boolean
    : S['type'] extends 'string[]'
      ? readonly string[]
      : string;

/** Fact values as a check derives them: `undefined` where the input lacks what a fact needs. */
export type FactsOf<C extends FactCatalog> = { -readonly [K in keyof C]: FactValue<C[K]> | undefined };

/** Identity helper that keeps a catalogue's literal keys. */
export function defineFacts<const C extends Record<string, FactSpec>>(catalog: C): C {
  return catalog;
}

/** The date fact every check derives: the case's own civil date, `YYYYMMDD`, used for effective dating. */
export const CASE_DATE_FACT = 'caseDate';

/** Reads a dotted input path (`applicant.riskTolerance.level`); `undefined` when any step is absent. */
export function readPath(input: unknown, path: string): unknown {
  let v: unknown = input;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A policy term's months as a fact: absent for whole-life cover and when the term is unknown. */
export function termMonthsFact(term: number | 'whole-life' | undefined): number | undefined {
  return typeof term === 'number' ? term : undefined;
}

/** Whether a policy term is whole life, as a fact: absent when the term is unknown. */
export function wholeLifeFact(term: number | 'whole-life' | undefined): boolean | undefined {
  return term === undefined ? undefined : term === 'whole-life';
}
