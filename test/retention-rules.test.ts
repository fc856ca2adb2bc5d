import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulebook } from '../src/index.js';
import { runFixtures } from '../src/fixtures/runner.js';

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
