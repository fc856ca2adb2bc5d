/**
 * Our evaluator and json-rules-engine must agree on every rule we decide.
 * Every shipped eligibility rule is exported with toJsonRulesEngineRules and
 * run by json-rules-engine on the facts deriveFacts returns, for every
 * shipped fixture and for generated sales.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InputError,
  checkSalesEligibility,
  defaultRulebook,
  deriveFacts,
  toJsonRulesEngineRules,
  type SaleInput,
} from '../src/index.js';
import { saleArb } from './support/arbitraries.js';

const { rules, operators } = toJsonRulesEngineRules(defaultRulebook, 'eligibility');
const engine = new Engine(rules as never, { allowUndefinedFacts: true });
for (const op of operators) engine.addOperator(op.name, op.evaluate);

/** Compares the two engines on one sale; returns how many decided findings were compared. */
const failedSeen = new Set<string>();
const passedSeen = new Set<string>();

async function compare(sale: SaleInput): Promise<number> {
  const result = checkSalesEligibility(sale);
  const facts = deriveFacts('eligibility', sale);
  const { events } = await engine.run(facts);
  const fired = new Set(events.map((e) => (e.params as { ruleId: string }).ruleId));
  let decided = 0;
  for (const f of [...result.findings, ...result.obligations]) {
    if (f.verdict === 'indeterminate') continue;
    decided += 1;
    (f.verdict === 'fail' ? failedSeen : passedSeen).add(f.ruleId);
    expect(fired.has(f.ruleId), `${f.ruleId} is ${f.verdict} for us`).toBe(f.verdict === 'fail');
  }
  // Rules that did not apply for us must not fire in json-rules-engine either.
  const judged = new Set([...result.findings, ...result.obligations].map((f) => f.ruleId));
  for (const id of fired) expect(judged.has(id), `${id} fired but did not apply for us`).toBe(true);
  return decided;
}

function fixtureSales(): SaleInput[] {
  const dir = join(__dirname, '..', 'fixtures', 'eligibility');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    return (Array.isArray(data) ? data : [data]).map((fx: { input: SaleInput }) => fx.input);
  });
}

describe('json-rules-engine agreement', () => {
  it('exports one plain rule per eligibility rule, firing a violation event', () => {
    expect(rules).toHaveLength(defaultRulebook.compiled.eligibility.length);
    for (const r of rules) expect(r.event).toEqual({ type: 'violation', params: { ruleId: r.name } });
    expect(JSON.parse(JSON.stringify(rules))).toEqual(rules);
  });

  it('agrees on every decided rule of every shipped fixture', async () => {
    let compared = 0;
    for (const sale of fixtureSales()) {
      try {
        compared += await compare(sale);
      } catch (e) {
        if (!(e instanceof InputError)) throw e; // hostile-input fixtures are rejected before any rule runs
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('agrees on every decided rule of generated sales', async () => {
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(saleArb, async (sale) => {
        decided += await compare(sale);
      }),
      { numRuns: 3000, seed: 20261122 },
    );
    expect(decided).toBeGreaterThan(5000);
    // The generator reaches both outcomes of every rule, so agreement is tested where it matters.
    const ids = defaultRulebook.compiled.eligibility.map((c) => c.rule.id);
    expect(ids.filter((id) => !failedSeen.has(id))).toEqual([]);
    expect(ids.filter((id) => !passedSeen.has(id))).toEqual([]);
  });
});
