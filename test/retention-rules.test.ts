import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulebook } from '../src/index.js';
import { compareExpectation, runFixtures } from '../src/fixtures/runner.js';
import { checkDisposal } from '../src/index.js';
import { Fixture } from '../src/fixtures/schema.js';

const root = join(import.meta.dirname, '..');
const retentionRules = defaultRulebook.rules.filter((r) => r.check === 'retention');
const squash = (s: string) => s.replace(/\s+/g, '');

describe('shipped retention rules', () => {
  it('cover every SPEC §8 retention item', () => {
    const cited = new Set(retentionRules.map((r) => `${r.citation.source} ${r.citation.section}`));
    for (const item of ['insurance-law-2015 art. 87', 'recording-2017 art. 13', 'agency-ops 7.1', 'agency-ops 7.2', 'suitability-2025 art. 17', 'aml-2024 art. 34']) {
      expect(cited).toContain(item);
    }
  });

  it.each(retentionRules.map((r) => [r.id, r] as const))('%s quotes its source word for word', (_id, rule) => {
    const source = squash(readFileSync(join(root, 'sources', `${rule.citation.source}.txt`), 'utf8'));
    for (const fragment of rule.citation.quote.split('……')) expect(source).toContain(squash(fragment));
  });
});

describe('retention fixtures', () => {
  const dir = join(root, 'fixtures', 'retention');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: `fixtures/retention/${f}`, data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown }));
  const report = runFixtures(sources);

  it('all pass', () => {
    const failures = report.outcomes.filter((o) => o.status !== 'passed').map((o) => `${o.file}#${o.index}: ${o.problems.join('; ')}`);
    expect(failures).toEqual([]);
    expect(report.totals.passed).toBeGreaterThanOrEqual(40);
  });

  it('make every retention rule fail at least once and pass at least once', () => {
    const gaps = report.coverage
      .filter((c) => c.check === 'retention' && (c.failedIn.length === 0 || c.passedIn.length === 0))
      .map((c) => c.ruleId);
    expect(gaps).toEqual([]);
    expect(report.coverage.filter((c) => c.check === 'retention').length).toBe(retentionRules.length);
  });
});

describe('fixture expectations on retention results', () => {
  const input = { id: 'P', kind: 'policy-file', policyTermMonths: 12, contractTerminatedAt: '2019-03-31' };
  const asOf = '2024-03-31T10:00:00+08:00';
  const result = checkDisposal(input as never, { asOf });
  const fixture = (expect: Record<string, unknown>) => Fixture.parse({ description: 'retention expectation test', check: 'retention', asOf, input, expect });

  it('compares retainUntil and the governing rule', () => {
    expect(compareExpectation(fixture({ retainUntil: '2024-03-31', governingRule: 'insurance-law-2015.art87.term-up-to-1y' }), result)).toEqual([]);
    expect(compareExpectation(fixture({ retainUntil: '2024-04-01' }), result)).toEqual(['retainUntil is 2024-03-31, expected 2024-04-01']);
    expect(compareExpectation(fixture({ governingRule: null }), result)).toEqual([
      'the governing rule is insurance-law-2015.art87.term-up-to-1y, expected none',
    ]);
  });

  it('reads an empty retainUntil as "no date"', () => {
    const open = checkDisposal({ id: 'Q', kind: 'policy-file', policyTermMonths: 12 }, { asOf });
    expect(compareExpectation(fixture({ retainUntil: '' }), open)).toEqual([]);
    expect(compareExpectation(fixture({ retainUntil: '' }), result)).toEqual(['retainUntil is 2024-03-31, expected null']);
  });
});
