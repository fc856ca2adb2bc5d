/**
 * A fast accept/reject path derived from a zod schema. The zod schema stays
 * the single definition of an input; this module reads its definition once
 * and compiles a plain validator for the subset of zod the input schemas use
 * (strict objects, strings, numbers, booleans, enums, literals, unions,
 * arrays, optional, default, nullable, and custom refinements, which are
 * called as zod defines them). It answers "valid, and here is the output" or
 * "not valid" — never why: on rejection callers run the structural guard and
 * zod itself for paths and messages. A test holds it to zod's decisions on
 * generated valid and corrupted inputs.
 *
 * Only schemas built from these parts compile; anything else (transforms,
 * pipes, records, `unknown`, strings or arrays without a maximum length…)
 * makes {@link compileFastValidator} return `undefined`, and callers use the
 * guard and zod alone.
 */
import type { z } from 'zod';
import { fastCheckOf } from '../schemas/fast-checks.js';

/** Output on success, {@link INVALID} otherwise. */
export type FastValidator = (value: unknown) => unknown;
/** Returned by a fast validator for a value its schema rejects. */
export const INVALID: unique symbol = Symbol('invalid');

class Unsupported extends Error {}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef; check: (payload: { value: unknown; issues: unknown[] }) => void } }>;
  shape?: Record<string, ZodLike>;
  catchall?: ZodLike;
  element?: ZodLike;
  options?: ZodLike[];
  innerType?: ZodLike;
  entries?: Record<string, unknown>;
  values?: unknown[];
  defaultValue?: unknown;
  getter?: () => ZodLike;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface ZodLike {
  _zod: { def: Def };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

type Test = (v: unknown) => boolean;

function compileChecks(checks: Def['checks'], base: Test): Test {
  if (!checks || checks.length === 0) return base;
  const tests: Test[] = [base];
  for (const c of checks) {
    const d = c._zod.def;
    switch (d.check) {
      case 'min_length': {
        const min = d.minimum!;
        tests.push((v) => (v as { length: number }).length >= min);
        break;
      }
      case 'max_length': {
        const max = d.maximum!;
        tests.push((v) => (v as { length: number }).length <= max);
        break;
      }
      case 'greater_than': {
        const { value, inclusive } = d as Required<Pick<CheckDef, 'value' | 'inclusive'>>;
        tests.push(inclusive ? (v) => (v as number) >= value : (v) => (v as number) > value);
        break;
      }
      case 'less_than': {
        const { value, inclusive } = d as Required<Pick<CheckDef, 'value' | 'inclusive'>>;
        tests.push(inclusive ? (v) => (v as number) <= value : (v) => (v as number) < value);
        break;
      }
      case 'number_format': {
        if (d.format !== 'safeint') throw new Unsupported(`number format ${d.format}`);
        tests.push((v) => Number.isSafeInteger(v));
        break;
      }
      case 'string_format': {
        if (d.format !== 'regex' || !(d.pattern instanceof RegExp) || d.pattern.global || d.pattern.sticky) {
          throw new Unsupported(`string format ${d.format}`);
        }
        const re = d.pattern;
        tests.push((v) => re.test(v as string));
        break;
      }
      case 'custom': {
        // A refinement: run it exactly as zod does and see whether it reported an issue.
        const run = c._zod.check;
        tests.push((v) => {
          const payload = { value: v, issues: [] as unknown[] };
          run(payload);
          return payload.issues.length === 0;
        });
        break;
      }
      default:
        throw new Unsupported(`check ${d.check}`);
    }
  }
  return (v) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
    return true;
  };
}

/**
 * The fast path skips the structural guard, so it only compiles schemas whose
 * own bounds are at least as strict: every string and array needs a maximum
 * length within the guard's.
 */
function requireBound(def: Def, limit: number, what: string): void {
  const max = def.checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
  if (max === undefined || max > limit) throw new Unsupported(`${what} without a maximum length within ${limit}`);
}

let limits: { maxStringLength: number; maxArrayLength: number } = { maxStringLength: 0, maxArrayLength: 0 };

/**
 * A field an object validator checks inline, without a call: an optional or
 * required boolean, enum, bounded number or bounded plain string. Anything else
 * (refinements, nested objects, arrays, unions, defaults) keeps its validator.
 */
interface InlineField {
  optional: boolean;
  kind: 'boolean' | 'enum' | 'number' | 'string';
  values?: ReadonlySet<unknown>;
  min: number;
  minInclusive: boolean;
  max: number;
  maxInclusive: boolean;
  integer: boolean;
}

function inlineField(schema: ZodLike): InlineField | undefined {
  let optional = false;
  let s = schema;
  if (s._zod.def.type === 'optional') {
    optional = true;
    s = s._zod.def.innerType!;
  }
  if (fastCheckOf(s)) return undefined;
  const def = s._zod.def;
  const field: InlineField = { optional, kind: 'boolean', min: -Infinity, minInclusive: true, max: Infinity, maxInclusive: true, integer: false };
  if (def.type === 'boolean' && !def.checks?.length) return field;
  if (def.type === 'enum' && !def.checks?.length) return { ...field, kind: 'enum', values: new Set(Object.values(def.entries!)) };
  if (def.type !== 'number' && def.type !== 'string') return undefined;
  field.kind = def.type;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (def.type === 'number' && d.check === 'greater_than') {
      field.min = d.value!;
      field.minInclusive = d.inclusive!;
    } else if (def.type === 'number' && d.check === 'less_than') {
      field.max = d.value!;
      field.maxInclusive = d.inclusive!;
    } else if (def.type === 'number' && d.check === 'number_format' && d.format === 'safeint') {
      field.integer = true;
    } else if (def.type === 'string' && d.check === 'min_length') {
      field.min = d.minimum!;
    } else if (def.type === 'string' && d.check === 'max_length') {
      field.max = d.maximum!;
    } else return undefined;
  }
  if (def.type === 'string' && field.max > limits.maxStringLength) return undefined;
  return field;
}

/** Whether a present value passes an inline field's checks. */
function inlineOk(f: InlineField, v: unknown): boolean {
  switch (f.kind) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
      return f.values!.has(v);
    case 'number':
      return (
        typeof v === 'number' &&
        (f.integer ? Number.isSafeInteger(v) : Number.isFinite(v)) &&
        (f.minInclusive ? v >= f.min : v > f.min) &&
        (f.maxInclusive ? v <= f.max : v < f.max)
      );
    default:
      return typeof v === 'string' && v.length >= f.min && v.length <= f.max;
  }
}

function compile(schema: ZodLike, seen: Map<ZodLike, FastValidator>): FastValidator {
  const cached = seen.get(schema);
  if (cached) return cached;
  const def = schema._zod.def;
  let out: FastValidator;
  const registered = fastCheckOf(schema);
  if (registered) {
    // The schema's own refinements, decided by the predicate registered beside it.
    out = (v) => (registered(v) ? v : INVALID);
    seen.set(schema, out);
    return out;
  }
  switch (def.type) {
    case 'string': {
      requireBound(def, limits.maxStringLength, 'string');
      const t = compileChecks(def.checks, (v) => typeof v === 'string');
      out = (v) => (t(v) ? v : INVALID);
      break;
    }
    case 'number': {
      const t = compileChecks(def.checks, (v) => typeof v === 'number' && Number.isFinite(v));
      out = (v) => (t(v) ? v : INVALID);
      break;
    }
    case 'boolean': {
      if (def.checks?.length) throw new Unsupported('boolean checks');
      out = (v) => (typeof v === 'boolean' ? v : INVALID);
      break;
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries!));
      if (def.checks?.length) throw new Unsupported('enum checks');
      out = (v) => (values.has(v) ? v : INVALID);
      break;
    }
    case 'literal': {
      const values = new Set(def.values);
      out = (v) => (values.has(v) ? v : INVALID);
      break;
    }
    // `unknown` / `any` would let unbounded, unguarded data through the fast path: not compiled.
    case 'optional': {
      const inner = compile(def.innerType!, seen);
      out = (v) => (v === undefined ? v : inner(v));
      break;
    }
    case 'nullable': {
      const inner = compile(def.innerType!, seen);
      out = (v) => (v === null ? v : inner(v));
      break;
    }
    case 'default': {
      const inner = compile(def.innerType!, seen);
      const fallback = def.defaultValue;
      if (fallback !== null && typeof fallback === 'object') throw new Unsupported('object default');
      out = (v) => (v === undefined ? fallback : inner(v));
      break;
    }
    case 'union': {
      const options = def.options!.map((o) => compile(o, seen));
      out = (v) => {
        for (let i = 0; i < options.length; i++) {
          const r = options[i]!(v);
          if (r !== INVALID) return r;
        }
        return INVALID;
      };
      break;
    }
    case 'array': {
      requireBound(def, limits.maxArrayLength, 'array');
      const element = compile(def.element!, seen);
      const t = compileChecks(def.checks, Array.isArray);
      out = (v) => {
        if (!t(v)) return INVALID;
        const arr = v as unknown[];
        let copy: unknown[] | undefined;
        for (let i = 0; i < arr.length; i++) {
          const r = element(arr[i]);
          if (r === INVALID) return INVALID;
          if (r !== arr[i]) (copy ??= arr.slice())[i] = r;
        }
        return copy ?? arr;
      };
      break;
    }
    case 'object': {
      if (def.checks?.length) throw new Unsupported('object checks');
      if (!def.catchall || def.catchall._zod.def.type !== 'never') throw new Unsupported('non-strict object');
      const keys = Object.keys(def.shape!);
      // Filled lazily so recursive schemas compile.
      const fields: FastValidator[] = [];
      const n = keys.length;
      const inline = keys.map((k) => inlineField(def.shape![k]!));
      out = (v) => {
        if (!isPlainObject(v)) return INVALID;
        let present = 0;
        let copy: Record<string, unknown> | undefined;
        for (let i = 0; i < n; i++) {
          const k = keys[i]!;
          const field = v[k];
          if (field !== undefined) present++;
          const f = inline[i];
          if (f !== undefined) {
            if (field === undefined ? !f.optional : !inlineOk(f, field)) return INVALID;
            continue;
          }
          const r = fields[i]!(field);
          if (r === INVALID) return INVALID;
          if (r !== field) (copy ??= { ...v })[k] = r;
        }
        // Any other own key (unknown, forbidden, or a known one holding undefined): zod decides, on the slow path.
        if (Object.keys(v).length !== present) return INVALID;
        return copy ?? v;
      };
      seen.set(schema, out);
      for (const k of keys) fields.push(compile(def.shape![k]!, seen));
      return out;
    }
    default:
      throw new Unsupported(def.type);
  }
  seen.set(schema, out);
  return out;
}

/**
 * Compiles a fast validator from a zod schema, or returns `undefined` when the
 * schema uses parts this compiler does not reproduce exactly.
 */
export function compileFastValidator(
  schema: z.ZodType,
  bounds: { maxStringLength: number; maxArrayLength: number } = { maxStringLength: 10_000, maxArrayLength: 10_000 },
): FastValidator | undefined {
  try {
    limits = bounds;
    return compile(schema as unknown as ZodLike, new Map());
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
