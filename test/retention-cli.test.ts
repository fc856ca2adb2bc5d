import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the built CLI: `npm test` builds first (`npx tsup` by hand).
const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'icr-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function icr(args: string[], stdin?: string) {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npx tsup` (or `npm test`) first');
  const r = spawnSync(process.execPath, [cli, ...args], { input: stdin ?? '', encoding: 'utf8', env: { ...process.env, TZ: 'America/New_York' } });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code: r.status, lines, stderr: r.stderr };
}

const INVENTORY = [
  'id,kind,policyTermMonths,contractTerminatedAt,relationshipEndedAt,legalHold,appraisalApprovedAt,disputes',
  'ONE-YEAR,policy-file,12,2020-03-31,,,,',
  'TWENTY-YEAR,policy-file,240,2024-02-29,,,,',
  'REC,sales-recording,12,2015-01-31,,,,2023-05-01/2024-06-30',
  'HOLD,policy-file,12,2010-01-01,,yes,,',
  '"AGENCY, last day",agency-archive,,,2020-06-30,,2025-06-01,',
  'IN-FORCE,policy-file,240,,,,,',
  'BROKEN,policy-file,twelve,2020-03-31,,,,',
  'SHORT,policy-file',
].join('\r\n');

describe('icr check retention', () => {
  const file = join(dir, 'inventory.csv');
  writeFileSync(file, `${INVENTORY}\r\n`);

  it('screens a CSV inventory: one line per record with retainUntil and whether it may be destroyed on --as-of', () => {
    const { code, lines, stderr } = icr(['check', 'retention', file, '--as-of', '2025-06-30T12:00:00+08:00']);
    expect(code).toBe(2); // two rows are invalid
    const byId = Object.fromEntries(lines.map((l) => [l.id, l]));
    expect(byId['ONE-YEAR']).toMatchObject({ line: 2, verdict: 'pass', retainUntil: '2025-03-31', mayDispose: true });
    expect(byId['TWENTY-YEAR']).toMatchObject({ verdict: 'fail', retainUntil: '2034-02-28', mayDispose: false, governingRule: 'insurance-law-2015.art87.term-over-1y' });
    expect(byId.REC).toMatchObject({ verdict: 'fail', retainUntil: '2026-06-30', governingRule: 'recording-2017.art13.dispute' });
    expect(byId.HOLD).toMatchObject({ verdict: 'fail', retainUntil: '2015-01-01', mayDispose: false, failed: [] });
    expect(byId['AGENCY, last day']).toMatchObject({ verdict: 'fail', retainUntil: '2025-06-30', failed: ['agency-ops.retention.archive'] });
    expect(byId['IN-FORCE']).toMatchObject({ verdict: 'indeterminate', retainUntil: null, missing: ['contractTerminatedAt'] });
    expect(byId.BROKEN).toMatchObject({ line: 8, error: 'invalid-record', issues: [{ path: 'policyTermMonths' }] });
    expect(byId.SHORT).toMatchObject({ line: 9, error: 'invalid-csv' });
    expect(lines).toHaveLength(8);
    const { summary } = JSON.parse(stderr.trim()) as { summary: { records: number; errors: number; mayDispose: number } };
    expect(summary).toMatchObject({ records: 8, errors: 2, mayDispose: 1 });
  });

  it('reads CSV from stdin with --format csv, and NDJSON as before', () => {
    const csv = icr(['check', 'retention', '-', '--format', 'csv', '--as-of', '2025-07-01T00:00:00+08:00'], 'id,kind,relationshipEndedAt,appraisalApprovedAt\nA,agency-archive,2020-06-30,2025-06-01\n');
    expect(csv.code).toBe(0);
    expect(csv.lines).toEqual([expect.objectContaining({ id: 'A', verdict: 'pass', mayDispose: true, retainUntil: '2025-06-30' })]);
    const ndjson = icr(['check', 'retention', '-', '--as-of', '2025-07-01T00:00:00+08:00'], '{"id":"A","kind":"agency-archive","relationshipEndedAt":"2020-06-30","appraisal":{"approvedAt":"2025-06-01"}}\n');
    expect(ndjson.lines).toEqual([expect.objectContaining({ id: 'A', verdict: 'pass', mayDispose: true })]);
  });

  it('refuses to run without --as-of, with an unknown column, or with CSV columns that are not the check\'s', () => {
    expect(icr(['check', 'retention', file]).code).toBe(2);
    const unknown = icr(['check', 'retention', '-', '--format', 'csv', '--as-of', '2025-07-01T00:00:00+08:00'], 'id,kind,legal_hold\n');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown column "legal_hold"');
    const eligibility = icr(['check', 'eligibility', file]);
    expect(eligibility.code).toBe(2);
    expect(eligibility.stderr).toContain('unknown column "kind"');
  });
});
