/**
 * Helpers for the fail-closed property: take one optional fact out of an
 * input and compare the verdicts before and after.
 */
import { expect } from 'vitest';
import { InputError } from '../../src/index.js';

/** A path into an input: property names and array indexes. */
export type Path = ReadonlyArray<string | number>;

/** `events[0].outcome`, as InputError paths are written. */
export const showPath = (path: Path) =>
  path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');

/** Same path with array indexes written as `[]`: `events[].outcome`, to match against a list of field names. */
export const fieldOf = (path: Path) => showPath(path.map((p) => (typeof p === 'number' ? -1 : p))).replace(/\[-1\]/g, '[]');

/**
 * Every property path of `value` (inside objects, and inside objects held in
 * arrays — never an array element itself) whose field is not in `keep`.
 */
export function removablePaths(value: unknown, keep: ReadonlySet<string>): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    for (const k of Object.keys(v)) {
      const p = [...path, k];
      if (!keep.has(fieldOf(p))) out.push(p);
      walk((v as Record<string, unknown>)[k], p);
    }
  };
  walk(value, []);
  return out;
}

/** A deep copy of `value` without the property at `path`. */
export function without<T>(value: T, path: Path): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  delete cur[path[path.length - 1]!];
  return copy as T;
}

/** Runs `f`; an `InputError` (a field required inside an optional object was taken away) gives `undefined`. */
export function unlessMalformed<R>(f: () => R): R | undefined {
  try {
    return f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return undefined;
  }
}

interface Judged {
  readonly verdict: string;
  readonly findings: ReadonlyArray<{ readonly ruleId: string; readonly verdict: string }>;
  readonly obligations: ReadonlyArray<{ readonly ruleId: string; readonly verdict: string }>;
}

/**
 * Fail closed: after a fact was removed, a failing case is still failing or
 * indeterminate, and every rule that failed still fails or is indeterminate.
 * Facts are read in three-valued logic, so a condition that held cannot
 * become false for want of a fact: a failing rule cannot quietly stop
 * applying either.
 */
export function expectNoFailTurnedPass(before: Judged, after: Judged, removed: Path): void {
  const what = `after removing ${showPath(removed)}`;
  if (before.verdict === 'fail') expect(['fail', 'indeterminate'], what).toContain(after.verdict);
  const afterById = new Map([...after.findings, ...after.obligations].map((f) => [f.ruleId, f.verdict]));
  for (const f of [...before.findings, ...before.obligations]) {
    if (f.verdict !== 'fail') continue;
    expect(['fail', 'indeterminate'], `${f.ruleId} ${what}`).toContain(afterById.get(f.ruleId) ?? 'not-applicable');
  }
}
