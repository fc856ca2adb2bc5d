/**
 * node bench/screen-memory.mjs — peak RSS of `icr check eligibility` on
 * generated NDJSON and pretty-printed JSON arrays of growing size, and a run
 * with V8's old space capped at 40 MB (it only completes if nothing grows with
 * the input). Build first (`npm run build`). Sizes: SCREEN_SIZES (default
 * 10000,200000); files go to BENCH_TMP (default os.tmpdir()).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureNode, writeSales } from './measure.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SIZES = (process.env.SCREEN_SIZES ?? '10000,200000').split(',').filter(Boolean).map(Number);
const tmp = mkdtempSync(join(process.env.BENCH_TMP ?? tmpdir(), 'icr-screen-'));

/** Runs the CLI on a file, output counted and discarded. */
async function run(file, nodeArgs = []) {
  const r = await measureNode([...nodeArgs, cli, 'check', 'eligibility', file, '--summary', join(tmp, 'summary.json')]);
  return { seconds: r.ms / 1000, peakRssMB: Math.round(r.peakRss / 2 ** 20), lines: r.lines, code: r.code };
}

const results = [];
try {
  for (const format of ['ndjson', 'json']) {
    for (const size of SIZES) {
      const file = join(tmp, `sales-${size}.${format}`);
      await writeSales(file, size, format);
      const normal = await run(file);
      const capped = await run(file, ['--max-old-space-size=40']);
      results.push({ format, records: size, fileMB: Math.round(statSync(file).size / 2 ** 20), ...normal, cappedOldSpace40MB: { code: capped.code, lines: capped.lines, peakRssMB: capped.peakRssMB } });
      rmSync(file);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
for (const r of results) {
  console.log(
    `${r.format.padEnd(6)} ${String(r.records).padStart(8)} records  ${String(r.fileMB).padStart(5)} MB  ${r.seconds.toFixed(1).padStart(6)} s  peak RSS ${String(r.peakRssMB).padStart(4)} MB  lines ${r.lines}  exit ${r.code}` +
      `  | old space ≤ 40 MB: exit ${r.cappedOldSpace40MB.code}, lines ${r.cappedOldSpace40MB.lines}, peak RSS ${r.cappedOldSpace40MB.peakRssMB} MB`,
  );
}
console.log(`SCREEN_MEMORY_JSON ${JSON.stringify(results)}`);
