import { z } from 'zod';
import { civilDateProblem, instantProblem } from '../time/civil.js';
import { PolicyTerm } from './common.js';

const CIVIL_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * When something happened to a record: a civil date `YYYY-MM-DD` (taken as
 * the Asia/Shanghai date) or an instant with an offset (converted to its
 * Asia/Shanghai date). Retention is counted in whole days, so only the date
 * matters. Civil dates from 1900 to 2199 are accepted; instants from 1992 on.
 */
export const EventDate = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    if (CIVIL_DATE_SHAPE.test(value)) {
      const problem = civilDateProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      else if (value < '1900-01-01' || value > '2199-12-31') {
        ctx.addIssue({ code: 'custom', message: 'must lie between 1900-01-01 and 2199-12-31' });
      }
      return;
    }
    const problem = instantProblem(value);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        message: problem.startsWith('must be an ISO 8601')
          ? 'must be a civil date YYYY-MM-DD or an ISO 8601 date-time with an offset, e.g. 2024-02-29 or 2024-02-29T16:00:00+08:00'
          : problem,
      });
    }
  })
  .meta({
    description: 'Civil date YYYY-MM-DD (Asia/Shanghai) or ISO 8601 date-time with an offset',
    examples: ['2024-02-29', '2024-02-29T16:00:00+08:00'],
  });

/** What a record is (SPEC §4); each kind is kept under the rules that name it. */
export const RecordKind = z.enum([
  'policy-file',
  'sales-recording',
  'agency-archive',
  'business-record',
  'suitability-file',
  'customer-identity',
  'transaction-record',
  'complaint-file',
]);
export type RecordKind = z.infer<typeof RecordKind>;

/** A dispute about the record's subject: a consumer complaint, litigation, arbitration… */
export const Dispute = z.strictObject({
  /** When the dispute arose (complaint received, claim filed). */
  openedAt: EventDate,
  /** When it ended; absent or `null` while it is still open. */
  resolvedAt: EventDate.nullable().optional(),
});
export type Dispute = z.infer<typeof Dispute>;

/**
 * An archived record (SPEC §4 `Record`). Dates that have not happened yet —
 * a contract still in force, a relationship still running — are left out (or
 * `null`): the record then cannot be scheduled and is judged `indeterminate`.
 * `legalHold` and `disputes` describe what the caller's records show: absent
 * means no hold and no dispute.
 */
export const ArchiveRecord = z.strictObject({
  id: z.string().min(1).max(200),
  kind: RecordKind,
  /** The policy term in whole months (a part month counts as a whole one), or `whole-life`. */
  policyTermMonths: PolicyTerm.optional(),
  /** When the insurance contract ended (保险合同终止): expiry, surrender, rescission, full payment of benefits. */
  contractTerminatedAt: EventDate.nullable().optional(),
  /** When the business relationship with the customer ended (业务关系终止/结束). */
  relationshipEndedAt: EventDate.nullable().optional(),
  /** When the transaction ended (交易结束), for transaction records. */
  transactionAt: EventDate.nullable().optional(),
  /** Complaints, lawsuits and other disputes about the record's subject. */
  disputes: z.array(Dispute).max(1000).optional(),
  /** A legal hold (litigation, investigation, regulator's order) on the record: it may not be destroyed. */
  legalHold: z.boolean().optional(),
  /** The appraisal (鉴定) before destruction that agency-ops §7.1 requires. */
  appraisal: z
    .strictObject({
      /** When the appraisal approved destruction. */
      approvedAt: EventDate,
    })
    .optional(),
});
export type ArchiveRecord = z.infer<typeof ArchiveRecord>;
