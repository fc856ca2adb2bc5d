import { InputError, type InputIssue } from '../../errors.js';
import type { Sale } from '../../schemas/sale.js';
import { parseInstant } from '../../time/civil.js';
import type { CheckDefinition } from '../definition.js';
import { parseSale } from '../eligibility/definition.js';
import { DISCLOSURE_FACTS, type DisclosureFacts, deriveDisclosureFacts } from './facts.js';
import { disclosureJudge } from './judge.js';

/**
 * Validates a sale for the disclosure check: the sale schema, then what the
 * schema cannot see — an acknowledgement before the disclosure it acknowledges,
 * an earlier application dated after this one.
 */
export function parseDisclosureSale(input: unknown): Sale {
  const sale = parseSale(input);
  const signedMs = parseInstant(sale.signedAt)!;
  const issues: InputIssue[] = [];
  sale.disclosures?.forEach((d, i) => {
    if (d.acknowledgedAt !== undefined && parseInstant(d.acknowledgedAt)! < parseInstant(d.at)!) {
      issues.push({ path: `disclosures[${i}].acknowledgedAt`, message: `is before the disclosure it acknowledges (at ${d.at})` });
    }
  });
  if (sale.previousPurchase && parseInstant(sale.previousPurchase.at)! > signedMs) {
    issues.push({ path: 'previousPurchase.at', message: `is after this sale's signing (${sale.signedAt})` });
  }
  if (issues.length) throw new InputError(issues, 'sale');
  return sale;
}

export const disclosureCheck: CheckDefinition<Sale, DisclosureFacts> = {
  check: 'disclosure',
  what: 'sale',
  catalog: DISCLOSURE_FACTS,
  parse: parseDisclosureSale,
  derive: (sale) => deriveDisclosureFacts(sale),
  id: (sale) => sale.id,
  defaultAsOf: (sale) => sale.signedAt,
  judge: (sale) => disclosureJudge(sale),
};
