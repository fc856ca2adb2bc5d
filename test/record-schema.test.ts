/**
 * Records take the fast validation path compiled from the ArchiveRecord zod
 * schema: it must decide exactly as zod does, on valid and corrupted records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVALID, compileFastValidator } from '../src/engine/fast-validate.js';
import { ArchiveRecord, RecordKind } from '../src/schemas/record.js';

const day = fc
  .record({ y: fc.integer({ min: 1895, max: 2205 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const eventDate = fc.oneof(
  day,
  fc.tuple(day, fc.constantFrom('T10:00:00+08:00', 'T23:59:59Z', 'T00:00:00-05:00', 'T10:00:00', 'T25:00:00Z')).map(([a, b]) => a + b),
  fc.constantFrom('2024-02-29', '2023-02-29', 'yesterday', ''),
);
const recordArb = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 8 }),
    kind: fc.constantFrom(...RecordKind.options),
    policyTermMonths: fc.oneof(fc.integer({ min: 1, max: 2400 }), fc.constant('whole-life' as const)),
    contractTerminatedAt: fc.option(eventDate),
    relationshipEndedAt: fc.option(eventDate),
    transactionAt: fc.option(eventDate),
    disputes: fc.array(fc.record({ openedAt: eventDate, resolvedAt: fc.option(eventDate) }, { requiredKeys: ['openedAt'] }), { maxLength: 3 }),
    legalHold: fc.boolean(),
    appraisal: fc.record({ approvedAt: eventDate }),
  },
  { requiredKeys: ['id', 'kind'] },
);
const junk = fc.constantFrom(null, undefined, true, 0, -1, 1.5, 13, '', 'x', 'whole-life', '2024-02-29', '2024-02-29T10:00:00', [], {}, [{}]);

function corrupt(value: unknown, choice: number, replacement: unknown): unknown {
  const copy = structuredClone(value);
  const slots: Array<[Record<string, unknown>, string]> = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        slots.push([v as Record<string, unknown>, k]);
        walk((v as Record<string, unknown>)[k]);
      }
    }
  };
  walk(copy);
  if (slots.length === 0) return replacement;
  const [parent, key] = slots[choice % slots.length]!;
  if (choice % 2 === 0) parent[key] = replacement;
  else delete parent[key];
  return copy;
}

describe('the ArchiveRecord schema', () => {
  const fast = compileFastValidator(ArchiveRecord);

  it('compiles to a fast validator', () => {
    expect(fast).toBeTypeOf('function');
  });

  it('decides as zod does on generated and corrupted records, output included', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(recordArb, fc.nat(), junk, fc.boolean(), (record, choice, replacement, damage) => {
        const input = damage ? corrupt(record, choice, replacement) : record;
        const zod = ArchiveRecord.safeParse(input);
        const ours = fast!(input);
        // Never accept what zod rejects; accept with zod's output, or decline (an explicit undefined) for zod to decide.
        if (!zod.success) {
          expect(ours, JSON.stringify(input)).toBe(INVALID);
          rejected += 1;
        } else if (ours !== INVALID) {
          expect(ours).toEqual(zod.data);
          accepted += 1;
        }
      }),
      { numRuns: 3000, seed: 5 },
    );
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(300);
  });
});
