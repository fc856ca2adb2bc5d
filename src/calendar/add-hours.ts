/** A span of time to leave out of a clock: epoch milliseconds, `from` inclusive, `to` exclusive. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/** Sorts intervals and merges the ones that overlap or touch. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) out[out.length - 1] = { from: last.from, to: Math.max(last.to, i.to) };
    else out.push({ from: i.from, to: i.to });
  }
  return out;
}

/**
 * The instant `hours` hours of elapsed clock time after `startMs` (epoch
 * milliseconds): weekends, holidays and nights all count — a "24小时内" duty
 * is wall-clock time, the reading most protective of the customer. Time
 * inside `excluded` intervals (pauses the rule allows) does not count, so
 * the end moves later by the paused time. Needs no calendar and no time zone.
 * The instant returned is itself still on time ("以内" includes the bound).
 *
 * @example
 * const start = parseInstant('2025-09-30T18:00:00+08:00')!
 * formatShanghaiInstant(addHours(start, 24)) // '2025-10-01T18:00:00+08:00' — through the holiday
 */
export function addHours(startMs: number, hours: number, excluded: readonly Interval[] = []): number {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be ≥ 0, got ${hours}`);
  let remaining = Math.round(hours * 3_600_000);
  let cursor = startMs;
  for (const i of mergeIntervals(excluded)) {
    if (i.to <= cursor) continue;
    if (i.from >= cursor + remaining) break;
    if (i.from > cursor) remaining -= i.from - cursor;
    cursor = Math.max(cursor, i.to);
  }
  return cursor + remaining;
}
