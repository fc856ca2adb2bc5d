/**
 * Conditions behave exactly like json-rules-engine's, operator by operator,
 * including its quirks (numeric operators on numeric strings, contains on
 * non-arrays); unknown facts follow strong Kleene logic.
 */
import { Engine } from 'json-rules-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATORS, type Condition } from '../src/engine/conditions.js';
import { compileCondition, FALSE, TRUE, UNKNOWN } from '../src/engine/conditions.js';

const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('1', '2.5', 'x', '', 'true'), fc.boolean());
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));

async function jre(condition: Condition, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([{ conditions: { all: [condition] }, event: { type: 'hit' } }] as never, { allowUndefinedFacts: true });
  const { events } = await engine.run(facts);
  return events.length === 1;
}

describe('operators', () => {
  it('match json-rules-engine on arbitrary fact and condition values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATORS), value, value, async (operator, factValue, jsonValue) => {
        // in / notIn take an array value in json-rules-engine; other shapes throw there.
        if ((operator === 'in' || operator === 'notIn') && !Array.isArray(jsonValue)) return;
        const condition = { fact: 'f', operator, value: jsonValue } as Condition;
        const ours = compileCondition(condition)({ f: factValue });
        expect(ours === TRUE, `${JSON.stringify(factValue)} ${operator} ${JSON.stringify(jsonValue)}`).toBe(await jre(condition, { f: factValue }));
      }),
      { numRuns: 600, seed: 7 },
    );
  });

  it('compare one fact with another fact', async () => {
    const c: Condition = { fact: 'a', operator: 'lessThanInclusive', value: { fact: 'b' } };
    for (const [a, b] of [[1, 2], [2, 2], [3, 2]] as const) {
      expect(compileCondition(c)({ a, b }) === TRUE).toBe(await jre(c, { a, b }));
    }
  });

  it('apply a $.path inside an object fact like json-rules-engine, and pass non-objects through', async () => {
    const c: Condition = { fact: 'p', path: '$.age', operator: 'greaterThanInclusive', value: 18 };
    for (const p of [{ age: 20 }, { age: 10 }, 30]) {
      expect(compileCondition(c)({ p }) === TRUE).toBe(await jre(c, { p }));
    }
    expect(compileCondition(c)({ p: {} })).toBe(UNKNOWN);
  });
});

describe('unknown facts (strong Kleene logic)', () => {
  const known: Condition = { fact: 'k', operator: 'equal', value: 1 };
  const unknown: Condition = { fact: 'u', operator: 'equal', value: 1 };
  const facts = { k: 1 };
  it('a leaf on a missing fact is unknown, whatever the operator', () => {
    for (const operator of OPERATORS) {
      const v = operator === 'in' || operator === 'notIn' ? [1] : 1;
      expect(compileCondition({ fact: 'u', operator, value: v } as Condition)(facts)).toBe(UNKNOWN);
    }
  });
  it('any is decided by a true branch, all by a false one', () => {
    expect(compileCondition({ any: [known, unknown] })(facts)).toBe(TRUE);
    expect(compileCondition({ all: [known, unknown] })(facts)).toBe(UNKNOWN);
    expect(compileCondition({ all: [{ not: known }, unknown] })(facts)).toBe(FALSE);
    expect(compileCondition({ any: [{ not: known }, unknown] })(facts)).toBe(UNKNOWN);
    expect(compileCondition({ not: unknown })(facts)).toBe(UNKNOWN);
  });
  it('a decided result holds however the unknown facts turn out', () => {
    const leaf = (f: string, v: number): Condition => ({ fact: f, operator: 'equal', value: v });
    const tree = fc.letrec<{ c: Condition }>((tie) => ({
      c: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 1 })).map(([f, v]) => leaf(f, v)),
        fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
        fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
        tie('c').map((not) => ({ not })),
      ),
    })).c;
    const assignment = fc.record({ a: fc.integer({ min: 0, max: 1 }), b: fc.integer({ min: 0, max: 1 }), c: fc.integer({ min: 0, max: 1 }) });
    fc.assert(
      fc.property(tree, assignment, fc.subarray(['a', 'b', 'c']), (c, full, hidden) => {
        const partial: Record<string, number> = { ...full };
        for (const h of hidden) delete partial[h];
        const p = compileCondition(c);
        const withHidden = p(partial);
        if (withHidden !== UNKNOWN) expect(p(full)).toBe(withHidden);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
