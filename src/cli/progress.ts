/**
 * The progress line `icr check` draws on a terminal: records done, records per
 * second and, for a file, how much of it was read. Drawn on stderr only when
 * stderr is a TTY, at most ~10 times a second, and cleared at the end.
 */

export interface ProgressState {
  readonly records: number;
  readonly elapsedMs: number;
  /** Bytes read so far and the input's size, when it is a file. */
  readonly bytes?: number;
  readonly totalBytes?: number;
}

const group = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The progress text (no control characters), at most `width` characters.
 *
 * @example renderProgress({ records: 12345, elapsedMs: 2000, bytes: 50, totalBytes: 200 }, 60)
 * // 'icr check [#####---------------]  25%  12,345 records  6,173/s'
 */
export function renderProgress(state: ProgressState, width = 80): string {
  const rate = state.elapsedMs > 0 ? (state.records / state.elapsedMs) * 1000 : 0;
  const counts = `${group(state.records)} records  ${group(rate)}/s`;
  const variants = [`icr check  ${counts}`];
  if (state.totalBytes !== undefined && state.totalBytes > 0 && state.bytes !== undefined) {
    const fraction = Math.min(1, Math.max(0, state.bytes / state.totalBytes));
    const percent = `${String(Math.floor(fraction * 100)).padStart(3)}%`;
    const barWidth = Math.min(30, width - counts.length - 20);
    const filled = Math.round(fraction * barWidth);
    // The widest form that fits: with a bar, with the share read only, or the counts alone.
    variants.unshift(`icr check ${percent}  ${counts}`);
    if (barWidth >= 10) variants.unshift(`icr check [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${percent}  ${counts}`);
  }
  const text = variants.find((v) => v.length <= width) ?? variants[variants.length - 1]!;
  return text.length > width ? text.slice(0, Math.max(0, width)) : text;
}

/** Where the progress line goes: stderr on a TTY. */
export interface ProgressSink {
  write(text: string): unknown;
  readonly columns?: number;
}

/** Draws {@link renderProgress} on a terminal line, throttled; `clear()` erases it. */
export class ProgressLine {
  private last = -Infinity;
  private drawn = false;
  private readonly started: number;

  constructor(
    private readonly sink: ProgressSink,
    private readonly now: () => number,
    private readonly totalBytes?: number,
    private readonly intervalMs = 100,
  ) {
    this.started = now();
  }

  /** Redraws when at least `intervalMs` passed since the last drawing. */
  update(records: number, bytes?: number): void {
    const t = this.now();
    if (t - this.last < this.intervalMs) return;
    this.last = t;
    // A pseudo-terminal may report 0 columns: take 80 then.
    const width = Math.max(20, (this.sink.columns || 80) - 1);
    const state: ProgressState = { records, elapsedMs: t - this.started, ...(bytes === undefined ? {} : { bytes }), ...(this.totalBytes === undefined ? {} : { totalBytes: this.totalBytes }) };
    this.sink.write(`\r${renderProgress(state, width)}\x1b[K`);
    this.drawn = true;
  }

  /** Erases the line, if anything was drawn. */
  clear(): void {
    if (this.drawn) this.sink.write('\r\x1b[K');
    this.drawn = false;
  }
}

/** Whether to draw progress: stderr is a terminal, not in CI, and the summary is not claimed on stderr by `--summary -`. */
export function progressWanted(stderrIsTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>, summary: string | undefined): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return stderrIsTTY === true && !ci && summary !== '-';
}
