import type { z } from 'zod';
import type { Sale } from '../schemas/sale.js';
import type { CheckResult } from '../schemas/result.js';
import type { CheckOptions } from '../checks/options.js';
import { runCheck } from '../checks/run.js';
import { eligibilityCheck } from '../checks/eligibility/definition.js';

/** A sale as callers write it (before defaults). */
export type SaleInput = z.input<typeof Sale>;

/**
 * May this sale go ahead? Judges the applicant's and insured's ages and
 * capacity, risk tolerance against product risk, sums insured, channel and
 * salesperson, and lists the obligations the sale triggers (e.g. audio-video
 * recording) — each finding citing its source. Rules apply by the signing date
 * in Asia/Shanghai. Pure and synchronous; throws `InputError` on malformed input.
 *
 * @example
 * const result = checkSalesEligibility({
 *   id: 'S-1', signedAt: '2026-03-02T10:00:00+08:00', channel: 'agent',
 *   applicant: { kind: 'person', birthDate: '2009-05-01', civilCapacity: 'limited' },
 *   insured: { kind: 'person', birthDate: '2009-05-01', relationToApplicant: 'self' },
 *   product: { code: 'TL-20', line: 'life', kind: 'term-life', termMonths: 240 },
 * })
 * result.verdict // 'fail': the applicant is 16
 */
export function checkSalesEligibility(sale: SaleInput, options: CheckOptions = {}): CheckResult {
  return runCheck(eligibilityCheck, sale, options).result;
}
