/**
 * The facts the retention check derives from a record and the day it is
 * judged on. Semantics live here (which day an event falls on, which
 * disputes are open); the periods and the record kinds they bind live in
 * `rules/`.
 */
import { defineFacts, type FactsOf, termMonthsFact, wholeLifeFact } from '../../engine/facts.js';
import { type ArchiveRecord, RecordKind } from '../../schemas/record.js';
import { type CivilDateParts, civilDateNumber, compareCivilDates, parseCivilDate, parseInstant, shanghaiDayNumber, fromDayNumber } from '../../time/civil.js';

/** Catalogue of retention facts. Dates are integers `YYYYMMDD` (Asia/Shanghai). */
export const RETENTION_FACTS = defineFacts({
  caseDate: {
    type: 'integer',
    description:
      'The day disposal is judged on (asOf) in Asia/Shanghai, YYYYMMDD. Rules are applied by it: a retention rule binds every record still held while it is in force.',
    inputs: ['asOf'],
  },
  recordKind: { type: 'string', values: RecordKind.options, description: 'What the record is.', inputs: ['kind'] },
  policyTermMonths: {
    type: 'integer',
    description: 'Policy term in whole months; absent for whole-life cover (see wholeLife).',
    inputs: ['policyTermMonths'],
  },
  wholeLife: { type: 'boolean', description: 'The policy term is whole life.', inputs: ['policyTermMonths'] },
  contractTerminatedOn: {
    type: 'integer',
    description: 'The day the insurance contract ended, YYYYMMDD; absent while it is in force or unknown.',
    inputs: ['contractTerminatedAt'],
  },
  relationshipEndedOn: {
    type: 'integer',
    description: 'The day the business relationship ended, YYYYMMDD; absent while it lasts or unknown.',
    inputs: ['relationshipEndedAt'],
  },
  transactionOn: {
    type: 'integer',
    description: 'The day the transaction ended, YYYYMMDD.',
    inputs: ['transactionAt'],
  },
  disputeCount: {
    type: 'integer',
    description: 'Disputes about the record opened on or before the day judged.',
    inputs: ['disputes'],
  },
  openDisputeCount: {
    type: 'integer',
    description: 'Disputes still open on the day judged (a dispute resolved that very day counts as open).',
    inputs: ['disputes'],
  },
  lastDisputeResolvedOn: {
    type: 'integer',
    description: 'The day the last of those disputes ended (or will end), YYYYMMDD; absent while one has no end date.',
    inputs: ['disputes'],
  },
  legalHold: { type: 'boolean', description: 'The record is under a legal hold.', inputs: ['legalHold'] },
  appraisalApproved: {
    type: 'boolean',
    description: 'An appraisal approved destruction on or before the day judged; absent when no appraisal is recorded.',
    inputs: ['appraisal.approvedAt'],
  },
  triggerDate: {
    type: 'string',
    description:
      "Set for each rule by its period: the day of the event that starts it, YYYY-MM-DD. For messages; a `when` condition cannot use it (it is unknown there).",
    inputs: [],
  },
  retainUntil: {
    type: 'string',
    description:
      'Set for each rule by its period: the last day the rule requires the record to be kept, YYYY-MM-DD. For messages; a `when` condition cannot use it.',
    inputs: [],
  },
});

export type RetentionFacts = FactsOf<typeof RETENTION_FACTS>;

/** A record's dates as Asia/Shanghai civil dates, and its disputes as of the day judged. */
export interface RecordTimeline {
  readonly asOf: CivilDateParts;
  readonly contractTerminatedAt?: CivilDateParts;
  readonly relationshipEndedAt?: CivilDateParts;
  readonly transactionAt?: CivilDateParts;
  /** Disputes opened on or before the day judged, with their index in `disputes`. */
  readonly disputes: ReadonlyArray<{ readonly index: number; readonly openedAt: CivilDateParts; readonly resolvedAt?: CivilDateParts }>;
  readonly appraisalApprovedAt?: CivilDateParts;
}

/** The Asia/Shanghai civil date of an event date (civil date or instant); `undefined` for absent or null. */
export function eventDay(value: string | null | undefined): CivilDateParts | undefined {
  if (value === undefined || value === null) return undefined;
  const civil = parseCivilDate(value);
  if (civil) return civil;
  const ms = parseInstant(value);
  return ms === undefined ? undefined : fromDayNumber(shanghaiDayNumber(ms));
}


/** The record's timeline as of `asOf` (an instant validated by the caller). */
export function recordTimeline(record: ArchiveRecord, asOf: string): RecordTimeline {
  const asOfDay = fromDayNumber(shanghaiDayNumber(parseInstant(asOf)!));
  const disputes: Array<{ index: number; openedAt: CivilDateParts; resolvedAt?: CivilDateParts }> = [];
  (record.disputes ?? []).forEach((d, index) => {
    const openedAt = eventDay(d.openedAt)!;
    if (compareCivilDates(openedAt, asOfDay) > 0) return;
    const resolvedAt = eventDay(d.resolvedAt);
    disputes.push(resolvedAt ? { index, openedAt, resolvedAt } : { index, openedAt });
  });
  const t: {
    asOf: CivilDateParts;
    contractTerminatedAt?: CivilDateParts;
    relationshipEndedAt?: CivilDateParts;
    transactionAt?: CivilDateParts;
    disputes: typeof disputes;
    appraisalApprovedAt?: CivilDateParts;
  } = { asOf: asOfDay, disputes };
  const c = eventDay(record.contractTerminatedAt);
  if (c) t.contractTerminatedAt = c;
  const r = eventDay(record.relationshipEndedAt);
  if (r) t.relationshipEndedAt = r;
  const x = eventDay(record.transactionAt);
  if (x) t.transactionAt = x;
  const a = eventDay(record.appraisal?.approvedAt);
  if (a) t.appraisalApprovedAt = a;
  return t;
}

/** Whether a dispute is open on `day`: it has no end, or ends on or after that day. */
export function disputeOpenOn(d: RecordTimeline['disputes'][number], day: CivilDateParts): boolean {
  return d.resolvedAt === undefined || compareCivilDates(d.resolvedAt, day) >= 0;
}

/** Derives the retention facts of a validated record judged on `asOf`. */
export function deriveRetentionFacts(record: ArchiveRecord, asOf: string, timeline = recordTimeline(record, asOf)): RetentionFacts {
  const term = record.policyTermMonths;
  const open = timeline.disputes.filter((d) => disputeOpenOn(d, timeline.asOf));
  let lastResolved: CivilDateParts | undefined;
  if (timeline.disputes.length > 0 && timeline.disputes.every((d) => d.resolvedAt !== undefined)) {
    for (const d of timeline.disputes) if (!lastResolved || compareCivilDates(d.resolvedAt!, lastResolved) > 0) lastResolved = d.resolvedAt;
  }
  const num = (p: CivilDateParts | undefined) => (p ? civilDateNumber(p) : undefined);
  return {
    caseDate: civilDateNumber(timeline.asOf),
    recordKind: record.kind,
    policyTermMonths: termMonthsFact(term),
    wholeLife: wholeLifeFact(term),
    contractTerminatedOn: num(timeline.contractTerminatedAt),
    relationshipEndedOn: num(timeline.relationshipEndedAt),
    transactionOn: num(timeline.transactionAt),
    disputeCount: timeline.disputes.length,
    openDisputeCount: open.length,
    lastDisputeResolvedOn: num(lastResolved),
    legalHold: record.legalHold ?? false,
    appraisalApproved: timeline.appraisalApprovedAt
      ? compareCivilDates(timeline.appraisalApprovedAt, timeline.asOf) <= 0
      : undefined,
    triggerDate: undefined,
    retainUntil: undefined,
  };
}
