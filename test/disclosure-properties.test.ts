/**
 * Properties of checkDisclosure on generated sales, against oracles written
 * here from the documented semantics (docs/disclosure.md), not from the code.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckResult, type SaleInput, checkDisclosure, defaultRulebook } from '../src/index.js';
import type { ProcessOrder } from '../src/schemas/rule.js';
import { disclosureSaleArb } from './support/arbitraries.js';
import { expectNoFailTurnedPass, fieldOf, removablePaths, unlessMalformed, without } from './support/removal.js';

afterEach(() => {
  vi.useRealTimers();
});

const ms = (s: string) => Date.parse(s);
const minute = (m: number) => `2026-03-02T${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`;

const orderRules = defaultRulebook.rules.flatMap((r) => ('order' in r && r.order ? [{ id: r.id, order: r.order }] : []));
const stepNames = [...new Set(orderRules.flatMap((r) => r.order.stages.flatMap((s) => s.steps)).filter((s) => !s.startsWith('verification:')))];
const checks = ['identity', 'contact', 'risk-tolerance', 'financial-status', 'income-premium', 'health-underwriting'] as const;

/** Brute force: is there any choice of one occurrence per recorded step that puts every stage at or after the earlier ones? */
function oracle(order: ProcessOrder, sale: SaleInput): 'pass' | 'fail' | 'indeterminate' {
  const signature = Math.min(ms(sale.signedAt), ...(sale.steps ?? []).filter((s) => s.step === 'signature').map((s) => ms(s.at)));
  // A pass counts unless the same check failed at or after it, by the signature. No recorded steps: unknown.
  const occurrences = (event: string): number[] | undefined => {
    if (event === 'signature') return [signature];
    if (event.startsWith('verification:')) {
      const records = (sale.verification ?? []).filter((v) => v.check === event.slice(13));
      const failures = records.filter((v) => v.result === 'failed').map((v) => ms(v.at));
      return records.filter((v) => v.result === 'passed' && !failures.some((f) => f >= ms(v.at) && f <= signature)).map((v) => ms(v.at));
    }
    if (!sale.steps?.length) return undefined;
    return sale.steps.filter((s) => s.step === event).map((s) => ms(s.at));
  };
  let missingFail = false;
  let missingUnknown = false;
  const present: Array<{ stage: number; times: number[] }> = [];
  order.stages.forEach((stage, i) => {
    for (const step of stage.steps) {
      const times = occurrences(step);
      if (times === undefined) missingUnknown = true;
      else if (times.length) present.push({ stage: i, times });
      else if (stage.ifMissing === 'fail') missingFail = true;
      else if (stage.ifMissing === 'indeterminate') missingUnknown = true;
    }
  });
  const chosen: number[] = [];
  const search = (k: number): boolean => {
    if (k === present.length) return true;
    for (const t of present[k]!.times) {
      const fits = present.slice(0, k).every((p, j) =>
        p.stage < present[k]!.stage ? chosen[j]! <= t : p.stage > present[k]!.stage ? chosen[j]! >= t : true,
      );
      if (!fits) continue;
      chosen[k] = t;
      if (search(k + 1)) return true;
    }
    return false;
  };
  if (missingFail || !search(0)) return 'fail';
  return missingUnknown ? 'indeterminate' : 'pass';
}

/** A sequence that satisfies every shipped order (docs/disclosure.md): the generator jitters, drops and repeats its steps. */
const CANONICAL = [
  'first-contact', 'needs-assessment', 'product-matching', 'product-introduction', 'recommendation', 'risk-warning',
  'plan-design', 'service-commitment', 'recommendation', 'confirmation', 'signature', 'payment', 'follow-up', 'receipt-sent',
] as const;

const timedSale = fc
  .record({
    jitter: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: CANONICAL.length, maxLength: CANONICAL.length }),
    keep: fc.array(fc.nat(29), { minLength: CANONICAL.length, maxLength: CANONICAL.length }),
    extra: fc.array(fc.tuple(fc.constantFrom(...stepNames), fc.integer({ min: 0, max: 110 })), { maxLength: 2 }),
    signatureAsStep: fc.boolean(),
    noSteps: fc.nat(19),
    verification: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.nat(14)), { minLength: checks.length, maxLength: checks.length }),
    channel: fc.constantFrom('agent', 'agent', 'direct'),
    line: fc.constantFrom('life', 'life', 'property'),
  })
  .map((g): SaleInput => {
    const at = (i: number) => Math.max(0, i * 8 + g.jitter[i]!);
    const steps: Array<{ step: (typeof CANONICAL)[number]; at: string }> = [];
    let signedAt = minute(at(CANONICAL.indexOf('signature')));
    CANONICAL.forEach((step, i) => {
      if (g.keep[i] === 0) return; // dropped (1 in 30)
      if (step === 'signature') {
        signedAt = minute(at(i));
        if (g.signatureAsStep) steps.push({ step, at: signedAt });
        return;
      }
      steps.push({ step, at: minute(at(i)) });
    });
    for (const [step, m] of g.extra) steps.push({ step: step as (typeof CANONICAL)[number], at: minute(m) });
    return {
      id: 'P',
      signedAt,
      channel: g.channel as 'agent',
      applicant: { kind: 'person' },
      insured: { kind: 'person' },
      product: { code: 'X', line: g.line as 'life', kind: g.line === 'life' ? 'term-life' : 'property-damage' },
      steps: g.noSteps === 0 ? [] : steps,
      // each check passes around the start, late (after 60 min) now and then, fails, or passes then fails
      verification: checks.flatMap((check, i): Array<{ check: (typeof checks)[number]; at: string; result: 'passed' | 'failed' }> => {
        const [m, roll] = g.verification[i]!;
        if (roll === 0) return [{ check, at: minute(m), result: 'failed' }];
        if (roll === 2) return [{ check, at: minute(Math.floor(m / 3)), result: 'passed' }, { check, at: minute(m + 20), result: 'failed' }];
        return [{ check, at: minute(roll === 1 ? 60 + m : Math.floor(m / 3)), result: 'passed' }];
      }),
      disclosures: [],
    };
  });

describe('order rules against a brute-force oracle', () => {
  it('find an in-order chain exactly when one exists', () => {
    fc.assert(
      fc.property(timedSale, (sale) => {
        const result = checkDisclosure(sale);
        for (const { id, order } of orderRules) {
          const f = result.findings.find((x) => x.ruleId === id);
          if (!f) continue; // not applicable to this channel or line
          expect(f.verdict, id).toBe(oracle(order, sale));
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});

describe('checkDisclosure on arbitrary sales', () => {
  const NEW_TYPE = ['participating', 'universal', 'unit-linked', 'variable'];
  it('never throws on a valid sale, gives a verdict, and explains every finding consistently', () => {
    fc.assert(
      fc.property(disclosureSaleArb, (sale) => {
        const result = checkDisclosure(sale);
        expect(['pass', 'fail', 'indeterminate', 'not-applicable']).toContain(result.verdict);
        expect(CheckResult.parse(result)).toEqual(result);
        const anyFail = result.findings.some((f) => f.verdict === 'fail' && f.severity !== 'warning');
        expect(result.verdict === 'fail').toBe(anyFail);
        for (const f of result.findings) {
          if (!Array.isArray(f.facts.requiredItems)) continue;
          const lists = ['missingItems', 'lateItems', 'improperItems', 'unacknowledgedItems'].map((k) => (f.facts[k] as string[] | undefined) ?? []);
          for (const l of lists) for (const item of l) expect(f.facts.requiredItems).toContain(item);
          if (f.verdict === 'pass' && f.facts.simplified !== true) expect(lists.flat()).toEqual([]);
          if (f.verdict === 'fail') expect(lists.flat().length).toBeGreaterThan(0);
          if (f.verdict === 'indeterminate') expect(f.missing?.length ?? 0).toBeGreaterThan(0);
        }
        // art. 22 oracle: each of its two items needs a record at or before the signature.
        const art22 = result.findings.find((f) => f.ruleId === 'sales-conduct-2023.art22.new-type-products');
        const caseDay = new Date(ms(sale.signedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
        expect(art22 !== undefined).toBe(NEW_TYPE.includes(sale.product.kind) && caseDay >= '2024-03-01');
        if (art22) {
          const deadline = Math.min(ms(sale.signedAt), ...(sale.steps ?? []).filter((s) => s.step === 'signature').map((s) => ms(s.at)));
          const expected =
            sale.disclosures === undefined
              ? 'indeterminate'
              : ['benefit-uncertainty', 'product-risks'].every((item) => sale.disclosures!.some((d) => d.item === item && ms(d.at) <= deadline))
                ? 'pass'
                : 'fail';
          expect(art22.verdict).toBe(expected);
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});

describe('checkDisclosure is deterministic', () => {
  it('gives the same result for the same sale, whatever the system clock says, with or without asOf', () => {
    vi.useFakeTimers();
    fc.assert(
      fc.property(disclosureSaleArb, (sale) => {
        vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
        expect(Date.now()).toBe(Date.UTC(2001, 0, 1));
        const early = checkDisclosure(sale);
        const judged = checkDisclosure(sale, { asOf: '2030-01-01T00:00:00+08:00' });
        expect(early.asOf).toBe(sale.signedAt);
        expect(checkDisclosure(structuredClone(sale))).toEqual(early);
        vi.setSystemTime(new Date('2049-07-15T12:34:56Z'));
        expect(checkDisclosure(sale)).toEqual(early);
        expect(checkDisclosure(sale, { asOf: '2030-01-01T00:00:00+08:00' })).toEqual(judged);
      }),
      { numRuns: 100, seed: 13 },
    );
  });
});

/**
 * Fields whose absence has a defined meaning rather than "unknown"
 * (docs/disclosure.md), and how the removal property treats them:
 * - `steps`, when a `signature` step comes before `signedAt`: the signature is
 *   the earlier of the two, so without the steps the items are due at
 *   `signedAt` — later. Left out of the property for such sales only (for the
 *   order rules, absent steps are unknown, which the property covers).
 * - `previousPurchase`, `simplifiedDisclosureConsent`,
 *   `product.simpleRightsAndObligations`: absent is "none" / "not simple", so
 *   the art. 25 simplification cannot apply — the stricter reading; kept in.
 * - A disclosure record with neither `acknowledgedAt` nor `confirmedBy` is
 *   "not acknowledged" — again stricter than either alone (unknown); kept in.
 * Everything else is unknown when absent: `disclosures`, `verification`, a
 * record's `conspicuous`, `explained`, `acknowledgementForm`. Removing a
 * field required inside an optional object (a step's `at`) is malformed input.
 */
/** What the disclosure check reads of a sale, besides the required fields: every other field is the eligibility check's. */
const READ = ['steps', 'disclosures', 'verification', 'previousPurchase', 'simplifiedDisclosureConsent'] as const;
const READ_PRODUCT = ['group', 'simpleRightsAndObligations'] as const;
const readsOnly = (sale: SaleInput): SaleInput =>
  JSON.parse(
    JSON.stringify({
      id: sale.id,
      signedAt: sale.signedAt,
      channel: sale.channel,
      applicant: { kind: sale.applicant.kind },
      insured: { kind: sale.insured.kind },
      product: { code: sale.product.code, line: sale.product.line, kind: sale.product.kind, ...Object.fromEntries(READ_PRODUCT.map((k) => [k, sale.product[k]])) },
      ...Object.fromEntries(READ.map((k) => [k, sale[k]])),
    }),
  );

describe('checkDisclosure fails closed', () => {
  it('removing a fact never turns a failing sale or rule into a passing one', () => {
    let removed = 0;
    fc.assert(
      fc.property(disclosureSaleArb, (full) => {
        const before = checkDisclosure(full);
        // The eligibility check's fields play no part: without them the result is the same.
        const sale = readsOnly(full);
        expect(checkDisclosure(sale)).toEqual(before);
        const earlySignature = (sale.steps ?? []).some((s) => s.step === 'signature' && ms(s.at) < ms(sale.signedAt));
        for (const path of removablePaths(sale, new Set(earlySignature ? ['steps'] : []))) {
          const after = unlessMalformed(() => checkDisclosure(without(sale, path)));
          if (!after) continue;
          removed += 1;
          expectNoFailTurnedPass(before, after, path);
          if (fieldOf(path) === 'steps' && !earlySignature) expect(after.asOf).toBe(before.asOf);
        }
      }),
      { numRuns: 150, seed: 37 },
    );
    expect(removed).toBeGreaterThan(1000);
  });
});
