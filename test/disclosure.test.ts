import { describe, expect, it } from 'vitest';
import {
  type CheckResult,
  DISCLOSURE_ITEM_IDS,
  type Finding,
  InputError,
  type SaleInput,
  checkDisclosure,
  createRulebook,
  defaultRulebook,
  deriveFacts,
  toJsonRulesEngineRules,
} from '../src/index.js';

/** 2 March 2026 (Monday), Beijing time. */
const at = (hhmm: string, day = '2026-03-02') => `${day}T${hhmm}:00+08:00`;

const CONFIRMED = new Set(['application-declaration', 'prompt-letter', 'exclusions', 'risk-tolerance-confirmation', 'purchase-intention']);

/** A complete, well-ordered agency sale of a participating life product, built here independently of the fixtures. */
function completeSale(): SaleInput & { disclosures: NonNullable<SaleInput['disclosures']>; steps: NonNullable<SaleInput['steps']> } {
  const steps: Array<[NonNullable<SaleInput['steps']>[number]['step'], string]> = [
    ['first-contact', '08:30'],
    ['needs-assessment', '08:45'],
    ['product-matching', '09:00'],
    ['product-introduction', '09:05'],
    ['recommendation', '09:10'],
    ['risk-warning', '09:20'],
    ['plan-design', '09:30'],
    ['service-commitment', '09:35'],
    ['recommendation', '09:40'],
    ['confirmation', '09:50'],
    ['signature', '10:00'],
  ];
  return {
    id: 'T-1',
    signedAt: at('10:00'),
    channel: 'agent',
    applicant: { kind: 'person', birthDate: '1980-01-15' },
    insured: { kind: 'person', birthDate: '1980-01-15', relationToApplicant: 'self' },
    product: { code: 'PAR-T', line: 'life', kind: 'participating' },
    steps: steps.map(([step, t]) => ({ step, at: at(t) })),
    verification: (['identity', 'contact', 'risk-tolerance', 'financial-status', 'income-premium', 'health-underwriting'] as const).map(
      (check) => ({ check, at: at('08:50'), result: 'passed' as const }),
    ),
    disclosures: DISCLOSURE_ITEM_IDS.map((item) => ({
      item,
      at: at('09:20'),
      method: 'written' as const,
      ...(item === 'exclusions' || item === 'standard-terms' ? { conspicuous: true, explained: true } : {}),
      ...(CONFIRMED.has(item)
        ? { acknowledgedAt: at('09:55'), confirmedBy: 'applicant' as const, acknowledgementForm: 'electronic' as const }
        : {}),
    })),
  };
}

const finding = (r: CheckResult, id: string): Finding => {
  const f = r.findings.find((x) => x.ruleId === id);
  if (!f) throw new Error(`${id} did not apply`);
  return f;
};
const failed = (r: CheckResult) => r.findings.filter((f) => f.verdict === 'fail').map((f) => f.ruleId).sort();

const DISCLOSURE_RULE_IDS = defaultRulebook.compiled.disclosure.map((c) => c.rule.id);

describe('checkDisclosure: the cases the issue names', () => {
  it('passes a complete, well-ordered sale on every disclosure and order rule that applies', () => {
    const r = checkDisclosure(completeSale());
    expect(r.verdict).toBe('pass');
    expect(r.findings.every((f) => f.verdict === 'pass')).toBe(true);
    // Everything but the property-line verification rule applies to an agency life sale in 2026.
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(
      DISCLOSURE_RULE_IDS.filter((id) => id !== 'biz-process-2025.verified-before-signature.other-lines').sort(),
    );
    expect(r.check).toBe('disclosure');
    expect(r.asOf).toBe(at('10:00'));
  });

  it('fails a sale where nothing was disclosed, citing each source and section', () => {
    const r = checkDisclosure({ ...completeSale(), disclosures: [] });
    expect(r.verdict).toBe('fail');
    const cited = new Set(r.findings.filter((f) => f.verdict === 'fail').map((f) => `${f.citation.source} ${f.citation.section}`));
    for (const c of [
      'sales-conduct-2023 art. 22',
      'sales-conduct-2023 art. 25',
      'sales-conduct-2023 art. 26',
      'sales-conduct-2023 art. 29',
      'insurance-law-2015 art. 17',
      'suitability-2025 art. 37',
      'mkt-service-2025 2.2',
      'mkt-service-2025 2.3(4)',
      'mkt-cs-guide 2.2(2)',
      'mkt-cs-guide 3.1.1',
      'agency-ops 3.2',
    ]) {
      expect(cited, c).toContain(c);
    }
    const art26 = finding(r, 'sales-conduct-2023.art26.exclusions');
    expect(art26.facts.missingItems).toEqual(['exclusions']);
    expect(art26.message.en).toContain('exclusions');
  });

  it('fails a sale signed before the risk warning, naming the signature and when each step came', () => {
    const sale = completeSale();
    // Everything handed over at 09:20 but signed at 09:15, before the 09:20 risk warning.
    sale.signedAt = at('09:15');
    sale.steps = sale.steps.map((s) => (s.step === 'signature' ? { ...s, at: at('09:15') } : s));
    sale.disclosures = sale.disclosures.map((d) => ({ ...d, at: at('09:12'), ...(d.acknowledgedAt ? { acknowledgedAt: at('09:14') } : {}) }));
    const r = checkDisclosure(sale);
    expect(r.verdict).toBe('fail');
    const order = finding(r, 'mkt-service-2025.sales-process-order');
    expect(order.verdict).toBe('fail');
    expect(order.citation.section).toBe('2.3');
    expect(order.facts.outOfOrder).toEqual(['signature']);
    expect(order.facts.orderProblems).toEqual([{ step: 'signature', at: at('09:15'), mustFollow: 'risk-warning', mustFollowAt: at('09:20') }]);
    expect(order.facts.stepTimeline).toContain(`risk-warning@${at('09:20')}`);
    expect(order.facts.stepTimeline).toContain(`signature@${at('09:15')}`);
  });

  it('fails a participating product sold with every other item but the uncertainty warning under art. 22', () => {
    const sale = completeSale();
    sale.disclosures = sale.disclosures.filter((d) => d.item !== 'benefit-uncertainty');
    const r = checkDisclosure(sale);
    expect(failed(r)).toEqual(['sales-conduct-2023.art22.new-type-products', 'suitability-2025.art37.items']);
    const f = finding(r, 'sales-conduct-2023.art22.new-type-products');
    expect(f.citation).toMatchObject({ source: 'sales-conduct-2023', section: 'art. 22' });
    expect(f.facts.missingItems).toEqual(['benefit-uncertainty']);
    expect(f.message.zh).toContain('benefit-uncertainty');
  });
});

describe('items: missing, late, not as demanded, unacknowledged', () => {
  it('names a late item, and accepts one disclosed at the very instant of signing', () => {
    const sale = completeSale();
    sale.disclosures = sale.disclosures.map((d) => (d.item === 'grace-period' ? { ...d, at: at('10:01') } : d));
    let r = checkDisclosure(sale);
    expect(failed(r)).toEqual(['sales-conduct-2023.art25.prompts']);
    expect(finding(r, 'sales-conduct-2023.art25.prompts').facts.lateItems).toEqual(['grace-period']);
    sale.disclosures = sale.disclosures.map((d) => (d.item === 'grace-period' ? { ...d, at: at('10:00') } : d));
    r = checkDisclosure(sale);
    expect(r.verdict).toBe('pass');
  });

  it('combines the conspicuous prompt and the explanation from separate records, each in time', () => {
    const sale = completeSale();
    sale.disclosures = sale.disclosures.map((d) => (d.item === 'exclusions' ? { ...d, explained: false } : d));
    expect(failed(checkDisclosure(sale))).toEqual(['insurance-law-2015.art17.exclusions', 'sales-conduct-2023.art26.exclusions']);
    sale.disclosures.push({ item: 'exclusions', at: at('09:25'), method: 'oral', explained: true });
    expect(checkDisclosure(sale).verdict).toBe('pass');
  });

  it('says why an acknowledgement does not count', () => {
    const sale = completeSale();
    sale.disclosures = sale.disclosures.map((d) =>
      d.item === 'exclusions' ? { ...d, confirmedBy: 'salesperson' as const } : d.item === 'prompt-letter' ? { ...d, acknowledgementForm: 'oral' as const } : d,
    );
    const f = finding(checkDisclosure(sale), 'sales-conduct-2023.art29.applicant-confirms');
    expect(f.verdict).toBe('fail');
    expect(f.facts.unacknowledgedItems).toEqual(['prompt-letter', 'exclusions']);
    expect(f.facts.itemProblems).toEqual([
      expect.objectContaining({ item: 'prompt-letter', problems: ['acknowledged-oral'] }),
      expect.objectContaining({ item: 'exclusions', problems: ['confirmed-by-salesperson'] }),
    ]);
  });

  it('is indeterminate, naming the field, when a record leaves out what the rule needs', () => {
    const sale = completeSale();
    const i = sale.disclosures.findIndex((d) => d.item === 'exclusions');
    const { confirmedBy: _omit, ...rest } = sale.disclosures[i]!;
    sale.disclosures[i] = rest;
    const r = checkDisclosure(sale);
    expect(r.verdict).toBe('indeterminate');
    const f = finding(r, 'sales-conduct-2023.art29.applicant-confirms');
    expect(f.verdict).toBe('indeterminate');
    expect(f.missing).toEqual([`disclosures[${i}].confirmedBy`]);
    expect(f.facts.unresolvedItems).toEqual(['exclusions']);
  });

  it('treats an absent disclosure record as unknown and an empty one as nothing disclosed', () => {
    const { disclosures: _d, ...absent } = completeSale();
    const r = checkDisclosure(absent);
    expect(r.verdict).toBe('indeterminate');
    expect(r.findings.filter((f) => f.verdict === 'indeterminate').every((f) => f.missing?.includes('disclosures'))).toBe(true);
    expect(checkDisclosure({ ...completeSale(), disclosures: [] }).verdict).toBe('fail');
  });
});

describe('order: what "in order" means', () => {
  it('lets a repeated step satisfy an order; an earlier premature occurrence does no harm', () => {
    // The complete sale recommends at 09:10 (before the plan design) and again at 09:40 (after it).
    const sale = completeSale();
    expect(finding(checkDisclosure(sale), 'agency-ops.sales-process-order.overview').verdict).toBe('pass');
    sale.steps = sale.steps.filter((s) => !(s.step === 'recommendation' && s.at === at('09:40')));
    const f = finding(checkDisclosure(sale), 'agency-ops.sales-process-order.overview');
    expect(f.verdict).toBe('fail');
    expect(f.facts.orderProblems).toEqual([{ step: 'recommendation', at: at('09:10'), mustFollow: 'plan-design', mustFollowAt: at('09:30') }]);
  });

  it('treats steps at the same instant as in order', () => {
    const sale = completeSale();
    sale.steps = sale.steps.map((s) => (s.step === 'confirmation' || s.step === 'risk-warning' ? { ...s, at: s.step === 'confirmation' ? at('10:00') : at('09:10') } : s));
    sale.disclosures = sale.disclosures.map((d) => ({ ...d, at: at('09:10') }));
    expect(checkDisclosure(sale).verdict).toBe('pass');
  });

  it('uses the earlier of signedAt and the first signature step as the signature', () => {
    const sale = completeSale();
    sale.steps = sale.steps.map((s) => (s.step === 'signature' ? { ...s, at: at('09:19') } : s));
    const r = checkDisclosure(sale);
    expect(finding(r, 'sales-conduct-2023.art22.new-type-products').facts.deadlineAt).toBe(at('09:19'));
    expect(finding(r, 'sales-conduct-2023.art22.new-type-products').facts.lateItems).toEqual(['benefit-uncertainty', 'product-risks']);
  });

  it('fails, is indeterminate or ignores a missing step as its stage says', () => {
    const without = (step: string) => {
      const sale = completeSale();
      sale.steps = sale.steps.filter((s) => s.step !== step);
      return checkDisclosure(sale);
    };
    // mkt-service-2025 §2.3 demands every step (應遵循).
    expect(finding(without('product-matching'), 'mkt-service-2025.sales-process-order').facts.missingSteps).toEqual(['product-matching']);
    expect(finding(without('product-matching'), 'mkt-service-2025.sales-process-order').verdict).toBe('fail');
    // agency-ops §3.2 stages are what the process "usually includes" (通常包括).
    const r = without('first-contact');
    expect(finding(r, 'agency-ops.sales-process-order.stages').verdict).toBe('indeterminate');
    expect(finding(r, 'agency-ops.sales-process-order.stages').missing).toEqual(['steps']);
    // The receipt follows the sale: not recorded yet, not required.
    const complete = finding(checkDisclosure(completeSale()), 'mkt-service-2025.sales-process-order');
    expect(complete.verdict).toBe('pass');
    expect(complete.facts.stepTimeline).toContain('receipt-sent@—');
  });

  it('orders verifications: only passed ones count', () => {
    const sale = completeSale();
    sale.verification = sale.verification!.map((v) => (v.check === 'contact' ? { ...v, result: 'failed' as const } : v));
    const f = finding(checkDisclosure(sale), 'biz-process-2025.verified-before-signature.personal-lines');
    expect(f.verdict).toBe('fail');
    expect(f.facts.missingSteps).toEqual(['verification:contact']);
  });
});

describe('the three-month simplification of art. 25', () => {
  const repeatSale = (previousAt: string, day = '2026-03-02') => {
    const sale = completeSale();
    sale.signedAt = at('10:00', day);
    sale.steps = sale.steps.map((s) => ({ ...s, at: s.at.replace('2026-03-02', day) }));
    sale.verification = sale.verification!.map((v) => ({ ...v, at: v.at.replace('2026-03-02', day) }));
    sale.disclosures = sale.disclosures
      .filter((d) => !['grace-period', 'waiting-period', 'main-terms'].includes(d.item))
      .map((d) => ({ ...d, at: d.at.replace('2026-03-02', day), ...(d.acknowledgedAt ? { acknowledgedAt: d.acknowledgedAt.replace('2026-03-02', day) } : {}) }));
    sale.product = { ...sale.product, simpleRightsAndObligations: true };
    sale.previousPurchase = { at: previousAt, sameInsurer: true, sameProduct: true };
    sale.simplifiedDisclosureConsent = { at: at('08:40', day), by: 'applicant' };
    return sale;
  };
  const prompts = (sale: SaleInput) => finding(checkDisclosure(sale), 'sales-conduct-2023.art25.prompts');

  it('applies through the corresponding day three months on, with month-end clamping', () => {
    expect(prompts(repeatSale('2025-12-02T20:00:00+08:00')).verdict).toBe('pass');
    expect(prompts(repeatSale('2025-12-02T20:00:00+08:00')).facts.simplified).toBe(true);
    expect(prompts(repeatSale('2025-12-01T20:00:00+08:00')).verdict).toBe('fail');
    expect(prompts(repeatSale('2025-11-30T20:00:00+08:00', '2026-02-28')).verdict).toBe('pass');
    expect(prompts(repeatSale('2025-11-30T20:00:00+08:00', '2026-03-01')).facts.missingItems).toEqual(['main-terms', 'grace-period', 'waiting-period']);
  });

  it('counts the earlier application by its Beijing date', () => {
    // 1 December 16:30 UTC is 2 December 00:30 in Beijing: three months on is 2 March, the signing date. 15:30 UTC is still 1 December.
    expect(prompts(repeatSale('2025-12-01T16:30:00Z')).verdict).toBe('pass');
    expect(prompts(repeatSale('2025-12-01T15:30:00Z')).verdict).toBe('fail');
  });

  it('needs the applicant\'s own consent, given by the signature', () => {
    const sale = repeatSale('2026-01-20T10:00:00+08:00');
    expect(prompts(sale).verdict).toBe('pass');
    expect(prompts({ ...sale, simplifiedDisclosureConsent: { at: at('08:40'), by: 'salesperson' } }).verdict).toBe('fail');
    expect(prompts({ ...sale, simplifiedDisclosureConsent: { at: at('10:05'), by: 'applicant' } }).verdict).toBe('fail');
  });

  it('does not touch the exclusion rules or the standard terms', () => {
    const sale = repeatSale('2026-01-20T10:00:00+08:00');
    sale.disclosures = sale.disclosures.filter((d) => d.item !== 'standard-terms' && d.item !== 'exclusions');
    const r = checkDisclosure(sale);
    expect(finding(r, 'sales-conduct-2023.art25.prompts').verdict).toBe('pass');
    expect(finding(r, 'sales-conduct-2023.art25.terms-and-description').verdict).toBe('fail');
    expect(finding(r, 'sales-conduct-2023.art26.exclusions').verdict).toBe('fail');
    expect(finding(r, 'sales-conduct-2023.art29.applicant-confirms').verdict).toBe('fail');
  });

  it('derives the simplification facts, false unless the sale records them', () => {
    expect(deriveFacts('disclosure', completeSale())).toMatchObject({
      previousPurchaseSameInsurer: false,
      simplificationConsented: false,
      productSimpleRightsAndObligations: false,
    });
    expect(deriveFacts('disclosure', repeatSale('2026-01-20T10:00:00+08:00')).previousPurchaseMonthsAgo).toBe(2);
  });
});

describe('effective dating and time zones', () => {
  it('applies art. 37 from 1 February 2026 in Beijing, whatever the offset written', () => {
    const sale = { ...completeSale(), disclosures: [] };
    const applies = (signedAt: string) =>
      checkDisclosure({ ...sale, signedAt, steps: sale.steps.filter((s) => s.step !== 'signature') }).findings.some(
        (f) => f.ruleId === 'suitability-2025.art37.items',
      );
    expect(applies('2026-01-31T23:59:00+08:00')).toBe(false);
    expect(applies('2026-01-31T16:00:00Z')).toBe(true);
    expect(applies('2026-01-31T15:59:00Z')).toBe(false);
  });

  it('gives the same result under any host time zone', () => {
    const sale = completeSale();
    sale.disclosures = sale.disclosures.filter((d) => d.item !== 'cooling-off');
    const original = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        results.push(JSON.stringify(checkDisclosure(sale)));
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(new Set(results).size).toBe(1);
  });
});

describe('input errors', () => {
  const rejects = (sale: unknown, path: string) => {
    try {
      checkDisclosure(sale as SaleInput);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues.map((i) => i.path)).toContain(path);
      return;
    }
    throw new Error('expected an InputError');
  };

  it('rejects an item outside the vocabulary', () => {
    const sale = completeSale();
    rejects({ ...sale, disclosures: [{ item: 'exclusion', at: at('09:00') }] }, 'disclosures[0].item');
  });

  it('rejects an acknowledgement before the disclosure, and an earlier application after this one', () => {
    const sale = completeSale();
    rejects({ ...sale, disclosures: [{ item: 'exclusions', at: at('09:00'), acknowledgedAt: at('08:59') }] }, 'disclosures[0].acknowledgedAt');
    rejects({ ...sale, previousPurchase: { at: at('10:01'), sameInsurer: true, sameProduct: true } }, 'previousPurchase.at');
  });
});

describe('rule files with disclosure rules', () => {
  const ruleSet = (rule: Record<string, unknown>) => ({
    source: 'sales-conduct-2023',
    version: '9.0.0',
    document: { title: { zh: '测试', en: 'Test' }, nature: 'regulation' },
    rules: [
      {
        id: 'sales-conduct-2023.test.rule',
        check: 'disclosure',
        title: { zh: '测试', en: 'Test' },
        message: { zh: '缺少：{missingItems}', en: 'Missing: {missingItems}' },
        citation: { source: 'sales-conduct-2023', section: 'art. 25', quote: '犹豫期' },
        effective: { from: null, to: null },
        severity: 'violation',
        ...rule,
      },
    ],
  });
  const issues = (rule: Record<string, unknown>) => {
    try {
      createRulebook({ rulesets: [ruleSet(rule)] });
      return [];
    } catch (e) {
      return (e as { issues: Array<{ pointer: string; message: string }> }).issues;
    }
  };

  it('judges a user rule set by its own items', () => {
    const rulebook = createRulebook({ rulesets: [ruleSet({ disclose: { items: ['cooling-off', 'grace-period'], deadline: 'application' } })] });
    const sale = completeSale();
    sale.disclosures = sale.disclosures.filter((d) => d.item !== 'grace-period');
    const r = checkDisclosure(sale, { rulebook });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message.en).toBe('Missing: grace-period');
  });

  it('rejects an unknown item, a doubled item, and a rule with both or neither body', () => {
    expect(issues({ disclose: { items: ['cooling-of'], deadline: 'signature' } }).map((i) => i.pointer)).toContain('/rules/0/disclose/items/0');
    expect(issues({ disclose: { items: ['cooling-off', 'cooling-off'], deadline: 'signature' } }).map((i) => i.pointer)).toContain(
      '/rules/0/disclose/items',
    );
    expect(issues({}).map((i) => i.message).join()).toMatch(/exactly one of "disclose"/);
    expect(
      issues({
        disclose: { items: ['cooling-off'], deadline: 'signature' },
        order: { stages: [{ steps: ['needs-assessment'], ifMissing: 'fail' }, { steps: ['signature'], ifMissing: 'fail' }] },
      }).map((i) => i.pointer),
    ).toContain('/rules/0/order');
  });

  it('rejects a `require` condition on a disclosure rule, saying what to use instead', () => {
    const found = issues({ require: { fact: 'channel', operator: 'equal', value: 'agent' }, disclose: { items: ['cooling-off'], deadline: 'signature' } });
    expect(found).toEqual([expect.objectContaining({ pointer: '/rules/0/require', message: expect.stringMatching(/no "require".*"disclose" or "order"/) })]);
  });

  it('validates simplifyWhen against the disclosure facts, with its pointer', () => {
    const found = issues({
      disclose: { items: ['cooling-off'], deadline: 'signature', simplifyWhen: { fact: 'previousPurchaseMonthAgo', operator: 'lessThan', value: 3 } },
    });
    expect(found.map((i) => i.pointer)).toEqual(['/rules/0/disclose/simplifyWhen/fact']);
    expect(found[0]!.message).toMatch(/did you mean "previousPurchaseMonthsAgo"/);
  });

  it('rejects an order event that is neither a step nor a verification', () => {
    const found = issues({ order: { stages: [{ steps: ['verification:passport'], ifMissing: 'fail' }, { steps: ['signature'], ifMissing: 'fail' }] } });
    expect(found.map((i) => i.pointer)).toContain('/rules/0/order/stages/0/steps/0');
  });

  it('lets messages use the explanation facts but not unknown placeholders', () => {
    expect(issues({ disclose: { items: ['cooling-off'], deadline: 'signature' }, message: { zh: '{lateItems}', en: '{stepTimeline}' } })).toEqual([]);
    expect(issues({ disclose: { items: ['cooling-off'], deadline: 'signature' }, message: { zh: '{lateItem}', en: 'x' } }).map((i) => i.pointer)).toEqual([
      '/rules/0/message/zh',
    ]);
  });

  it('refuses to export disclosure rules to json-rules-engine, saying why', () => {
    expect(() => toJsonRulesEngineRules(defaultRulebook, 'disclosure')).toThrow(/cannot be exported/);
  });
});
