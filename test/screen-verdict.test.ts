/**
 * The lean screening judgement must say exactly what the full result says:
 * same verdict, same failing rules in the same order, same missing paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disclosureCheck } from '../src/checks/disclosure/definition.js';
import { eligibilityCheck } from '../src/checks/eligibility/definition.js';
import { runCheck, screenCheck } from '../src/checks/run.js';
import { InputError } from '../src/errors.js';
import { saleArb } from './support/arbitraries.js';

describe('screenCheck', () => {
  for (const def of [eligibilityCheck, disclosureCheck]) {
    it(`agrees with the full ${def.check} result on generated sales`, () => {
      fc.assert(
        fc.property(saleArb, (sale) => {
          let result;
          try {
            result = runCheck(def as never, sale).result;
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            expect(() => screenCheck(def as never, sale)).toThrow(InputError);
            return;
          }
          const lean = screenCheck(def as never, sale);
          const all = [...result.findings, ...result.obligations];
          expect(lean.id).toBe(result.id);
          expect(lean.verdict).toBe(result.verdict);
          const order = (ids: string[]) => [...ids].sort();
          expect(order(lean.failed)).toEqual(order(all.filter((f) => f.verdict === 'fail').map((f) => f.ruleId)));
          expect(order(lean.missing)).toEqual(order([...new Set(all.flatMap((f) => f.missing ?? []))]));
        }),
        { numRuns: 400, seed: 17 },
      );
    });
  }
});
