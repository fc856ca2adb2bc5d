/**
 * What both benchmark scripts need: writing generated sales to a file, and
 * running a node process while measuring its wall time and peak RSS.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { generateSales } from './generate.mjs';

/** Writes `count` generated sales (seed 7) as NDJSON, or as a pretty-printed JSON array. */
export async function writeSales(file, count, format = 'ndjson') {
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

/**
 * Runs `node …args`, resolving to `{ ms, peakRss, lines, code }`: wall time,
 * peak RSS in bytes (VmHWM, polled every 20 ms) and the number of lines the
 * process wrote to stdout.
 */
export function measureNode(args) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
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
      resolve({ ms: performance.now() - t, peakRss: peak, lines, code });
    });
  });
}
