import type { CheckName } from '../schemas/common.js';
import type { CheckResult } from '../schemas/result.js';
import type { CheckOptions } from '../checks/options.js';
import { checkSalesEligibility, type SaleInput } from './check-sales-eligibility.js';
import type { CheckDefinition } from '../checks/definition.js';
import { eligibilityCheck } from '../checks/eligibility/definition.js';
import { retentionCheck } from '../checks/retention/definition.js';
import { checkDisposal, type ArchiveRecordInput } from '../checks/retention/retention.js';
import { checkDeadlines, type ServiceCaseInput } from '../checks/deadline/check-deadlines.js';
import { deadlineCheck } from '../checks/deadline/definition.js';
import { checkDisclosure } from './check-disclosure.js';
import { disclosureCheck } from '../checks/disclosure/definition.js';

/** The checks whose rules and inputs are implemented, by rule `check` name. */
export const CHECK_DEFINITIONS: Partial<Record<CheckName, CheckDefinition<any, Record<string, unknown>>>> = {
  eligibility: eligibilityCheck,
  retention: retentionCheck,
  deadline: deadlineCheck,
  disclosure: disclosureCheck,
};

/** The definition of a check, or a clear error naming the implemented ones. */
export function checkDefinition(check: string): CheckDefinition<unknown, Record<string, unknown>> {
  const def = CHECK_DEFINITIONS[check as CheckName];
  if (!def) {
    throw new TypeError(`unknown check "${check}"; implemented: ${Object.keys(CHECK_DEFINITIONS).join(', ')}`);
  }
  return def;
}

/** The public check function behind each rule `check` name, as fixtures and the CLI call it. */
const CHECK_FUNCTIONS: Partial<Record<CheckName, (input: unknown, options: CheckOptions) => CheckResult>> = {
  eligibility: (input, options) => checkSalesEligibility(input as SaleInput, options),
  retention: (input, options) => checkDisposal(input as ArchiveRecordInput, options),
  deadline: (input, options) => checkDeadlines(input as ServiceCaseInput, options),
  disclosure: (input, options) => checkDisclosure(input as SaleInput, options),
};

/** Runs the named check on an input; throws `InputError` for a malformed one. */
export function runFixtureCheck(check: string, input: unknown, options: CheckOptions): CheckResult {
  const fn = CHECK_FUNCTIONS[check as CheckName];
  if (!fn) throw new TypeError(`unknown check "${check}"; implemented: ${Object.keys(CHECK_FUNCTIONS).join(', ')}`);
  return fn(input, options);
}
