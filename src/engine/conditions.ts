/**
 * Conditions in json-rules-engine syntax (`all` / `any` / `not`, leaves
 * `{ fact, operator, value, path? }`), validated against a fact catalogue and
 * compiled once into synchronous three-valued predicates. No `eval`, no
 * `new Function`: a compiled condition is a tree of closures.
 *
 * Operators have json-rules-engine's exact semantics, including its
 * fact-value validators (numeric operators are false for a non-numeric fact
 * value, `contains` / `doesNotContain` are false for a non-array one).
 *
 * A fact the input does not supply is *unknown*. Unknown propagates by strong
 * Kleene logic, so a compiled condition is decided (true or false) exactly
 * when every way of filling the unknown leaves gives the same answer — which is
 * why json-rules-engine, given the same facts, agrees on every decided rule.
 */
import type { DataPath } from './guard.js';
import { FORBIDDEN_KEYS } from './guard.js';
import type { FactCatalog, FactSpec } from './facts.js';

/** The json-rules-engine operators rule files may use. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;
export type OperatorName = (typeof OPERATORS)[number];

export type Scalar = string | number | boolean;
/** A reference to another fact's value, as json-rules-engine writes it. */
export interface FactReference {
  fact: string;
  path?: string;
}
export interface LeafCondition {
  fact: string;
  operator: OperatorName;
  value: Scalar | Scalar[] | FactReference;
  path?: string;
}
export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}
/** A condition tree. */
export type Condition = LeafCondition | AllCondition | AnyCondition | NotCondition;

/** Three-valued truth: 0 false, 1 true, 2 unknown. */
export type Truth = 0 | 1 | 2;
export const FALSE: Truth = 0;
export const TRUE: Truth = 1;
export const UNKNOWN: Truth = 2;

/** A compiled condition. */
export type Predicate = (facts: Readonly<Record<string, unknown>>) => Truth;

const numberValidator = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';

/** json-rules-engine's default operators, verbatim in behaviour. */
export const OPERATOR_FUNCTIONS: Readonly<Record<OperatorName, (a: unknown, b: unknown) => boolean>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numberValidator(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numberValidator(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numberValidator(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numberValidator(a) && (a as number) >= (b as number),
};

const NUMERIC = new Set<OperatorName>(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const PATH_RE = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** Maximum nesting of `all` / `any` / `not` in one condition. */
export const MAX_CONDITION_DEPTH = 24;
const MAX_BRANCHES = 64;

/** One problem in a condition, located by a path relative to the condition. */
export interface ConditionIssue {
  readonly path: DataPath;
  readonly message: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function describeType(spec: FactSpec): string {
  return spec.type === 'string' && spec.values ? `one of ${spec.values.join(', ')}` : spec.type;
}

function checkScalarForFact(
  value: unknown,
  spec: FactSpec,
  factName: string,
  path: DataPath,
  issues: ConditionIssue[],
): void {
  const elementType = spec.type === 'string[]' ? 'string' : spec.type;
  const ok =
    elementType === 'boolean'
      ? typeof value === 'boolean'
      : elementType === 'string'
        ? typeof value === 'string'
        : typeof value === 'number' && Number.isFinite(value) && (elementType !== 'integer' || Number.isInteger(value));
  if (!ok) {
    issues.push({ path, message: `fact "${factName}" is ${describeType(spec)}, so this value must be a ${elementType}` });
    return;
  }
  if (typeof value === 'string' && spec.values && !spec.values.includes(value)) {
    issues.push({
      path,
      message: `"${value}" is not a value fact "${factName}" can take; expected one of ${spec.values.join(', ')}`,
    });
  }
}

/**
 * Validates a condition against a fact catalogue: shape, known facts and
 * operators, operator–type fit and value types, bounded depth and width.
 * Returns every problem found, each with a path relative to the condition.
 */
export function validateCondition(condition: unknown, catalog: FactCatalog): ConditionIssue[] {
  const issues: ConditionIssue[] = [];
  const walk = (c: unknown, path: DataPath, depth: number): void => {
    if (!isPlainObject(c)) {
      issues.push({ path, message: 'a condition must be an object with "all", "any", "not" or "fact"' });
      return;
    }
    if (depth > MAX_CONDITION_DEPTH) {
      issues.push({ path, message: `conditions are nested deeper than ${MAX_CONDITION_DEPTH} levels` });
      return;
    }
    const keys = Object.keys(c);
    for (const k of keys) {
      if (FORBIDDEN_KEYS.has(k)) issues.push({ path: [...path, k], message: `the key "${k}" is not allowed` });
    }
    for (const bool of ['all', 'any'] as const) {
      if (bool in c) {
        const extra = keys.filter((k) => k !== bool);
        if (extra.length) issues.push({ path, message: `an "${bool}" condition takes no other keys (found ${extra.join(', ')})` });
        const list = c[bool];
        if (!Array.isArray(list) || list.length === 0) {
          issues.push({ path: [...path, bool], message: `"${bool}" must be a non-empty array of conditions` });
          return;
        }
        if (list.length > MAX_BRANCHES) {
          issues.push({ path: [...path, bool], message: `"${bool}" has more than ${MAX_BRANCHES} conditions` });
          return;
        }
        list.forEach((sub, i) => walk(sub, [...path, bool, i], depth + 1));
        return;
      }
    }
    if ('not' in c) {
      const extra = keys.filter((k) => k !== 'not');
      if (extra.length) issues.push({ path, message: `a "not" condition takes no other keys (found ${extra.join(', ')})` });
      walk(c.not, [...path, 'not'], depth + 1);
      return;
    }
    if (!('fact' in c)) {
      issues.push({ path, message: 'a condition must have "all", "any", "not" or "fact"' });
      return;
    }
    const allowed = new Set(['fact', 'operator', 'value', 'path']);
    for (const k of keys) {
      if (!allowed.has(k) && !FORBIDDEN_KEYS.has(k)) {
        issues.push({ path: [...path, k], message: `unknown key "${k}" in a fact condition (allowed: fact, operator, value, path)` });
      }
    }
    const factName = c.fact;
    const spec = typeof factName === 'string' && Object.prototype.hasOwnProperty.call(catalog, factName) ? catalog[factName] : undefined;
    if (typeof factName !== 'string' || !spec) {
      issues.push({ path: [...path, 'fact'], message: unknownFactMessage(factName, catalog) });
    }
    if ('path' in c) checkJsonPath(c.path, [...path, 'path'], issues);
    const op = c.operator;
    if (typeof op !== 'string' || !(OPERATORS as readonly string[]).includes(op)) {
      issues.push({
        path: [...path, 'operator'],
        message: `unknown operator ${JSON.stringify(op)}; use one of ${OPERATORS.join(', ')}`,
      });
      return;
    }
    if (!('value' in c)) {
      issues.push({ path: [...path, 'value'], message: 'a fact condition needs a "value"' });
      return;
    }
    if (!spec || 'path' in c) return; // a path selects inside a fact: its type is not catalogued
    const operator = op as OperatorName;
    const value = c.value;
    const valuePath = [...path, 'value'];
    if (isPlainObject(value)) {
      const vkeys = Object.keys(value);
      const refName = value.fact;
      const refSpec =
        typeof refName === 'string' && Object.prototype.hasOwnProperty.call(catalog, refName) ? catalog[refName] : undefined;
      if (vkeys.some((k) => k !== 'fact' && k !== 'path')) {
        issues.push({ path: valuePath, message: 'a value object must be { "fact": <name> } (optionally with "path")' });
        return;
      }
      if (!refSpec) {
        issues.push({ path: [...valuePath, 'fact'], message: unknownFactMessage(refName, catalog) });
        return;
      }
      if ('path' in value) {
        checkJsonPath(value.path, [...valuePath, 'path'], issues);
        return;
      }
      if (NUMERIC.has(operator) && !(isNumeric(spec) && isNumeric(refSpec))) {
        issues.push({ path: valuePath, message: `operator "${operator}" compares numbers; "${factName}" and "${refName}" must both be numeric` });
      }
      return;
    }
    if (NUMERIC.has(operator)) {
      if (!isNumeric(spec)) {
        issues.push({ path: [...path, 'operator'], message: `operator "${operator}" needs a numeric fact; "${factName}" is ${describeType(spec)}` });
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push({ path: valuePath, message: `operator "${operator}" needs a finite number value` });
      }
      return;
    }
    if (operator === 'in' || operator === 'notIn') {
      if (spec.type === 'string[]') {
        issues.push({ path: [...path, 'operator'], message: `operator "${operator}" tests a single value; "${factName}" is a list (use contains / doesNotContain)` });
        return;
      }
      if (!Array.isArray(value) || value.length === 0) {
        issues.push({ path: valuePath, message: `operator "${operator}" needs a non-empty array value` });
        return;
      }
      value.forEach((v, i) => checkScalarForFact(v, spec, factName as string, [...valuePath, i], issues));
      return;
    }
    if (operator === 'contains' || operator === 'doesNotContain') {
      if (spec.type !== 'string[]') {
        issues.push({ path: [...path, 'operator'], message: `operator "${operator}" needs a list fact; "${factName}" is ${describeType(spec)}` });
        return;
      }
      checkScalarForFact(value, spec, factName as string, valuePath, issues);
      return;
    }
    // equal / notEqual
    if (spec.type === 'string[]') {
      issues.push({ path: [...path, 'operator'], message: `operator "${operator}" compares single values; "${factName}" is a list (use contains / doesNotContain)` });
      return;
    }
    checkScalarForFact(value, spec, factName as string, valuePath, issues);
  };
  walk(condition, [], 0);
  return issues;
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function unknownFactMessage(name: unknown, catalog: FactCatalog): string {
  if (typeof name !== 'string') return 'a condition\'s "fact" must be the name of a fact (a string)';
  const lower = name.toLowerCase();
  const near = Object.keys(catalog)
    .map((k) => ({ k, d: distance(lower, k.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 4)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => `"${x.k}"`);
  return `unknown fact "${name}"${near.length ? `; did you mean ${near.join(' or ')}?` : ''} (docs/facts.md lists this check's facts)`;
}

function isNumeric(spec: FactSpec): boolean {
  return spec.type === 'integer' || spec.type === 'number';
}

function checkJsonPath(path: unknown, at: DataPath, issues: ConditionIssue[]): void {
  if (typeof path !== 'string' || !PATH_RE.test(path)) {
    issues.push({ path: at, message: 'a path must look like $.name or $.a.b (plain property names only)' });
    return;
  }
  for (const seg of path.slice(2).split('.')) {
    if (FORBIDDEN_KEYS.has(seg)) issues.push({ path: at, message: `a path may not go through "${seg}"` });
  }
}

/** Resolves a validated `$.a.b` path the way json-rules-engine does for a fact value. */
function pathReader(path: string): (v: unknown) => unknown {
  const keys = path.slice(2).split('.');
  return (v) => {
    // json-rules-engine applies the path only to objects; other values pass through unchanged.
    if (v === null || typeof v !== 'object') return v;
    let cur: unknown = v;
    for (const k of keys) {
      if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
      cur = (cur as Record<string, unknown>)[k];
    }
    return cur;
  };
}

/** The fact names a condition reads, in first-use order. */
export function conditionFacts(condition: Condition, into: string[] = []): string[] {
  if ('all' in condition) condition.all.forEach((c) => conditionFacts(c, into));
  else if ('any' in condition) condition.any.forEach((c) => conditionFacts(c, into));
  else if ('not' in condition) conditionFacts(condition.not, into);
  else {
    if (!into.includes(condition.fact)) into.push(condition.fact);
    const v = condition.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !into.includes(v.fact)) into.push(v.fact);
  }
  return into;
}

/**
 * Compiles a validated condition into a three-valued predicate. Call
 * {@link validateCondition} first: compile trusts the shape.
 */
export function compileCondition(condition: Condition): Predicate {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (f) => {
      let result: Truth = TRUE;
      for (let i = 0; i < parts.length; i++) {
        const t = parts[i]!(f);
        if (t === FALSE) return FALSE;
        if (t === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (f) => {
      let result: Truth = FALSE;
      for (let i = 0; i < parts.length; i++) {
        const t = parts[i]!(f);
        if (t === TRUE) return TRUE;
        if (t === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (f) => {
      const t = inner(f);
      return t === UNKNOWN ? UNKNOWN : t === TRUE ? FALSE : TRUE;
    };
  }
  const op = OPERATOR_FUNCTIONS[condition.operator];
  const fact = condition.fact;
  const readFact = condition.path ? pathReader(condition.path) : undefined;
  const v = condition.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const ref = v.fact;
    const readRef = v.path ? pathReader(v.path) : undefined;
    return (f) => {
      let a = f[fact];
      if (readFact) a = readFact(a);
      if (a === undefined) return UNKNOWN;
      let b = f[ref];
      if (readRef) b = readRef(b);
      if (b === undefined) return UNKNOWN;
      return op(a, b) ? TRUE : FALSE;
    };
  }
  if (readFact) {
    return (f) => {
      const a = readFact(f[fact]);
      if (a === undefined) return UNKNOWN;
      return op(a, v) ? TRUE : FALSE;
    };
  }
  // The common leaves, one closure shape per operator so each call site stays monomorphic.
  // Semantics are OPERATOR_FUNCTIONS' exactly (the operator test compares them with json-rules-engine).
  switch (condition.operator) {
    case 'equal':
      return (f) => {
        const a = f[fact];
        return a === undefined ? UNKNOWN : a === v ? TRUE : FALSE;
      };
    case 'notEqual':
      return (f) => {
        const a = f[fact];
        return a === undefined ? UNKNOWN : a !== v ? TRUE : FALSE;
      };
    case 'in':
    case 'notIn': {
      const set = new Set(v as unknown[]);
      const want = condition.operator === 'in';
      return (f) => {
        const a = f[fact];
        return a === undefined ? UNKNOWN : set.has(a) === want ? TRUE : FALSE;
      };
    }
    default:
      return (f) => {
        const a = f[fact];
        if (a === undefined) return UNKNOWN;
        return op(a, v) ? TRUE : FALSE;
      };
  }
}
