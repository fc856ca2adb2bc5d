/**
 * Properties every public check must keep on any valid input: it never throws,
 * it always gives a verdict, it is deterministic, and taking a fact away never
 * turns a failure into a pass (fail closed).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InputError, checkSalesEligibility, type CheckResult, type SaleInput } from '../src/index.js';
import { saleArb } from './support/arbitraries.js';

const VERDICTS = ['pass', 'fail', 'indeterminate', 'not-applicable'];
const rank = { pass: 0, 'not-applicable': 0, indeterminate: 1, fail: 2 } as const;

/**
 * Every optional path of a sale, to delete one at a time — except overrides
 * whose absence has a documented meaning rather than being unknown:
 * `deathSumInsured` (absent: the sum insured) and `product.group` (absent: individual).
 */
function optionalPaths(sale: SaleInput): string[][] {
  const required = new Set(['deathSumInsured', 'product.group', 'id', 'signedAt', 'channel', 'applicant', 'insured', 'product', 'applicant.kind', 'insured.kind', 'product.code', 'product.line', 'product.kind', 'premium.amount', 'premium.mode']);
  const out: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (path.length && !required.has(path.join('.'))) out.push(path);
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k]);
  };
  walk(sale, []);
  return out;
}
function without(sale: SaleInput, path: string[]): SaleInput {
  const copy = structuredClone(sale) as Record<string, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  delete cur[path[path.length - 1]!];
  return copy as SaleInput;
}
const failedIds = (r: CheckResult) => new Set([...r.findings, ...r.obligations].filter((f) => f.verdict === 'fail').map((f) => f.ruleId));

describe('checkSalesEligibility on generated sales', () => {
  it('never throws on a valid sale and always gives a verdict, the same one each time', () => {
    fc.assert(
      fc.property(saleArb, (sale) => {
        const a = checkSalesEligibility(sale);
        expect(VERDICTS).toContain(a.verdict);
        expect(checkSalesEligibility(structuredClone(sale))).toEqual(a);
        for (const f of [...a.findings, ...a.obligations]) {
          expect(f.citation.quote.length).toBeGreaterThan(0);
          if (f.verdict === 'indeterminate') expect(f.missing?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('does not depend on the system clock, with or without asOf', () => {
    vi.useFakeTimers();
    try {
      fc.assert(
        fc.property(saleArb, (sale) => {
          vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
          expect(Date.now()).toBe(Date.UTC(2001, 0, 1));
          const early = checkSalesEligibility(sale);
          const judged = checkSalesEligibility(sale, { asOf: '2030-01-01T00:00:00+08:00' });
          expect(early.asOf).toBe(sale.signedAt);
          vi.setSystemTime(new Date('2049-07-15T12:34:56Z'));
          expect(checkSalesEligibility(sale)).toEqual(early);
          expect(checkSalesEligibility(sale, { asOf: '2030-01-01T00:00:00+08:00' })).toEqual(judged);
        }),
        { numRuns: 200, seed: 4 },
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('removing a fact never turns a failure into a pass', () => {
    fc.assert(
      fc.property(saleArb, fc.nat(), (sale, pick) => {
        const paths = optionalPaths(sale);
        if (paths.length === 0) return;
        const path = paths[pick % paths.length]!;
        const before = checkSalesEligibility(sale);
        let after: CheckResult;
        try {
          after = checkSalesEligibility(without(sale, path));
        } catch (e) {
          // Removing a field that is required inside an optional object (e.g. riskTolerance.level) is malformed input.
          expect(e).toBeInstanceOf(InputError);
          return;
        }
        // The overall verdict can only stay or move towards indeterminate/fail...
        if (before.verdict === 'fail') expect(after.verdict, `removing ${path.join('.')}`).not.toBe('pass');
        expect(rank[after.verdict]).toBeGreaterThanOrEqual(before.verdict === 'fail' ? 1 : 0);
        // ...and no rule that failed may pass without the fact.
        const afterById = new Map([...after.findings, ...after.obligations].map((f) => [f.ruleId, f.verdict]));
        for (const id of failedIds(before)) {
          expect(afterById.get(id) ?? 'not-applicable', `${id} after removing ${path.join('.')}`).not.toBe('pass');
        }
      }),
      { numRuns: 800, seed: 5 },
    );
  });
});
