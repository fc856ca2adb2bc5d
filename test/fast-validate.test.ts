/**
 * The fast validator compiled from a zod schema must decide exactly as zod
 * does — same acceptance, same output — on valid and corrupted inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INVALID, compileFastValidator } from '../src/engine/fast-validate.js';
import { Sale } from '../src/schemas/sale.js';
import { saleArb } from './support/arbitraries.js';

const junk = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e16, '', 'x', '2026-03-02T10:00:00', '2026-02-30', '2026-03-02T10:00:00+08:00', '1990-01-01', [], {}, ['identity'], { level: 9 }),
  fc.string({ maxLength: 5 }),
  fc.integer(),
);

/** Replaces, deletes or adds one thing somewhere in the value. */
function corrupt(value: unknown, choice: number, replacement: unknown): unknown {
  const copy = structuredClone(value);
  const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        slots.push([v as Record<string, unknown>, Array.isArray(v) ? Number(k) : k]);
        walk((v as Record<string, unknown>)[k]);
      }
    }
  };
  walk(copy);
  if (slots.length === 0) return replacement;
  const [parent, key] = slots[choice % slots.length]!;
  const mode = choice % 3;
  if (mode === 0) (parent as Record<string, unknown>)[key as string] = replacement;
  else if (mode === 1 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
  else if (!Array.isArray(parent)) (parent as Record<string, unknown>)[`extra${choice % 5}`] = replacement;
  else (parent as unknown[]).push(replacement);
  return copy;
}

const fast = compileFastValidator(Sale)!;

describe('compileFastValidator', () => {
  it('compiles the Sale schema', () => {
    expect(fast).toBeTypeOf('function');
  });
  it('agrees with zod on valid sales, output included', () => {
    fc.assert(
      fc.property(saleArb, (sale) => {
        const zod = Sale.safeParse(sale);
        expect(zod.success).toBe(true);
        expect(fast(sale)).toEqual(zod.data);
      }),
      { numRuns: 500, seed: 1 },
    );
  });
  it('agrees with zod on corrupted sales', () => {
    let rejected = 0;
    fc.assert(
      fc.property(saleArb, fc.nat(), junk, (sale, choice, replacement) => {
        const input = corrupt(sale, choice, replacement);
        const zod = Sale.safeParse(input);
        const ours = fast(input);
        expect(ours === INVALID, JSON.stringify(input)).toBe(!zod.success);
        if (zod.success) expect(ours).toEqual(zod.data);
        else rejected += 1;
      }),
      { numRuns: 3000, seed: 2 },
    );
    expect(rejected).toBeGreaterThan(1000);
  });
  it('rejects __proto__ keys and non-plain objects that zod would also refuse or the guard must see', () => {
    const proto = JSON.parse('{"__proto__": {"x": 1}, "id": "S"}');
    expect(fast(proto)).toBe(INVALID);
    expect(fast(new Date())).toBe(INVALID);
  });
  it('declines schemas it cannot reproduce exactly', () => {
    expect(compileFastValidator(z.string().transform((s) => s.length))).toBeUndefined();
    expect(compileFastValidator(z.object({ a: z.string() }))).toBeUndefined(); // non-strict: zod strips unknown keys
    expect(compileFastValidator(z.record(z.string(), z.number()))).toBeUndefined();
  });
});
