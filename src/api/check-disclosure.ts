import type { CheckResult } from '../schemas/result.js';
import type { SaleInput } from './check-sales-eligibility.js';
import type { CheckOptions } from '../checks/options.js';
import { runCheck } from '../checks/run.js';
import { disclosureCheck } from '../checks/disclosure/definition.js';

/**
 * Was everything the sources require disclosed, in time, in the way they
 * demand, and were the sales steps done in order? One finding per applicable
 * rule, each citing its source: an items rule names the items `missingItems`
 * (never disclosed), `lateItems` (only after the signature), `improperItems`
 * (not conspicuous / not explained) and `unacknowledgedItems` (not signed for
 * or confirmed by the applicant in time, e.g. confirmed by the salesperson);
 * an order rule gives `stepTimeline`, `outOfOrder` and `missingSteps`. Rules
 * apply by the signing date in Asia/Shanghai. `disclosures: []` means nothing
 * was disclosed; omitting `disclosures` (or `steps`) leaves the rules that need
 * them indeterminate. Pure and synchronous; throws `InputError` on malformed
 * input (e.g. an item outside the vocabulary, an acknowledgement before its
 * disclosure).
 *
 * @example
 * const result = checkDisclosure({
 *   id: 'S-2', signedAt: '2025-06-03T10:00:00+08:00', channel: 'agent',
 *   applicant: { kind: 'person' }, insured: { kind: 'person' },
 *   product: { code: 'PAR-10', line: 'life', kind: 'participating' },
 *   disclosures: [{ item: 'product-risks', at: '2025-06-03T09:40:00+08:00' }],
 * })
 * result.verdict // 'fail'
 * result.findings.find((f) => f.ruleId === 'sales-conduct-2023.art22.new-type-products')?.facts.missingItems
 * // ['benefit-uncertainty']
 */
export function checkDisclosure(sale: SaleInput, options: CheckOptions = {}): CheckResult {
  return runCheck(disclosureCheck, sale, options).result;
}
