import type { z } from 'zod';
import { InputError, type InputIssue } from '../errors.js';
import { Instant } from '../schemas/common.js';
import { INVALID, type FastValidator, compileFastValidator } from './fast-validate.js';
import { INPUT_LIMITS, formatPath, guardUntrusted, type DataPath } from './guard.js';

const fastValidators = new WeakMap<z.ZodType, FastValidator | null>();

function fastValidatorFor(schema: z.ZodType): FastValidator | null {
  let v = fastValidators.get(schema);
  if (v === undefined) {
    v = compileFastValidator(schema, INPUT_LIMITS) ?? null;
    fastValidators.set(schema, v);
  }
  return v;
}

const TYPE_WORDS: Readonly<Record<string, string>> = { int: 'a whole number', array: 'an array', object: 'an object' };

/** What a value of a zod type is, in words: `a string`, `an array`, `a whole number`. */
export function typeInWords(expected: string): string {
  return TYPE_WORDS[expected] ?? `a ${expected}`;
}

/** Whether a zod issue is about a key that is absent (zod reports its input as `undefined`). */
export function isAbsent(issue: z.core.$ZodIssue): boolean {
  return issue.path.length > 0 && 'input' in issue && issue.input === undefined;
}

function zodIssueMessage(issue: z.core.$ZodIssue): string {
  const absent = isAbsent(issue);
  if (issue.code === 'invalid_type') {
    return absent ? `is required (${typeInWords(issue.expected)})` : `must be ${typeInWords(issue.expected)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
    return absent ? `is required: one of ${values}` : `must be one of ${values}`;
  }
  if (absent) return 'is required';
  return issue.message.replace(/^Invalid input: /, '');
}

/**
 * Validates untrusted input against a schema: first the structural guard
 * (prototype keys, depth, sizes, non-JSON values), then the schema. Throws an
 * {@link InputError} listing every problem with its path.
 *
 * Valid input takes a fast path compiled from the same schema (see
 * `fast-validate.ts`), which decides exactly as the guard and zod do; only
 * rejected input pays for the guard and zod's error reporting.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string, prefix: DataPath = []): z.output<S> {
  const fast = fastValidatorFor(schema);
  if (fast) {
    const out = fast(input);
    if (out !== INVALID) return out as z.output<S>;
  }
  const guard = guardUntrusted(input, INPUT_LIMITS);
  if (guard.length) {
    throw new InputError(guard.map((g) => ({ path: formatPath([...prefix, ...g.path]), message: g.message })), what);
  }
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) {
    const issues: InputIssue[] = result.error.issues.map((i) => ({
      path: formatPath([...prefix, ...(i.path as DataPath)]),
      message: zodIssueMessage(i),
    }));
    throw new InputError(issues, what);
  }
  return result.data;
}

/** Validates an `asOf` option: an instant with an offset. */
export function parseAsOf(asOf: unknown): string {
  return parseInput(Instant, asOf, 'options', ['asOf']);
}
