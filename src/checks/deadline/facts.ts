/**
 * The facts the deadline check derives from a service case: what rule
 * conditions (`when`) may test. How a clock runs (start, stop, counting) is
 * the clock's own semantics, in `clock.ts`; the numbers are in `rules/`.
 */
import { defineFacts, type FactsOf, termMonthsFact, wholeLifeFact } from '../../engine/facts.js';
import { DecisionOutcome, ServiceCaseKind, type ServiceCase } from '../../schemas/service-case.js';
import { ProductLine } from '../../schemas/sale.js';
import { civilDateNumber, fromDayNumber, parseInstant, shanghaiDayNumber } from '../../time/civil.js';

/** Catalogue of deadline facts. */
export const DEADLINE_FACTS = defineFacts({
  caseDate: {
    type: 'integer',
    description: 'The date the case was received, in Asia/Shanghai, as the number YYYYMMDD; rules are applied by it.',
    inputs: ['receivedAt'],
  },
  kind: { type: 'string', values: ServiceCaseKind.options, description: 'What the case is.', inputs: ['kind'] },
  complexity: {
    type: 'string',
    values: ['simple', 'complex', 'special'],
    description: 'How the insurer classified the case: simple, complex, or special (particularly complex, or special circumstances).',
    inputs: ['complexity'],
  },
  major: { type: 'boolean', description: 'A major (重大) case.', inputs: ['major'] },
  productLine: { type: 'string', values: ProductLine.options, description: 'Line of the product concerned.', inputs: ['productLine'] },
  group: { type: 'boolean', description: 'Group business (default false).', inputs: ['group'] },
  policyTermMonths: {
    type: 'integer',
    description: 'Term of the policy concerned in months; absent for whole-life cover (see policyWholeLife).',
    inputs: ['policyTermMonths'],
  },
  policyWholeLife: { type: 'boolean', description: 'The policy concerned is whole-life cover.', inputs: ['policyTermMonths'] },
  incompleteOnReceipt: {
    type: 'boolean',
    description: 'The application or request arrived with errors or incomplete papers.',
    inputs: ['incompleteOnReceipt'],
  },
  medicalExamRequired: {
    type: 'boolean',
    description: 'The insurer decided an application needs a medical examination or survival investigation.',
    inputs: ['medicalExamRequired'],
  },
  premiumPaymentInvolved: {
    type: 'boolean',
    description: 'The servicing request involves paying premium.',
    inputs: ['premiumPaymentInvolved'],
  },
  decisionOutcome: {
    type: 'string',
    values: ['none', ...DecisionOutcome.options],
    description: 'Outcome of the first decision on the case by asOf: none (no decision yet), accepted, rejected or partial.',
    inputs: ['events[decision].outcome'],
  },
});

export type DeadlineFacts = FactsOf<typeof DEADLINE_FACTS>;

/** Events of a case that have happened by `asOfMs`, in time order (stable for equal instants). */
export function eventsAsOf(serviceCase: ServiceCase, asOfMs: number): Array<ServiceCase['events'][number] & { ms: number }> {
  return serviceCase.events
    .map((e, i) => ({ ...e, ms: parseInstant(e.at)!, i }))
    .filter((e) => e.ms <= asOfMs)
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map(({ i: _i, ...e }) => e);
}

/** Derives the deadline facts from a validated case, judged as of `asOf`. */
export function deriveDeadlineFacts(serviceCase: ServiceCase, asOf: string): DeadlineFacts {
  const asOfMs = parseInstant(asOf)!;
  const day = fromDayNumber(shanghaiDayNumber(parseInstant(serviceCase.receivedAt)!));
  const decision = eventsAsOf(serviceCase, asOfMs).find((e) => e.type === 'decision');
  const term = serviceCase.policyTermMonths;
  return {
    caseDate: civilDateNumber(day),
    kind: serviceCase.kind,
    complexity: serviceCase.complexity,
    major: serviceCase.major,
    productLine: serviceCase.productLine,
    group: serviceCase.group,
    policyTermMonths: termMonthsFact(term),
    policyWholeLife: wholeLifeFact(term),
    incompleteOnReceipt: serviceCase.incompleteOnReceipt,
    medicalExamRequired: serviceCase.medicalExamRequired,
    premiumPaymentInvolved: serviceCase.premiumPaymentInvolved,
    decisionOutcome: decision ? decision.outcome : 'none',
  };
}
