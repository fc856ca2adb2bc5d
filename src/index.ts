/**
 * insurance-compliance-rules: typed, synchronous, pure compliance checks for
 * Chinese insurers, driven by declarative JSON rule sets that cite their sources.
 */
export { checkSalesEligibility, type SaleInput } from './api/check-sales-eligibility.js';
export { checkDisclosure } from './api/check-disclosure.js';
export {
  DISCLOSURE_ITEMS,
  DISCLOSURE_ITEM_IDS,
  DisclosureItem,
  type DisclosureItemId,
  type DisclosureItemSpec,
  type DisclosureItemTerm,
} from './schemas/disclosure-items.js';
export type { CheckOptions } from './checks/options.js';
export {
  checkDeadlines,
  computeDeadlines,
  type ServiceCaseInput,
  type DeadlineOptions,
} from './checks/deadline/check-deadlines.js';
export { createRulebook, defaultRulebook, type Rulebook, type RulebookOptions } from './rulebook/rulebook.js';
export { loadRuleSet, validateRuleSet, type RuleSet, type RuleSetValidation } from './rulebook/ruleset.js';
export { deriveFacts } from './rulebook/derive-facts.js';
export {
  toJsonRulesEngineRules,
  type JsonRulesEngineRule,
  type JsonRulesEngineOperator,
} from './rulebook/export-jre.js';
export { InputError, RuleSetError, type InputIssue, type RuleSetIssue } from './errors.js';
export { SHIPPED_RULE_SETS } from './rulebook/shipped.js';
export { FACT_CATALOGS } from './checks/catalogs.js';
export type { FactSpec, FactCatalog } from './engine/facts.js';
export { OPERATORS, type Condition } from './engine/conditions.js';
export { ageOn } from './time/age.js';

export {
  Sale,
  Party,
  Insured,
  Product,
  Channel,
  Disclosure,
  SaleStepName,
  Confirmer,
  AcknowledgementForm,
} from './schemas/sale.js';
export { Instant, CivilDate, SourceId, SOURCE_IDS, CheckName, CHECKS } from './schemas/common.js';
export { Rule, EligibilityRule, DisclosureRule, DisclosureRequirement, ProcessOrder, RuleSetFile, Citation, Effective, Severity, Condition as ConditionSchema } from './schemas/rule.js';
export { CheckResult, Finding, Verdict, FindingVerdict, RulebookRef } from './schemas/result.js';
export { ruleSetJsonSchema, calendarJsonSchema } from './schemas/json-schema.js';
export { catalogueMarkdown, catalogueText, catalogueJson, factsMarkdown, describeCondition, describeClock } from './rulebook/catalogue.js';
export { computeRetention, checkDisposal, type ArchiveRecordInput, type RetentionOptions } from './checks/retention/retention.js';
export { ArchiveRecord, RecordKind, Dispute, EventDate } from './schemas/record.js';
export { RetentionSchedule, RetentionPeriod, DisposalResult, RuleRef } from './schemas/retention.js';
export { RetentionRule, RetentionTrigger } from './schemas/rule.js';
export { addYearsPeriod } from './time/periods.js';
export {
  ServiceCase,
  ServiceCaseKind,
  ServiceEventType,
  ServiceEvent,
  Pause,
  PauseReason,
  DecisionOutcome,
} from './schemas/service-case.js';
export { DeadlineRule } from './schemas/rule.js';
export { Clock, ClockStart, ClockUnit } from './schemas/clock.js';
export { DeadlineClock, DeadlineCheckResult, DeadlineStatus } from './schemas/deadline-result.js';
export { CN_MAINLAND_CALENDAR } from './calendar/cn-mainland.js';
export { createWorkingCalendar, CalendarRef, type WorkingCalendar, type DayInfo, type DayKind } from './calendar/working-calendar.js';
export { extendCalendar } from './calendar/extend-calendar.js';
export { loadCalendar } from './calendar/load-calendar.js';
export { CalendarError, type CalendarIssue } from './calendar/calendar-error.js';
export { CalendarFile, CalendarExtension, CalendarYear, CalendarNotice, HolidayPeriod } from './calendar/calendar-file.js';
export { CalendarCoverageError } from './calendar/coverage-error.js';
export { addWorkingDays } from './calendar/add-working-days.js';
export { addCalendarDays } from './calendar/add-calendar-days.js';
export { addHours, type Interval } from './calendar/add-hours.js';
export { rollForwardToWorkingDay } from './calendar/roll-forward.js';
export { shanghaiDayEnd } from './calendar/shanghai-day.js';
export { coverageRunway } from './calendar/coverage-runway.js';
