/** The progress line of `icr check`: what it says, how often it is drawn, and when it is drawn at all. */
import { describe, expect, it } from 'vitest';
import { ProgressLine, progressWanted, renderProgress } from '../src/cli/progress.js';

describe('renderProgress', () => {
  it('shows records done, records per second and, for a file, a bar and the share read', () => {
    expect(renderProgress({ records: 12_345, elapsedMs: 2_000 })).toBe('icr check  12,345 records  6,173/s');
    expect(renderProgress({ records: 500, elapsedMs: 1_000, bytes: 100, totalBytes: 200 }, 80)).toBe(
      `icr check [${'#'.repeat(15)}${'-'.repeat(15)}]  50%  500 records  500/s`,
    );
    expect(renderProgress({ records: 0, elapsedMs: 0, bytes: 0, totalBytes: 10 }, 80)).toMatch(/^icr check \[-+\]   0%  0 records  0\/s$/);
    expect(renderProgress({ records: 9, elapsedMs: 1, bytes: 10, totalBytes: 10 }, 80)).toMatch(/\[#+\] 100%/);
  });

  it('fits the terminal width, dropping the bar before the counts, and holds no control characters', () => {
    const state = { records: 123_456_789, elapsedMs: 1_000, bytes: 1, totalBytes: 3 };
    expect(renderProgress(state, 60)).toBe('icr check  33%  123,456,789 records  123,456,789/s');
    expect(renderProgress(state, 45)).toBe('icr check  123,456,789 records  123,456,789/s');
    for (const width of [10, 30, 45, 60, 80, 120]) {
      const text = renderProgress(state, width);
      expect(text.length).toBeLessThanOrEqual(width);
      expect(text).not.toMatch(/[\r\n\x1b]/);
    }
  });
});

describe('ProgressLine', () => {
  it('redraws at most once per interval, on one line, and clears it at the end', () => {
    const writes: string[] = [];
    let t = 0;
    const line = new ProgressLine({ write: (s: string) => writes.push(s), columns: 100 }, () => t, 1_000, 100);
    line.update(1, 10);
    t = 50;
    line.update(2, 20); // too soon: not drawn
    t = 100;
    line.update(3, 30);
    t = 150;
    line.update(4, 40);
    line.clear();
    line.clear(); // nothing more to erase
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^\r.*1 records.*\x1b\[K$/);
    expect(writes[1]).toMatch(/^\r.*3 records.*\x1b\[K$/);
    expect(writes[2]).toBe('\r\x1b[K');
  });

  it('erases nothing when nothing was drawn', () => {
    const writes: string[] = [];
    new ProgressLine({ write: (s: string) => writes.push(s) }, () => 0).clear();
    expect(writes).toEqual([]);
  });
});

describe('progressWanted', () => {
  it('draws only on a terminal, outside CI, and not when --summary - claims stderr', () => {
    expect(progressWanted(true, {}, undefined)).toBe(true);
    expect(progressWanted(true, {}, 'summary.json')).toBe(true);
    expect(progressWanted(false, {}, undefined)).toBe(false);
    expect(progressWanted(undefined, {}, undefined)).toBe(false);
    expect(progressWanted(true, { CI: 'true' }, undefined)).toBe(false);
    expect(progressWanted(true, { CI: '1' }, undefined)).toBe(false);
    expect(progressWanted(true, { CI: 'false' }, undefined)).toBe(true);
    expect(progressWanted(true, {}, '-')).toBe(false);
  });
});
