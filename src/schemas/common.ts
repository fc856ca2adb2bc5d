import { z } from 'zod';
import { civilDateProblem, instantProblem, parseCivilDate, parseInstant } from '../time/civil.js';
import { withFastCheck } from './fast-checks.js';

/**
 * An instant: ISO 8601 date-time **with an offset** (`Z` or `±HH:MM`), e.g.
 * `2025-09-30T16:00:00+08:00`. Naive date-times and impossible dates are rejected.
 */
export const Instant = withFastCheck(
  z
    .string()
    .max(40)
    .superRefine((value, ctx) => {
      const problem = instantProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({
      description: 'ISO 8601 date-time with an offset, e.g. 2025-09-30T16:00:00+08:00',
      examples: ['2025-09-30T16:00:00+08:00'],
    }),
  (v) => typeof v === 'string' && v.length <= 40 && parseInstant(v) !== undefined,
);

/** A civil date `YYYY-MM-DD` (no time, no zone). */
export const CivilDate = withFastCheck(
  z
    .string()
    .max(10)
    .superRefine((value, ctx) => {
      const problem = civilDateProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({ description: 'Civil date YYYY-MM-DD', examples: ['2025-06-01'] }),
  (v) => typeof v === 'string' && parseCivilDate(v) !== undefined,
);

/**
 * A policy term: whole months (a part month counts as a whole one, so a term
 * even a day over 12 months is 13), or `whole-life`.
 */
export const PolicyTerm = z.union(
  [
    z.number().int('must be a whole number of months').positive('must be at least 1 month').max(2400, 'must be at most 2400 months'),
    z.literal('whole-life'),
  ],
  { error: 'must be a whole number of months (1–2400) or "whole-life"' },
);
export type PolicyTerm = z.infer<typeof PolicyTerm>;

/** An amount of money in CNY: finite, not negative. */
export const Money = z.number().finite().nonnegative().max(1e15);

/** Text in Chinese and English. */
export const Bilingual = z.strictObject({
  zh: z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
});
export type Bilingual = z.infer<typeof Bilingual>;

/** The source documents of SPEC §2; every rule set encodes exactly one. */
export const SOURCE_IDS = [
  'mkt-service-2025',
  'agency-ops',
  'mkt-cs-guide',
  'biz-process-2025',
  'insurance-law-2015',
  'sales-conduct-2023',
  'recording-2017',
  'minor-death-cap-2015',
  'health-2019',
  'life-service-2010',
  'complaints-2020',
  'suitability-2025',
  'aml-2024',
  'civil-code',
] as const;
export const SourceId = z.enum(SOURCE_IDS);
export type SourceId = z.infer<typeof SourceId>;

/** The four checks. */
export const CHECKS = ['eligibility', 'disclosure', 'deadline', 'retention'] as const;
export const CheckName = z.enum(CHECKS);
export type CheckName = z.infer<typeof CheckName>;
