/**
 * The controlled vocabulary of disclosure items: every item a source requires
 * to be disclosed, prompted or confirmed in a sale, under one id with its
 * Chinese and English names and the exact term each source uses for it.
 *
 * This file is the single source of truth: `Sale.disclosures[].item` and the
 * `items` of every disclosure rule are validated against {@link DisclosureItem},
 * and `docs/disclosure-items.md` is generated from it (a test fails when the
 * committed copy is stale). Terms are exact substrings of `sources/<source>.txt`
 * (a test checks each), in the source's own script.
 *
 * Synonyms across sources map to one item (保险期间 / 保險期間 / 保险期限 → `policy-period`);
 * an item only one source names stays its own (保单初始费用、保单管理费 → `fees`).
 */
import { z } from 'zod';
import type { SourceId } from './common.js';

/** Where a source names an item: the source, the section of the rule that requires it, and its exact term. */
export interface DisclosureItemTerm {
  readonly source: SourceId;
  /** The section as the requiring rule cites it (`"art. 25"`, `"2.3(4)"`). */
  readonly section: string;
  /** The source's own words, an exact substring of `sources/<source>.txt`. */
  readonly term: string;
}

export interface DisclosureItemSpec {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** What a disclosure record of this item must cover, and how sources were mapped onto it. */
  readonly note?: string;
  readonly terms: readonly DisclosureItemTerm[];
}

/** Every disclosure item, in rough order of a sale. */
export const DISCLOSURE_ITEMS = [
  {
    id: 'insurance-contract-nature',
    zh: '双方订立的是保险合同',
    en: 'That the contract being concluded is an insurance contract',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 25', term: '双方订立的是保险合同' }],
  },
  {
    id: 'standard-terms',
    zh: '格式条款',
    en: 'Standard (form) terms of the contract',
    note: 'Providing the standard terms themselves (attached to the application form), not a summary.',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '提供格式条款' },
      { source: 'insurance-law-2015', section: 'art. 17', term: '投保单应当附格式条款' },
    ],
  },
  {
    id: 'product-description',
    zh: '保险产品说明',
    en: 'Product description (保险产品说明)',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 25', term: '该保险产品说明' }],
  },
  {
    id: 'product-name',
    zh: '产品名称',
    en: 'Product name',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '保险产品名称' },
      { source: 'mkt-service-2025', section: '2.2', term: '產品名稱' },
      { source: 'suitability-2025', section: 'art. 37', term: '产品名称' },
    ],
  },
  {
    id: 'product-type',
    zh: '产品类型',
    en: 'Product type',
    terms: [{ source: 'mkt-service-2025', section: '2.2', term: '產品名稱、類型' }],
  },
  {
    id: 'main-terms',
    zh: '主要条款',
    en: 'Main terms of the contract',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 25', term: '主要条款' }],
  },
  {
    id: 'product-features',
    zh: '产品特点',
    en: 'Product features',
    terms: [
      { source: 'mkt-service-2025', section: '2.3(3)', term: '產品特點' },
      { source: 'mkt-cs-guide', section: '2.2(2)', term: '產品特點' },
    ],
  },
  {
    id: 'coverage-scope',
    zh: '保障范围',
    en: 'Coverage scope',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '保障范围' },
      { source: 'mkt-service-2025', section: '2.2', term: '保障范圍' },
      { source: 'mkt-service-2025', section: '2.3(3)', term: '保障范圍' },
      { source: 'mkt-service-2025', section: '2.3(4)', term: '產品保障范圍' },
      { source: 'mkt-cs-guide', section: '2.2(2)', term: '保障范圍' },
      { source: 'mkt-cs-guide', section: '3.1.1', term: '保障范圍' },
      { source: 'agency-ops', section: '2.2', term: '保障范圍' },
      { source: 'suitability-2025', section: 'art. 37', term: '保障范围' },
    ],
  },
  {
    id: 'insurance-liability',
    zh: '保险责任',
    en: 'Insurance liability (what the insurer pays for)',
    note: 'Listed beside 保障范圍 in mkt-service-2025 §2.2, so kept as its own item.',
    terms: [
      { source: 'mkt-service-2025', section: '2.2', term: '保險責任' },
      { source: 'agency-ops', section: '3.2', term: '保險責任' },
    ],
  },
  {
    id: 'exclusions',
    zh: '免除或者减轻保险人责任的条款',
    en: "Clauses excluding or reducing the insurer's liability (exclusions, deductibles, co-payment)",
    note:
      'One item for every clause that excludes or reduces the insurer\'s liability: 责任免除 / 除外责任, 免赔额, 免赔率, 比例赔付或者给付 (sales-conduct-2023 art. 26 para. 2). mkt-service-2025 §2.2 names both 除外責任 and 免責條款; both are this item, so a record of it must cover both.',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '免除或者减轻保险人责任的条款' },
      { source: 'sales-conduct-2023', section: 'art. 26', term: '免除或者减轻保险人责任的条款' },
      { source: 'sales-conduct-2023', section: 'art. 29', term: '免除或者减轻保险人责任条款的说明' },
      { source: 'insurance-law-2015', section: 'art. 17', term: '免除保险人责任的条款' },
      { source: 'mkt-service-2025', section: '2.2', term: '除外責任' },
      { source: 'mkt-service-2025', section: '2.2', term: '免責條款' },
      { source: 'mkt-service-2025', section: '2.3(4)', term: '除外責任' },
      { source: 'mkt-cs-guide', section: '2.2(2)', term: '免責條款' },
      { source: 'mkt-cs-guide', section: '3.1.1', term: '免責條款' },
      { source: 'agency-ops', section: '3.2', term: '免責條款' },
      { source: 'suitability-2025', section: 'art. 37', term: '减轻或者免除保险人责任的条款' },
    ],
  },
  {
    id: 'policy-period',
    zh: '保险期间',
    en: 'Policy period',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '保险期间' },
      { source: 'mkt-service-2025', section: '2.2', term: '保險期間' },
      { source: 'mkt-service-2025', section: '2.3(4)', term: '保險期間' },
      { source: 'mkt-cs-guide', section: '3.1.1', term: '保險期限' },
      { source: 'suitability-2025', section: 'art. 37', term: '保险期限' },
    ],
  },
  {
    id: 'premium',
    zh: '保险费（金额、总额）',
    en: 'Premium (amount; total premium payable)',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '保险费及交费方式' },
      { source: 'mkt-service-2025', section: '2.2', term: '保費金額' },
      { source: 'mkt-service-2025', section: '2.3(4)', term: '保費金額' },
      { source: 'mkt-cs-guide', section: '3.1.1', term: '保費、保險期限' },
      { source: 'suitability-2025', section: 'art. 37', term: '保费总额' },
    ],
  },
  {
    id: 'premium-structure',
    zh: '保费结构',
    en: 'Premium structure',
    terms: [{ source: 'mkt-cs-guide', section: '2.2(2)', term: '保費結構' }],
  },
  {
    id: 'payment-method',
    zh: '交费方式',
    en: 'Premium payment method',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '保险费及交费方式' },
      { source: 'mkt-service-2025', section: '2.2', term: '繳費方式' },
      { source: 'mkt-service-2025', section: '2.3(4)', term: '繳費方式' },
      { source: 'agency-ops', section: '2.2', term: '保費繳納方式' },
    ],
  },
  {
    id: 'payment-period',
    zh: '交费期限',
    en: 'Premium payment period',
    terms: [{ source: 'suitability-2025', section: 'art. 37', term: '交费期限' }],
  },
  {
    id: 'limit-of-indemnity',
    zh: '赔偿限额',
    en: 'Limit of indemnity',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '赔偿限额' },
      { source: 'suitability-2025', section: 'art. 37', term: '赔偿限额' },
    ],
  },
  {
    id: 'claim-procedure',
    zh: '索赔程序（理赔流程）',
    en: 'Claim procedure',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '索赔程序' },
      { source: 'mkt-service-2025', section: '2.2', term: '理賠流程' },
      { source: 'mkt-service-2025', section: '2.3(4)', term: '理賠流程' },
      { source: 'mkt-cs-guide', section: '2.2(2)', term: '理賠流程' },
      { source: 'mkt-cs-guide', section: '3.1.1', term: '理賠流程' },
      { source: 'suitability-2025', section: 'art. 37', term: '索赔程序' },
    ],
  },
  {
    id: 'claim-conditions',
    zh: '理赔条件（赔付条件）',
    en: 'Claim conditions',
    terms: [
      { source: 'mkt-service-2025', section: '2.2', term: '理賠條件' },
      { source: 'agency-ops', section: '2.2', term: '賠付條件' },
    ],
  },
  {
    id: 'claim-time-limits',
    zh: '理赔时效',
    en: 'Claim time limits',
    terms: [{ source: 'mkt-service-2025', section: '2.2', term: '理賠時效' }],
  },
  {
    id: 'surrender',
    zh: '退保规则及费用扣除',
    en: 'Surrender rules and the charges deducted on surrender',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '退保及其他费用扣除' },
      { source: 'mkt-service-2025', section: '2.2', term: '退保規則' },
      { source: 'mkt-service-2025', section: '2.3(3)', term: '退保規則' },
      { source: 'mkt-service-2025', section: '2.3(4)', term: '退保規則' },
      { source: 'agency-ops', section: '2.2', term: '退保條款' },
    ],
  },
  {
    id: 'surrender-loss',
    zh: '退保可能遭受的损失',
    en: 'Losses the applicant may suffer on surrender',
    note: 'Only suitability-2025 names the loss itself; kept apart from the surrender rules.',
    terms: [{ source: 'suitability-2025', section: 'art. 37', term: '退保可能遭受的损失' }],
  },
  {
    id: 'cash-value',
    zh: '现金价值',
    en: 'Cash value',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '人身保险的现金价值' },
      { source: 'suitability-2025', section: 'art. 37', term: '保单现金价值' },
    ],
  },
  {
    id: 'cooling-off',
    zh: '犹豫期及犹豫期内的权利',
    en: "Cooling-off period and the applicant's rights during it",
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 25', term: '犹豫期' },
      { source: 'suitability-2025', section: 'art. 37', term: '犹豫期及投保人在犹豫期内的权利' },
    ],
  },
  {
    id: 'grace-period',
    zh: '宽限期',
    en: 'Grace period',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 25', term: '宽限期' }],
  },
  {
    id: 'waiting-period',
    zh: '等待期',
    en: 'Waiting period',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 25', term: '等待期' }],
  },
  {
    id: 'lapse-and-reinstatement',
    zh: '保险合同效力中止与恢复',
    en: 'Lapse and reinstatement of the contract',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 25', term: '保险合同效力中止与恢复' }],
  },
  {
    id: 'renewal-conditions',
    zh: '续保条件',
    en: 'Renewal conditions',
    terms: [{ source: 'suitability-2025', section: 'art. 37', term: '续保条件' }],
  },
  {
    id: 'non-disclosure-consequences',
    zh: '违反如实告知义务的后果',
    en: 'Consequences of breaching the duty of truthful disclosure',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 25', term: '违反如实告知义务的后果' }],
  },
  {
    id: 'service-contacts',
    zh: '服务电话及咨询、报案、投诉途径',
    en: 'Service telephone and the ways to enquire, report a claim and complain',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 25', term: '服务电话，以及咨询、报案、投诉等的途径方式' }],
  },
  {
    id: 'insurer-information',
    zh: '保险公司的基本信息',
    en: 'Basic information about the insurer',
    terms: [{ source: 'mkt-service-2025', section: '2.2', term: '保險公司的基本信息' }],
  },
  {
    id: 'product-risks',
    zh: '风险提示（产品的相关风险）',
    en: "Risk warning: the product's risks",
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 22', term: '提示相关风险' },
      { source: 'mkt-service-2025', section: '2.2', term: '風險提示' },
      { source: 'mkt-service-2025', section: '2.3(3)', term: '風險提示' },
      { source: 'mkt-cs-guide', section: '2.2(2)', term: '可能存在的風險' },
    ],
  },
  {
    id: 'benefit-uncertainty',
    zh: '保单利益的不确定性',
    en: 'Uncertainty of policy benefits',
    terms: [
      { source: 'sales-conduct-2023', section: 'art. 22', term: '保单利益的不确定性' },
      { source: 'suitability-2025', section: 'art. 37', term: '保单利益的不确定性' },
    ],
  },
  {
    id: 'loss-scenarios',
    zh: '可能导致保费损失或者保单利益不及预期的事项',
    en: 'What may cause a loss of premium or benefits below expectations',
    terms: [{ source: 'suitability-2025', section: 'art. 37', term: '可能导致保费损失或者保单利益不及预期的事项' }],
  },
  {
    id: 'fees',
    zh: '保单初始费用、保单管理费等各项费用',
    en: 'Charges: initial charge, policy administration fee and every other fee',
    terms: [{ source: 'suitability-2025', section: 'art. 37', term: '保单初始费用、保单管理费等各项费用' }],
  },
  {
    id: 'suitability-opinion',
    zh: '适当性匹配意见',
    en: 'Suitability opinion',
    terms: [{ source: 'suitability-2025', section: 'art. 37', term: '适当性匹配意见' }],
  },
  {
    id: 'sales-restrictions',
    zh: '产品销售限制',
    en: 'Sales restrictions of the product',
    terms: [
      { source: 'mkt-service-2025', section: '2.2', term: '產品銷售限制' },
      { source: 'mkt-service-2025', section: '2.3(4)', term: '產品銷售限制' },
    ],
  },
  {
    id: 'sales-channels',
    zh: '销售渠道',
    en: 'Sales channels',
    terms: [
      { source: 'mkt-service-2025', section: '2.2', term: '銷售渠道' },
      { source: 'mkt-service-2025', section: '2.3(4)', term: '銷售渠道' },
    ],
  },
  {
    id: 'applicant-eligibility',
    zh: '投保人资格',
    en: 'Who may apply (applicant eligibility)',
    terms: [{ source: 'mkt-service-2025', section: '2.2', term: '投保人資格' }],
  },
  {
    id: 'after-sales-service',
    zh: '后续服务支持',
    en: 'After-sales service support',
    terms: [{ source: 'mkt-cs-guide', section: '2.2(2)', term: '后續服務支持' }],
  },
  {
    id: 'rights-and-obligations',
    zh: '双方的权利和义务',
    en: "Both parties' rights and obligations",
    terms: [{ source: 'agency-ops', section: '2.2', term: '雙方的權利和義務' }],
  },
  {
    id: 'dispute-resolution',
    zh: '争议解决方式',
    en: 'How disputes are resolved',
    terms: [{ source: 'agency-ops', section: '3.2', term: '爭議解決方式' }],
  },
  {
    id: 'application-declaration',
    zh: '投保声明',
    en: 'Application declaration (投保声明)',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 29', term: '投保声明' }],
  },
  {
    id: 'prompt-letter',
    zh: '投保提示书',
    en: 'Application prompt letter (投保提示书)',
    terms: [{ source: 'sales-conduct-2023', section: 'art. 29', term: '投保提示书' }],
  },
  {
    id: 'risk-tolerance-confirmation',
    zh: '客户确认风险承受能力',
    en: 'The customer confirms their risk tolerance',
    note: 'A confirmation item: the record is the question put to the customer (`at`) and their confirmation (`acknowledgedAt`, `confirmedBy`).',
    terms: [{ source: 'mkt-service-2025', section: '2.3(5)', term: '確認風險承受能力' }],
  },
  {
    id: 'purchase-intention',
    zh: '客户确认购买意愿',
    en: 'The customer confirms their intention to buy',
    note: 'A confirmation item, like risk-tolerance-confirmation.',
    terms: [{ source: 'mkt-service-2025', section: '2.3(5)', term: '確認購買意愿' }],
  },
] as const satisfies readonly DisclosureItemSpec[];

/** A disclosure item id. */
export type DisclosureItemId = (typeof DISCLOSURE_ITEMS)[number]['id'];

/** The item ids, in vocabulary order. */
export const DISCLOSURE_ITEM_IDS = DISCLOSURE_ITEMS.map((i) => i.id) as unknown as readonly [DisclosureItemId, ...DisclosureItemId[]];

/** A disclosure item, one of the controlled vocabulary (see `docs/disclosure-items.md`). */
export const DisclosureItem = z
  .enum(DISCLOSURE_ITEM_IDS)
  .meta({ description: 'A disclosure item of the controlled vocabulary (docs/disclosure-items.md)' });
