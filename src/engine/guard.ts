/**
 * A structural guard for untrusted data (rule files, check inputs), run before
 * any schema: it refuses keys that reach object prototypes, values JSON cannot
 * carry, and data nested or sized beyond fixed bounds. It walks iteratively,
 * so hostile nesting cannot overflow the stack.
 */

/** A path into a JSON value: property names and array indexes. */
export type DataPath = ReadonlyArray<string | number>;

/** One structural problem, with where it is. */
export interface GuardIssue {
  readonly path: DataPath;
  readonly message: string;
}

/** Bounds applied by {@link guardUntrusted}. */
export interface GuardLimits {
  readonly maxDepth: number;
  readonly maxStringLength: number;
  readonly maxArrayLength: number;
  readonly maxKeys: number;
  readonly maxNodes: number;
}

/** Bounds for one check input (a sale, a service case, a record). */
export const INPUT_LIMITS: GuardLimits = {
  maxDepth: 16,
  maxStringLength: 10_000,
  maxArrayLength: 10_000,
  maxKeys: 200,
  maxNodes: 200_000,
};

/** Bounds for one rule file. */
export const RULE_FILE_LIMITS: GuardLimits = {
  maxDepth: 48,
  maxStringLength: 20_000,
  maxArrayLength: 2_000,
  maxKeys: 200,
  maxNodes: 500_000,
};

/** Keys that could reach or replace an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks `value` against `limits`; returns every problem found (at most 50),
 * or an empty array when the value is plain, bounded JSON data.
 */
export function guardUntrusted(value: unknown, limits: GuardLimits): GuardIssue[] {
  const issues: GuardIssue[] = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  let nodes = 0;
  while (stack.length > 0 && issues.length < 50) {
    const { value: v, path } = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      issues.push({ path: [], message: `has more than ${limits.maxNodes} values` });
      break;
    }
    // An `undefined` property is an absent one (schemas then decide whether it may be absent).
    if (v === null || v === undefined || typeof v === 'boolean') continue;
    if (typeof v === 'string') {
      if (v.length > limits.maxStringLength) {
        issues.push({ path, message: `is a string longer than ${limits.maxStringLength} characters` });
      }
      continue;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) issues.push({ path, message: 'must be a finite number' });
      continue;
    }
    if (typeof v !== 'object') {
      issues.push({ path, message: `holds a ${typeof v}, which JSON data cannot carry` });
      continue;
    }
    if (path.length >= limits.maxDepth) {
      issues.push({ path, message: `is nested deeper than ${limits.maxDepth} levels` });
      continue;
    }
    if (Array.isArray(v)) {
      if (v.length > limits.maxArrayLength) {
        issues.push({ path, message: `has more than ${limits.maxArrayLength} items` });
        continue;
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      issues.push({ path, message: 'must be a plain JSON object' });
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > limits.maxKeys) {
      issues.push({ path, message: `has more than ${limits.maxKeys} keys` });
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: [...path, key], message: `the key "${key}" is not allowed` });
        continue;
      }
      stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

/** Formats a data path the way a JavaScript reader writes it: `steps[2].at`. */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

/** Formats a data path as an RFC 6901 JSON pointer: `/rules/2/when`. */
export function toJsonPointer(path: DataPath): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
