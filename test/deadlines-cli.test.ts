/** `icr check deadlines` and `icr test` on deadline fixtures, as a pipeline runs them (built dist/cli.js). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');
const icr = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

const late = { id: 'Q-1', kind: 'inquiry', receivedAt: '2025-10-01T09:00:00+08:00', events: [] };
const onTime = { id: 'Q-2', kind: 'inquiry', receivedAt: '2025-10-01T09:00:00+08:00', events: [{ type: 'acknowledged', at: '2025-10-01T10:00:00+08:00' }] };

describe('icr check deadlines', () => {
  it('needs --as-of', () => {
    const r = icr(['check', 'deadlines', '-'], JSON.stringify(late));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of/);
  });
  it('writes one line per case with its clocks, and exits 1 when one is breached', () => {
    const text = [JSON.stringify(late), JSON.stringify(onTime), '{ nope', JSON.stringify({ ...late, id: 'Q-3', receivedAt: '2025-10-01T09:00:00' })].join('\n');
    const r = icr(['check', 'deadlines', '-', '--as-of', '2025-10-02T12:00:00+08:00', '--rulesets', 'agency-ops'], text);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'Q-1', verdict: 'fail', failed: ['agency-ops.deadline.inquiry-response'] });
    expect(lines[0].deadlines).toEqual([{ ruleId: 'agency-ops.deadline.inquiry-response', status: 'breached', dueAt: '2025-10-02T09:00:00+08:00', overdueBy: 'PT3H' }]);
    expect(lines[1]).toMatchObject({ id: 'Q-2', verdict: 'pass', deadlines: [{ status: 'met' }] });
    expect(lines[2]).toMatchObject({ line: 3, error: 'invalid-json' });
    expect(lines[3]).toMatchObject({ id: 'Q-3', error: 'invalid-record' });
    expect(r.code).toBe(2);
    expect(icr(['check', 'deadlines', '-', '--as-of', '2025-10-02T12:00:00+08:00', '--rulesets', 'agency-ops'], JSON.stringify(late)).code).toBe(1);
    expect(icr(['check', 'deadlines', '-', '--as-of', '2025-10-02T12:00:00+08:00', '--rulesets', 'agency-ops'], JSON.stringify(onTime)).code).toBe(0);
  });
});

describe('icr test on the deadline fixtures', () => {
  it('passes them all and covers every deadline rule both ways', () => {
    const r = icr(['test', 'fixtures/deadlines', '--reporter', 'json', '--coverage']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.totals.failed).toBe(0);
    const deadline = (report.coverage.rules as Array<{ ruleId: string; check: string; failedIn: unknown[]; passedIn: unknown[] }>).filter((c) => c.check === 'deadline');
    expect(deadline.length).toBeGreaterThanOrEqual(45);
    expect(deadline.filter((c) => !c.failedIn.length || !c.passedIn.length).map((c) => c.ruleId)).toEqual([]);
  });
});
