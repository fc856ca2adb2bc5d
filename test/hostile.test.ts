/**
 * Hostile and broken inputs are refused with an InputError naming the path —
 * never executed, never a verdict, never a pass.
 */
import { describe, expect, it } from 'vitest';
import { InputError, checkSalesEligibility, type SaleInput } from '../src/index.js';
import { compliantSale } from './support/sales.js';

function rejectedAt(input: unknown): string[] {
  try {
    checkSalesEligibility(input as SaleInput);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).issues.length).toBeGreaterThan(0);
    for (const i of (e as InputError).issues) expect(i.message.length).toBeGreaterThan(3);
    return (e as InputError).issues.map((i) => i.path);
  }
  throw new Error('expected an InputError');
}

describe('hostile sales', () => {
  const sale = compliantSale();
  const cases: Array<[string, unknown, string]> = [
    ['naive signing time', { ...sale, signedAt: '2026-03-02T10:00:00' }, 'signedAt'],
    ['naive step time', { ...sale, steps: [{ step: 'signature', at: '2026-03-02 10:00' }] }, 'steps[0].at'],
    ['impossible date', { ...sale, applicant: { ...sale.applicant, birthDate: '2025-02-30' } }, 'applicant.birthDate'],
    ['impossible instant', { ...sale, signedAt: '2026-02-29T10:00:00+08:00' }, 'signedAt'],
    ['negative money', { ...sale, sumInsured: -5 }, 'sumInsured'],
    ['NaN', { ...sale, sumInsured: Number.NaN }, 'sumInsured'],
    ['Infinity', { ...sale, premium: { ...sale.premium!, amount: Number.POSITIVE_INFINITY } }, 'premium.amount'],
    ['a number as text', { ...sale, sumInsured: '500000' }, 'sumInsured'],
    ['huge string', { ...sale, id: 'x'.repeat(1_000_000) }, 'id'],
    ['unknown channel', { ...sale, channel: 'wechat-group' }, 'channel'],
    ['unknown product kind', { ...sale, product: { ...sale.product, kind: 'lottery' } }, 'product.kind'],
    ['risk level out of scale', { ...sale, product: { ...sale.product, riskLevel: 6 } }, 'product.riskLevel'],
    ['fractional risk level', { ...sale, product: { ...sale.product, riskLevel: 2.5 } }, 'product.riskLevel'],
    ['unknown key', { ...sale, applicant: { ...sale.applicant, age: 40 } }, 'applicant'],
    ['a function', { ...sale, id: () => 'x' }, 'id'],
    ['not an object', 'DROP TABLE sales', '(root)'],
    ['null', null, '(root)'],
  ];
  for (const [name, input, path] of cases) {
    it(`refuses ${name} at ${path}`, () => {
      expect(rejectedAt(input)).toContain(path);
    });
  }

  it('refuses __proto__ and constructor keys without touching any prototype', () => {
    const proto = JSON.parse(`{"__proto__": {"isAdmin": true}, ${JSON.stringify(sale).slice(1)}`);
    expect(rejectedAt(proto)).toContain('__proto__');
    const ctor = { ...sale, product: { ...sale.product, constructor: { prototype: { x: 1 } } } };
    expect(rejectedAt(ctor)).toContain('product.constructor');
    expect((Object.prototype as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses deep nesting without overflowing the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const paths = rejectedAt({ ...sale, recording: deep });
    expect(paths[0]).toMatch(/^recording(\.a)+$/);
  });

  it('refuses oversized arrays', () => {
    const steps = Array.from({ length: 20_000 }, () => ({ step: 'signature', at: sale.signedAt }));
    expect(rejectedAt({ ...sale, steps })).toContain('steps');
  });
});
