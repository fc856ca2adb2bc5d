import { z } from 'zod';
import { Instant, PolicyTerm } from './common.js';
import { ProductLine } from './sale.js';

/**
 * What a service case is (SPEC §4). `receivedAt` is when the case began for
 * each kind: the request, complaint, claim report or application received;
 * the communication held; the salesperson's exit formalities completed.
 */
export const ServiceCaseKind = z.enum([
  /** A customer question (咨询). */
  'inquiry',
  /** A consumer complaint (投诉). */
  'complaint',
  /** A complainant's request to a branch's superior to review its complaint decision (核查申请, complaints-2020 art. 20). */
  'complaint-review',
  /** A claim (报案 / 索赔): `receivedAt` is the report or the claim request, whichever came first. */
  'claim',
  /** Customer feedback other than a complaint: suggestion, opinion, rating (反馈). */
  'feedback',
  /** A policy-servicing request to change the contract (保全: 合同内容变更). */
  'policy-change',
  /** A request to reinstate a lapsed contract (保全: 效力恢复). */
  'reinstatement',
  /** The applicant's notice rescinding the contract (退保, 解除合同通知). */
  'surrender',
  /** A salesperson's communication with a customer (沟通). */
  'communication',
  /** An application for insurance (投保). */
  'application',
  /** A salesperson left or changed post while policies they sold are in force: `receivedAt` is when the exit formalities were completed. */
  'salesperson-departure',
  /** The insurer's cooperation with an intermediary ended while policies sold through it are in force: `receivedAt` is when it ended. */
  'intermediary-termination',
]);
export type ServiceCaseKind = z.infer<typeof ServiceCaseKind>;

/** What happened in a case; clocks start and stop on these. */
export const ServiceEventType = z.enum([
  /** The customer was told the case was received (响应, 回应). */
  'acknowledged',
  /** A preliminary check or review was completed (初步核查, 初步审核). */
  'initial-review',
  /** A (preliminary) solution was offered to the customer (初步解决方案). */
  'solution-proposed',
  /** The case was decided (核定, 处理决定, 审核完成); give `outcome` for claims, applications and servicing. */
  'decision',
  /** The outcome was communicated to the customer (告知处理结果, 反馈结果). */
  'result-notified',
  /** The amount to pay was agreed with the insured or beneficiary (达成赔付协议). */
  'agreement',
  /** The claim, refund or cash value was paid. */
  'payment',
  /** An advance payment of the amount already certain was made (先予支付). */
  'advance-payment',
  /** A written rejection notice with reasons was sent (拒绝赔偿或者拒绝给付保险金通知书). */
  'rejection-notice',
  /** The insurer received everything needed: the request with its proofs, or a complete application (资料齐全). */
  'documents-complete',
  /** The applicant was told, in one notice, everything to correct or add (一次性告知). */
  'incomplete-notice',
  /** The applicant was told a medical examination or survival investigation is needed. */
  'exam-notice',
  /** The contract was made and delivered to the applicant (合同制作并送达). */
  'contract-delivered',
  /** A servicing request was accepted for processing (受理). */
  'accepted',
  /** A servicing request was carried out (处理完毕). */
  'completed',
  /** The applicant paid the full premium a servicing request needs (缴纳足额保险费). */
  'premium-paid',
  /** A record of the communication was completed (完成记录). */
  'record-completed',
  /** The service ended (服务结束). */
  'service-ended',
  /** The complainant brought new facts and reasons on the same complaint (提出新的事实和理由, complaints-2020 art. 18). */
  'new-facts',
  /** A further extension was approved by the superior body or senior management and the complainant told (complaints-2020 art. 18). */
  'extension-approved',
  /** The policyholder or insured was notified of a departure or end of cooperation (sales-conduct-2023 art. 36). */
  'policyholder-notified',
]);
export type ServiceEventType = z.infer<typeof ServiceEventType>;

/** The outcome of a `decision`: claim covered / not covered / partly; application or servicing accepted / declined. */
export const DecisionOutcome = z.enum(['accepted', 'rejected', 'partial']);

export const ServiceEvent = z.strictObject({
  type: ServiceEventType,
  at: Instant,
  /** For a `decision`: its outcome. */
  outcome: DecisionOutcome.optional(),
  note: z.string().max(2000).optional(),
});
export type ServiceEvent = z.infer<typeof ServiceEvent>;

/** Why a clock was paused; a rule excludes only the reasons it names. */
export const PauseReason = z.enum([
  /** External appraisal, testing or evaluation (外部机构鉴定、检测、评估, complaints-2020 art. 18). */
  'external-appraisal',
  /** Mediation the complainant agreed to (调解, complaints-2020 art. 23). */
  'mediation',
  /** A medical examination a servicing request needs (体检, life-service-2010 art. 20). */
  'medical-exam',
  /** Any other reason: recorded, never excluded. */
  'other',
]);
export type PauseReason = z.infer<typeof PauseReason>;

export const Pause = z.strictObject({
  from: Instant,
  to: Instant,
  reason: PauseReason,
  /** The customer was told of the pause (complaints-2020 art. 18 requires it for external appraisal). */
  noticeGiven: z.boolean().optional(),
});
export type Pause = z.infer<typeof Pause>;

/**
 * A service case (SPEC §4): a request, complaint, claim or other matter
 * whose handling the deadline rules time. `events` is the case's history:
 * an event that is not listed has not happened (and one dated after `asOf`
 * has not happened yet). Optional facts may be omitted: a rule that needs
 * one is then `indeterminate` and names the missing path.
 */
export const ServiceCase = z.strictObject({
  id: z.string().min(1).max(200),
  kind: ServiceCaseKind,
  /** When the case began (see {@link ServiceCaseKind}); its Asia/Shanghai date decides which rules are in force. */
  receivedAt: Instant,
  /** How the insurer classified the case: `special` is beyond complex (情况特别复杂, 特殊情况). */
  complexity: z.enum(['simple', 'complex', 'special']).optional(),
  /** A major (重大) complaint or case. */
  major: z.boolean().optional(),
  productLine: ProductLine.optional(),
  /** Group business. Default `false`: a case is individual business unless stated. */
  group: z.boolean().default(false),
  /** Term of the policy concerned, in months, or `whole-life`. */
  policyTermMonths: PolicyTerm.optional(),
  /** The application or request arrived with errors or incomplete papers. */
  incompleteOnReceipt: z.boolean().optional(),
  /** The insurer decided a medical examination or survival investigation is needed (applications). */
  medicalExamRequired: z.boolean().optional(),
  /** The servicing request involves paying premium. */
  premiumPaymentInvolved: z.boolean().optional(),
  /** The case's history. Default `[]`: an event that is not listed has not happened. */
  events: z.array(ServiceEvent).max(1000).default([]),
  /** Periods the clock stood still, for the reasons a rule allows. */
  pauses: z.array(Pause).max(200).default([]),
});
export type ServiceCase = z.infer<typeof ServiceCase>;
