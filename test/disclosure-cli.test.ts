import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareExpectation } from '../src/fixtures/runner.js';
import { Fixture } from '../src/fixtures/schema.js';
import { checkDisclosure } from '../src/index.js';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const icr = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

/** The first complete sale of the shipped fixtures, as a caller would send it. */
const completeSale = () => (JSON.parse(readFileSync(join(root, 'fixtures/disclosure/complete-sale.json'), 'utf8')) as Array<{ input: Record<string, unknown> }>)[0]!.input;

describe('icr and disclosure fixtures', () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npx tsup` (npm test builds first)');
  });

  it('runs the shipped disclosure fixtures', () => {
    const r = icr('test', 'fixtures/disclosure', '--reporter', 'json');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { totals: { passed: number; failed: number; invalid: number } };
    expect(report.totals.failed + report.totals.invalid).toBe(0);
    expect(report.totals.passed).toBeGreaterThan(50);
  });

  it('screens NDJSON sales with `icr check disclosure`, one line per record, an error line for a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icr-disclosure-'));
    const ok = completeSale();
    const nothing = { ...ok, id: 'S-NOTHING', disclosures: [] };
    const bad = { ...ok, id: 'S-BAD', disclosures: [{ item: 'nonsense', at: '2026-03-02T09:00:00+08:00' }] };
    const file = join(dir, 'sales.ndjson');
    writeFileSync(file, [ok, nothing, bad].map((s) => JSON.stringify(s)).join('\n'));
    const r = icr('check', 'disclosure', file);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.line, l.id, l.verdict ?? l.error])).toEqual([
      [1, 'S-COMPLETE', 'pass'],
      [2, 'S-NOTHING', 'fail'],
      [3, 'S-BAD', 'invalid-record'],
    ]);
    expect(lines[1]!.failed).toContain('sales-conduct-2023.art29.applicant-confirms');
    expect(r.status).toBe(2);
  });
});

describe('fixture expectations on finding facts', () => {
  const fixture = (facts: Record<string, Record<string, unknown>>) =>
    Fixture.parse({ description: 'a sale with nothing disclosed', check: 'disclosure', input: {}, expect: { facts } });
  const result = checkDisclosure({ ...(completeSale() as Parameters<typeof checkDisclosure>[0]), disclosures: [] });

  it('matches lists as sets and reports a mismatch plainly', () => {
    expect(compareExpectation(fixture({ 'sales-conduct-2023.art22.new-type-products': { missingItems: ['product-risks', 'benefit-uncertainty'] } }), result)).toEqual([]);
    expect(compareExpectation(fixture({ 'sales-conduct-2023.art22.new-type-products': { missingItems: ['benefit-uncertainty'] } }), result)).toEqual([
      'sales-conduct-2023.art22.new-type-products has missingItems = ["benefit-uncertainty","product-risks"], expected ["benefit-uncertainty"]',
    ]);
    expect(compareExpectation(fixture({ 'no.such.rule': { missingItems: [] } }), result)[0]).toMatch(/did not apply/);
  });
});
