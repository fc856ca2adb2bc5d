/**
 * The CLI as pipelines use it: exit codes, reporters, files written, records
 * never dropped. Runs the built `dist/cli.js` (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compliantSale } from './support/sales.js';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'icr-cli-'));

function icr(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const write = (name: string, data: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return file;
};

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('icr validate', () => {
  it('exits 0 on the shipped rule files', () => {
    const r = icr(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rule file\(s\) valid/);
  });
  it('exits 2 on a duplicate id and says where', () => {
    const set = JSON.parse(readFileSync(join(root, 'rules', 'health-2019.json'), 'utf8'));
    set.rules.push(set.rules[0]);
    const file = write('dup.json', set);
    const r = icr(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dup.json#/rules/1/id: duplicate rule id "health-2019.long-term-cooling-off"');
  });
});

describe('icr test', () => {
  const passing = {
    description: 'A compliant sale passes the Insurance Law rules',
    check: 'eligibility',
    rulesets: ['insurance-law-2015'],
    input: compliantSale({ insured: { kind: 'person', birthDate: '1990-01-01', civilCapacity: 'full', relationToApplicant: 'spouse', consentToDeathCover: true } }),
    expect: { verdict: 'pass', passed: ['insurance-law-2015.art34.insured-consent'] },
  };
  it('writes JUnit XML with --out and exits 0 when every fixture passes', () => {
    const fx = write('ok.json', [passing]);
    const out = join(dir, 'f.xml');
    const r = icr(['test', fx, '--reporter', 'junit', '--out', out]);
    expect(r.code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<testsuites name="insurance-compliance-rules fixtures" tests="1" failures="0" errors="0">');
    expect(xml).toContain('A compliant sale passes the Insurance Law rules');
  });
  it('exits 1 when a fixture fails, naming what differed', () => {
    const fx = write('bad.json', [{ ...passing, expect: { verdict: 'fail' } }]);
    const r = icr(['test', fx, '--reporter', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.outcomes[0].problems).toEqual(['verdict is pass, expected fail']);
  });
  it('exits 2 for an invalid fixture file', () => {
    const fx = write('invalid.json', { description: 'x', check: 'eligibility' });
    expect(icr(['test', fx]).code).toBe(2);
    expect(icr(['test', write('notjson.json', '{ nope')]).code).toBe(2);
  });
  it('with --require-coverage, exits 1 when a rule lacks a failing or a passing fixture', () => {
    const fx = write('ok2.json', [passing]);
    const r = icr(['test', fx, '--require-coverage', '--reporter', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).coverage.uncovered).toContain('insurance-law-2015.art34.insured-consent');
  });
  it('judges by --rules given as a directory like the shipped rules/, skipping the calendars in it', () => {
    const fx = write('ok3.json', [passing]);
    const r = icr(['test', fx, '--rules', join(root, 'rules')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
  it('names the file and the pointer of an invalid --rules file, and exits 2', () => {
    const set = JSON.parse(readFileSync(join(root, 'rules', 'health-2019.json'), 'utf8'));
    set.rules[0].require.operator = 'matches';
    const bad = write('bad-rules.json', set);
    const r = icr(['test', write('ok4.json', [passing]), '--rules', join(root, 'rules', 'insurance-law-2015.json'), '--rules', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-rules.json#/rules/0/require/operator: unknown operator "matches"');
  });
  it('exits 2 on unusable arguments', () => {
    expect(icr(['test', '--reporter', 'tap']).code).toBe(2);
    expect(icr(['test', '--frobnicate']).code).toBe(2);
    expect(icr(['nonsense']).code).toBe(2);
  });
});

describe('icr rules', () => {
  it('lists every rule with its citation as JSON', () => {
    const r = icr(['rules', '--format', 'json', '--check', 'eligibility']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as Array<{ id: string; citation: { quote: string } }>;
    expect(rules.find((x) => x.id === 'recording-2017.dual-recording.elderly')!.citation.quote).toContain('60周岁（含）以上');
  });
});

describe('icr check', () => {
  it('writes one line per record in order, error lines for broken ones, and exits 2', () => {
    const ok = compliantSale({ id: 'A' });
    const naive = { ...compliantSale({ id: 'B' }), signedAt: '2026-03-02T10:00:00' };
    const minor = compliantSale({ id: 'C', applicant: { ...compliantSale().applicant, birthDate: '2010-01-01' } });
    const text = [JSON.stringify(ok), '{ this is not json', JSON.stringify(naive), JSON.stringify(minor)].join('\n');
    const r = icr(['check', 'eligibility', '-', '--summary', join(dir, 'summary.json')], text);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    expect(lines[0]).toMatchObject({ id: 'A', verdict: 'pass', failed: [] });
    expect(lines[1]).toMatchObject({ error: 'invalid-json' });
    expect(lines[2]).toMatchObject({ id: 'B', error: 'invalid-record' });
    expect(lines[2].issues[0].path).toBe('signedAt');
    expect(lines[3]).toMatchObject({ id: 'C', verdict: 'fail' });
    expect(lines[3].failed).toContain('mkt-service-2025.minor-applicant');
    const { summary } = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ records: 4, errors: 2, verdicts: { pass: 1, fail: 1 } });
  });
  it('exits 1 when a record fails and 0 when all pass', () => {
    expect(icr(['check', 'eligibility', '-'], JSON.stringify([compliantSale()])).code).toBe(0);
    const minor = compliantSale({ applicant: { ...compliantSale().applicant, birthDate: '2010-01-01' } });
    expect(icr(['check', 'eligibility', '-'], JSON.stringify(minor)).code).toBe(1);
  });
});
