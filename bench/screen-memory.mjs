/**
 * node bench/screen-memory.mjs — peak RSS of `icr check eligibility` on
 * generated NDJSON and pretty-printed JSON arrays of growing size, and a run
 * with V8's old space capped at 40 MB (it only completes if nothing grows with
 * the input). Build first (`npm run build`). Sizes: SCREEN_SIZES (default
 * 10000,200000); files go to BENCH_TMP (default os.tmpdir()).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSales } from './generate.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SIZES = (process.env.SCREEN_SIZES ?? '10000,200000').split(',').filter(Boolean).map(Number);
const tmp = mkdtempSync(join(process.env.BENCH_TMP ?? tmpdir(), 'icr-screen-'));

async function writeFile(file, count, format) {
  const out = createWriteStream(file);
  const put = async (text) => {
    if (!out.write(text)) await new Promise((r) => out.once('drain', r));
  };
  if (format === 'json') await put('[\n');
  let i = 0;
  for (const sale of generateSales(count, 7)) {
    await put(format === 'json' ? `${i++ ? ',\n' : ''}${JSON.stringify(sale, null, 2)}` : `${JSON.stringify(sale)}\n`);
  }
  if (format === 'json') await put('\n]\n');
  await new Promise((r) => out.end(r));
}

/** Runs the CLI on a file, output discarded; resolves to wall time, peak RSS (VmHWM, polled) and the output line count. */
function run(file, nodeArgs = []) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, cli, 'check', 'eligibility', file, '--summary', join(tmp, 'summary.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (b) => {
      for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines += 1;
    });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        /* exited */
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ seconds: (performance.now() - t) / 1000, peakRssMB: Math.round(peak / 2 ** 20), lines, code });
    });
  });
}

const results = [];
try {
  for (const format of ['ndjson', 'json']) {
    for (const size of SIZES) {
      const file = join(tmp, `sales-${size}.${format}`);
      await writeFile(file, size, format);
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
