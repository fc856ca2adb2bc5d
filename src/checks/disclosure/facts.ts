/**
 * The facts the disclosure check derives from a sale, for rules' `when` and
 * `simplifyWhen` conditions. What was disclosed and when is judged in code by
 * the rules' `disclose` / `order` bodies (see `judge.ts`); the facts here only
 * decide which rules apply.
 */
import { defineFacts, type FactsOf } from '../../engine/facts.js';
import { Channel, ProductKind, ProductLine, type Sale } from '../../schemas/sale.js';
import { monthPeriodIndex } from '../../time/age.js';
import { civilDateNumber, fromDayNumber, parseInstant, shanghaiDayNumber } from '../../time/civil.js';

/** Catalogue of disclosure facts. */
export const DISCLOSURE_FACTS = defineFacts({
  caseDate: {
    type: 'integer',
    description: 'The signing date in Asia/Shanghai as the number YYYYMMDD; rules are applied by it.',
    inputs: ['signedAt'],
  },
  channel: { type: 'string', values: Channel.options, description: 'Sales channel.', inputs: ['channel'] },
  productCode: { type: 'string', description: 'Product code.', inputs: ['product.code'] },
  productLine: { type: 'string', values: ProductLine.options, description: 'Product line.', inputs: ['product.line'] },
  productKind: { type: 'string', values: ProductKind.options, description: 'Product kind.', inputs: ['product.kind'] },
  productGroup: { type: 'boolean', description: 'Group insurance.', inputs: ['product.group'] },
  productSimpleRightsAndObligations: {
    type: 'boolean',
    description:
      "The insurer classes the product's rights and obligations as simple (权利义务简单). True only when product.simpleRightsAndObligations is true: a simplification must be established, so an unstated class counts as not simple.",
    inputs: ['product.simpleRightsAndObligations'],
  },
  previousPurchaseSameInsurer: {
    type: 'boolean',
    description: 'The applicant applied before with the same insurer (previousPurchase.sameInsurer); false when no earlier application is recorded.',
    inputs: ['previousPurchase.sameInsurer'],
  },
  previousPurchaseSameProduct: {
    type: 'boolean',
    description: 'The earlier application was for the same product (previousPurchase.sameProduct); false when none is recorded.',
    inputs: ['previousPurchase.sameProduct'],
  },
  previousPurchaseMonthsAgo: {
    type: 'integer',
    description:
      'Which calendar month after the earlier application the signing date falls in (civil-code arts. 201–202): 0 on the same day, 3 up to and including the day three months on. Absent when no earlier application is recorded.',
    inputs: ['previousPurchase.at'],
  },
  simplificationConsented: {
    type: 'boolean',
    description:
      'The applicant personally consented to simplified prompts at or before signing (simplifiedDisclosureConsent.by is applicant); false when no such consent is recorded.',
    inputs: ['simplifiedDisclosureConsent'],
  },
});

export type DisclosureFacts = FactsOf<typeof DISCLOSURE_FACTS>;

/**
 * Facts a disclosure finding carries to explain itself. The judge computes
 * them per rule; messages may interpolate them; conditions may not use them.
 */
export const DISCLOSURE_EXPLANATION_FACTS: Readonly<Record<string, string>> = {
  deadlineAt: 'The instant the items were due: the earlier of signedAt and the first signature step.',
  requiredItems: 'The items the rule requires.',
  missingItems: 'Required items never disclosed.',
  lateItems: 'Required items disclosed only after the deadline.',
  improperItems: 'Required items disclosed in time but not as the rule demands (not conspicuous, not explained).',
  unacknowledgedItems:
    'Required items not signed for or confirmed by the deadline by a permitted person in a permitted form (e.g. confirmed by the salesperson).',
  unresolvedItems: 'Required items whose status the sale does not show (a needed field is absent).',
  itemProblems: 'One entry per item that is not in order: { item, problem, records } with the disclosure records (index, at, acknowledgedAt, confirmedBy).',
  simplified: 'True when the items were not demanded one by one because the simplification condition held.',
  stepTimeline: 'Each step of the rule with the instant used for it: "step@instant", "step@—" when missing, "step@?" when unknown.',
  outOfOrder: 'Steps that happened only before a step they must follow.',
  missingSteps: 'Steps the sale does not record at all.',
  orderProblems: 'One entry per out-of-order step: { step, at, mustFollow, mustFollowAt }.',
};

const CONSENTERS: ReadonlySet<string> = new Set(['applicant']);

function caseDateNumber(ms: number): number {
  return civilDateNumber(fromDayNumber(shanghaiDayNumber(ms)));
}

/** Derives the disclosure facts from a validated sale; facts the sale cannot supply are `undefined`. */
export function deriveDisclosureFacts(sale: Sale): DisclosureFacts {
  const signedMs = parseInstant(sale.signedAt)!;
  const saleDay = fromDayNumber(shanghaiDayNumber(signedMs));
  const previous = sale.previousPurchase;
  const consent = sale.simplifiedDisclosureConsent;
  return {
    caseDate: caseDateNumber(signedMs),
    channel: sale.channel,
    productCode: sale.product.code,
    productLine: sale.product.line,
    productKind: sale.product.kind,
    productGroup: sale.product.group,
    productSimpleRightsAndObligations: sale.product.simpleRightsAndObligations === true,
    previousPurchaseSameInsurer: previous?.sameInsurer === true,
    previousPurchaseSameProduct: previous?.sameProduct === true,
    previousPurchaseMonthsAgo: previous
      ? monthPeriodIndex(fromDayNumber(shanghaiDayNumber(parseInstant(previous.at)!)), saleDay)
      : undefined,
    simplificationConsented:
      consent !== undefined && CONSENTERS.has(consent.by) && parseInstant(consent.at)! <= signedMs,
  };
}
