/**
 * npm run bench — throughput of the eligibility check against json-rules-engine
 * running the same exported rules on the same cases in this process, their
 * agreement on every decided rule, rulebook compile time, and `icr check`
 * screening of NDJSON against JSON.parse of the same file, with peak RSS.
 *
 * Prints a table and one machine-readable JSON line (prefixed `BENCH_JSON `).
 * Environment: BENCH_CASES (default 20000), BENCH_JRE_CASES (default 3000),
 * BENCH_SIZES (default 10000,100000,1000000), BENCH_TMP (default os.tmpdir()).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from 'json-rules-engine';
import { checkSalesEligibility, createRulebook, defaultRulebook, deriveFacts, toJsonRulesEngineRules } from '../dist/index.js';
import { generateSales } from './generate.mjs';
import { measureNode, writeSales } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const JRE_CASES = Number(process.env.BENCH_JRE_CASES ?? 3_000);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').filter(Boolean).map(Number);
const now = () => performance.now();
/** CPU milliseconds of this process: steadier than wall time when other work shares the cores. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

// ---- rulebook compile -------------------------------------------------------
const compileTimes = [];
for (let i = 0; i < 15; i++) {
  const t = now();
  createRulebook();
  compileTimes.push(now() - t);
}

// ---- our evaluator ------------------------------------------------------------
const sales = [...generateSales(CASES, 42)];
for (const s of sales) checkSalesEligibility(s); // warm-up: one full pass, so the rounds measure steady state
const rounds = [];
for (let round = 0; round < 7; round++) {
  const t = cpu();
  for (let i = 0; i < sales.length; i++) checkSalesEligibility(sales[i]);
  rounds.push((sales.length / (cpu() - t)) * 1000);
}
const oursPerSecond = median(rounds);

// ---- json-rules-engine on the same cases ------------------------------------
const { rules, operators } = toJsonRulesEngineRules(defaultRulebook, 'eligibility');
const engine = new Engine(rules, { allowUndefinedFacts: true });
for (const op of operators) engine.addOperator(op.name, op.evaluate);
const jreSales = sales.slice(0, JRE_CASES);
const jreFacts = jreSales.map((s) => deriveFacts('eligibility', s));
for (const f of jreFacts.slice(0, 200)) await engine.run(f); // warm-up
const jreEvents = [];
const t0 = cpu();
for (const f of jreFacts) jreEvents.push((await engine.run(f)).events);
const jrePerSecond = (jreFacts.length / (cpu() - t0)) * 1000;

// ---- agreement on every decided rule ---------------------------------------
let decided = 0;
let disagreements = 0;
const examples = [];
jreSales.forEach((sale, i) => {
  const r = checkSalesEligibility(sale);
  const fired = new Set(jreEvents[i].map((e) => e.params.ruleId));
  for (const f of [...r.findings, ...r.obligations]) {
    if (f.verdict === 'indeterminate') continue;
    decided += 1;
    if (fired.has(f.ruleId) !== (f.verdict === 'fail')) {
      disagreements += 1;
      if (examples.length < 5) examples.push({ sale: sale.id, rule: f.ruleId, ours: f.verdict });
    }
  }
});

// ---- screening with the CLI vs JSON.parse of the same file -------------------
const baselineScript = `
  const rl = require('node:readline').createInterface({ input: require('node:fs').createReadStream(process.argv[1]), crlfDelay: Infinity });
  let n = 0; rl.on('line', (l) => { if (l) { JSON.parse(l); n++; } }); rl.on('close', () => {});`;
const screening = [];
const tmp = mkdtempSync(join(process.env.BENCH_TMP ?? tmpdir(), 'icr-bench-'));
try {
  for (const size of SIZES) {
    const file = join(tmp, `sales-${size}.ndjson`);
    await writeSales(file, size);
    const bytes = statSync(file).size;
    const base = await measureNode(['-e', baselineScript, file]);
    const icr = await measureNode([join(root, 'dist', 'cli.js'), 'check', 'eligibility', file, '--summary', join(tmp, 'summary.json')]);
    screening.push({ records: size, bytes, jsonParseMs: base.ms, jsonParsePeakRss: base.peakRss, icrMs: icr.ms, icrPeakRss: icr.peakRss, icrExit: icr.code, ratio: icr.ms / base.ms });
    rmSync(file);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// ---- report ----------------------------------------------------------------------
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  rules: defaultRulebook.compiled.eligibility.length,
  compileMs: { first: compileTimes[0], median: median(compileTimes) },
  eligibility: { cases: sales.length, perSecond: oursPerSecond, rounds },
  jsonRulesEngine: { cases: jreFacts.length, perSecond: jrePerSecond },
  ratio: oursPerSecond / jrePerSecond,
  agreement: { cases: jreSales.length, decidedFindings: decided, disagreements, examples },
  screening,
};
const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MB`;
console.log(`
insurance-compliance-rules benchmark — ${result.node}, ${result.cores} × ${result.cpu}
rulebook compile (all shipped rule sets)   first ${result.compileMs.first.toFixed(1)} ms, median ${result.compileMs.median.toFixed(1)} ms   (target < 50 ms)
checkSalesEligibility (${result.rules} rules)      ${fmt(oursPerSecond).padStart(10)} sales/s   (${fmt(sales.length)} generated sales, median of 7 rounds, CPU time)
json-rules-engine, same rules and cases    ${fmt(jrePerSecond).padStart(10)} sales/s   (${fmt(jreFacts.length)} cases, CPU time; facts derived outside the timing)
ratio                                      ${result.ratio.toFixed(1).padStart(10)} ×         (target ≥ 100)
agreement on decided rules                 ${fmt(decided - disagreements)}/${fmt(decided)} findings over ${fmt(jreSales.length)} cases${disagreements ? `  DISAGREEMENTS: ${JSON.stringify(examples)}` : ''}

icr check eligibility (NDJSON)  records   file      JSON.parse     peak RSS    icr check      peak RSS    ratio (target ≤ 2)`);
for (const s of screening) {
  console.log(
    `                              ${fmt(s.records).padStart(9)} ${mb(s.bytes).padStart(8)} ${`${(s.jsonParseMs / 1000).toFixed(2)} s`.padStart(10)} ${mb(s.jsonParsePeakRss).padStart(10)} ${`${(s.icrMs / 1000).toFixed(2)} s`.padStart(10)} ${mb(s.icrPeakRss).padStart(12)} ${s.ratio.toFixed(2).padStart(8)}`,
  );
}
console.log(`\nBENCH_JSON ${JSON.stringify(result)}`);
if (disagreements > 0) process.exitCode = 1;
