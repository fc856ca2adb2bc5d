import { InputError, type InputIssue } from '../../errors.js';
import { parseInput } from '../../engine/input.js';
import { Sale } from '../../schemas/sale.js';
import { parseInstant, shanghaiDate } from '../../time/civil.js';
import type { CheckDefinition } from '../definition.js';
import { ELIGIBILITY_FACTS, type EligibilityFacts, deriveEligibilityFacts } from './facts.js';

/** Validates a sale: schema, then what the schema cannot see (births after signing). */
export function parseSale(input: unknown): Sale {
  const sale = parseInput(Sale, input, 'sale');
  const saleDate = shanghaiDate(parseInstant(sale.signedAt)!);
  const issues: InputIssue[] = [];
  for (const party of ['applicant', 'insured'] as const) {
    const birth = sale[party].birthDate;
    if (birth !== undefined && birth > saleDate) {
      issues.push({ path: `${party}.birthDate`, message: `is after the signing date ${saleDate}` });
    }
  }
  if (issues.length) throw new InputError(issues, 'sale');
  return sale;
}

export const eligibilityCheck: CheckDefinition<Sale, EligibilityFacts> = {
  check: 'eligibility',
  what: 'sale',
  catalog: ELIGIBILITY_FACTS,
  parse: parseSale,
  derive: (sale) => deriveEligibilityFacts(sale),
  id: (sale) => sale.id,
  defaultAsOf: (sale) => sale.signedAt,
};
