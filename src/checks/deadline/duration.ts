/**
 * An ISO 8601 duration for a non-negative number of milliseconds, with days
 * of exactly 24 hours: `PT0S`, `PT30M`, `P1DT2H`, `PT0.001S`.
 *
 * @example formatDuration(26 * 3_600_000) // 'P1DT2H'
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const days = Math.floor(total / 86_400_000);
  let rest = total - days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  let time = '';
  if (hours) time += `${hours}H`;
  if (minutes) time += `${minutes}M`;
  if (seconds) time += `${Number.isInteger(seconds) ? seconds : seconds.toFixed(3).replace(/0+$/, '')}S`;
  if (!days && !time) return 'PT0S';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
