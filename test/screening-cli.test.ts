/**
 * `icr check` as a pipeline runs it (built dist/cli.js): one line per record in
 * input order whatever the format, error lines instead of dropped records, the
 * summary, the exit codes, and no progress bytes off a terminal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compliantSale } from './support/sales.js';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'icr-screen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

type Line = Record<string, unknown> & { line: number; id: string | null };
function icr(args: string[], input?: string, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, input: input ?? '', encoding: 'utf8', env: { ...process.env, CI: '', ...env }, maxBuffer: 1 << 28 });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  return { code: r.status, lines, stdout: r.stdout, stderr: r.stderr };
}
const summaryOf = (stderr: string) => (JSON.parse(stderr) as { summary: Record<string, unknown> }).summary;
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const minor = (id: string) => compliantSale({ id, applicant: { ...compliantSale().applicant, birthDate: '2010-01-15' }, insured: { ...compliantSale().insured, birthDate: '2010-01-15' } });

describe('icr check on NDJSON', () => {
  it('gives as many lines as there are records, in order, for a broken line and a naive date, and exits 2', () => {
    const input = [
      JSON.stringify(compliantSale({ id: 'A' })),
      '{ "id": "BROKEN", this is not json',
      '',
      JSON.stringify({ ...compliantSale({ id: 'NAIVE' }), signedAt: '2026-03-02T10:00:00' }),
      '   ',
      JSON.stringify(minor('MINOR')),
      '[1, 2]',
    ].join('\r\n');
    const r = icr(['check', 'eligibility', '-'], input);
    expect(r.code).toBe(2);
    expect(r.lines.map((l) => [l.line, l.id, l.verdict ?? l.error])).toEqual([
      [1, 'A', 'pass'],
      [2, null, 'invalid-json'],
      [4, 'NAIVE', 'invalid-record'],
      [6, 'MINOR', 'fail'],
      [7, null, 'invalid-record'],
    ]);
    expect(r.lines[2]!.issues).toEqual([{ path: 'signedAt', message: expect.stringContaining('offset') }]);
    expect(r.lines[3]!.failed).toContain('mkt-service-2025.minor-applicant');
    // Off a terminal, stderr is exactly the summary: no progress bytes.
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(summaryOf(r.stderr)).toMatchObject({ records: 5, errors: 3, errorKinds: { 'invalid-json': 1, 'invalid-record': 2 }, verdicts: { pass: 1, fail: 1 }, exitCode: 2, complete: true });
  });

  it('keeps input order and one line per record over thousands of mixed records in a file', () => {
    const records: string[] = [];
    for (let i = 0; i < 3000; i++) {
      if (i % 97 === 0) records.push(`{"id":"R${i}", oops`);
      else if (i % 89 === 0) records.push(JSON.stringify({ ...compliantSale({ id: `R${i}` }), channel: 'pigeon' }));
      else records.push(JSON.stringify(i % 3 === 0 ? minor(`R${i}`) : compliantSale({ id: `R${i}` })));
    }
    const file = write('many.ndjson', `${records.join('\n')}\n`);
    const r = icr(['check', 'eligibility', file, '--summary', join(dir, 'many-summary.json')]);
    expect(r.lines).toHaveLength(3000);
    expect(r.lines.map((l) => l.line)).toEqual(records.map((_, i) => i + 1));
    r.lines.forEach((l, i) => {
      if (i % 97 === 0) expect(l.error).toBe('invalid-json');
      else expect(l.id).toBe(`R${i}`);
    });
    const summary = JSON.parse(readFileSync(join(dir, 'many-summary.json'), 'utf8')).summary;
    expect(summary.records).toBe(3000);
    expect(summary.errors).toBe(r.lines.filter((l) => l.error).length);
    expect(r.stderr).toBe('');
  });
});

describe('icr check on JSON', () => {
  it('streams a pretty-printed array: strings with brackets do not confuse it, a malformed element is one error line', () => {
    const a = compliantSale({ id: 'A [x] {y} "q" \\ ,' });
    const c = minor('C');
    const text = `[\n${JSON.stringify(a, null, 2)},\n{ "id": "B", "channel": agent },\n${JSON.stringify(c, null, 2)}\n]\n`;
    const file = write('sales.json', text);
    const r = icr(['check', 'eligibility', file]);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(r.lines.map((l) => [l.line, l.id, l.verdict ?? l.error])).toEqual([
      [2, 'A [x] {y} "q" \\ ,', 'pass'],
      [lineOf('"B"'), null, 'invalid-json'],
      [lineOf('"id": "C"') - 1, 'C', 'fail'],
    ]);
    expect(r.code).toBe(2);
  });

  it('reads an array and a single pretty-printed object from stdin without --format', () => {
    const r = icr(['check', 'eligibility', '-'], JSON.stringify([compliantSale({ id: 'A' }), minor('B')]));
    expect(r.lines.map((l) => [l.line, l.id, l.verdict])).toEqual([
      [1, 'A', 'pass'],
      [1, 'B', 'fail'],
    ]);
    expect(r.code).toBe(1);
    const one = icr(['check', 'eligibility', '-'], JSON.stringify(compliantSale({ id: 'ONE' }), null, 2));
    expect(one.lines).toEqual([expect.objectContaining({ line: 1, id: 'ONE', verdict: 'pass' })]);
    expect(one.code).toBe(0);
  });

  it('reports an array cut short', () => {
    const r = icr(['check', 'eligibility', '-', '--format', 'json'], `[${JSON.stringify(compliantSale({ id: 'A' }))},\n{"id":"B","signedAt":`);
    expect(r.lines.map((l) => [l.line, l.id, l.verdict ?? l.error])).toEqual([
      [1, 'A', 'pass'],
      [2, null, 'invalid-json'],
    ]);
    expect(r.code).toBe(2);
  });
});

describe('icr check on CSV (the docs/examples files)', () => {
  const example = (name: string) => join(root, 'docs', 'examples', name);
  const show = (lines: Line[]) => lines.map((l) => [l.line, l.id, l.verdict ?? l.error]);

  it('eligibility: nested columns and JSON cells make a sale', () => {
    const r = icr(['check', 'eligibility', example('eligibility.csv')]);
    expect(show(r.lines)).toEqual([
      [2, 'S-1001', 'pass'],
      [3, 'S-1002', 'fail'],
      [4, 'S-1003', 'fail'],
      [5, 'S-1004', 'indeterminate'],
      [6, 'S-1005', 'invalid-record'],
    ]);
    expect(r.lines[1]!.failed).toEqual(['mkt-service-2025.minor-applicant']);
    expect(r.lines[2]!.failed).toEqual(expect.arrayContaining(['mkt-service-2025.risk-match.three-nos', 'suitability-2025.art12.risk-level']));
    expect(r.lines[3]!.missing).toEqual(['applicant.birthDate']);
    expect(r.lines[4]!.issues).toEqual([{ path: 'signedAt', message: expect.stringContaining('offset') }]);
    expect(r.code).toBe(2);
  });

  it('disclosure: a disclosures JSON cell, judged by Insurance Law art. 17', () => {
    const r = icr(['check', 'disclosure', example('disclosure.csv'), '--rulesets', 'insurance-law-2015']);
    expect(show(r.lines)).toEqual([
      [2, 'D-1', 'pass'],
      [3, 'D-2', 'fail'],
      [4, 'D-3', 'fail'],
      [5, 'D-4', 'invalid-record'],
    ]);
    expect(r.lines[1]!.failed).toEqual(['insurance-law-2015.art17.exclusions']);
    expect(r.lines[2]!.failed).toEqual(['insurance-law-2015.art17.standard-terms']);
    expect(r.lines[3]!.issues).toEqual([{ path: 'disclosures', message: expect.stringMatching(/^is not valid JSON/) }]);
  });

  it('deadlines: an events JSON cell; breached, met and pending clocks', () => {
    const r = icr(['check', 'deadlines', example('deadlines.csv'), '--rulesets', 'agency-ops', '--as-of', '2025-10-02T12:00:00+08:00']);
    expect(show(r.lines)).toEqual([
      [2, 'Q-1', 'fail'],
      [3, 'Q-2', 'pass'],
      [4, 'Q-3', 'pass'],
      [5, 'Q-4', 'invalid-record'],
    ]);
    expect(r.lines[0]).toMatchObject({ breached: ['agency-ops.deadline.inquiry-response'], pending: 0, nextDueAt: null });
    expect(r.lines[1]).toMatchObject({ breached: [], pending: 0, deadlines: [{ ruleId: 'agency-ops.deadline.inquiry-response', status: 'met', dueAt: '2025-10-02T09:00:00+08:00' }] });
    expect(r.lines[2]).toMatchObject({ breached: [], pending: 1, nextDueAt: '2025-10-03T09:00:00+08:00' });
    expect(r.lines[3]!.issues).toEqual([{ path: 'major', message: 'must be a boolean' }]);
    expect(summaryOf(r.stderr)).toMatchObject({ clocks: { met: 1, breached: 1, pending: 1, indeterminate: 0 } });
  });

  it('retention: the documented example, and CSV told from its header on stdin', () => {
    const r = icr(['check', 'retention', example('retention.csv'), '--as-of', '2025-07-01T00:00:00+08:00']);
    expect(r.lines.map((l) => [l.id, l.verdict, l.retainUntil, l.mayDispose])).toEqual([
      ['PF-1', 'pass', '2024-03-31', true],
      ['REC-7', 'fail', '2026-11-20', false],
      ['AA-3, Shanghai branch', 'pass', '2025-06-30', true],
    ]);
    expect(r.code).toBe(1);
    const stdin = icr(['check', 'retention', '-', '--as-of', '2025-07-01T00:00:00+08:00'], readFileSync(example('retention.csv'), 'utf8'));
    expect(stdin.lines).toEqual(r.lines);
  });

  it('stops before any output on an unknown column, naming it', () => {
    const r = icr(['check', 'eligibility', '-', '--format', 'csv'], 'id,signedAt,channel,applicant.kind,insured.kind,product.code,product.line,product.kind,applicant.birthdate\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown column "applicant.birthdate" (did you mean "applicant.birthDate"?');
  });

  it('prints the columns of a check', () => {
    const r = spawnSync(process.execPath, [cli, 'check', 'deadlines', '--columns'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('| `events` | a JSON array of `{ type, at, outcome?, note? }` |');
  });
});

describe('summary, --full and exit codes', () => {
  it('counts per verdict, per failed rule and per source (records, not findings)', () => {
    const r = icr(['check', 'eligibility', '-'], [compliantSale({ id: 'A' }), minor('B'), minor('C')].map((s) => JSON.stringify(s)).join('\n'));
    const summary = summaryOf(r.stderr);
    expect(summary).toMatchObject({
      check: 'eligibility',
      records: 3,
      verdicts: { pass: 1, fail: 2, indeterminate: 0, 'not-applicable': 0 },
      errors: 0,
      failedRules: { 'mkt-service-2025.minor-applicant': 2 },
      failedBySource: { 'mkt-service-2025': 2 },
      asOf: null,
      rulebook: { id: 'default' },
      complete: true,
      exitCode: 1,
    });
    expect(typeof summary.recordsPerSecond).toBe('number');
    expect(typeof summary.elapsedMs).toBe('number');
    expect(r.code).toBe(1);
  });

  it('adds whole findings with --full', () => {
    const r = icr(['check', 'eligibility', '-', '--full', '--rulesets', 'mkt-service-2025'], JSON.stringify(minor('B')));
    const finding = (r.lines[0]!.findings as Array<{ ruleId: string; verdict: string; citation: { source: string; section: string }; message: { en: string } }>).find((f) => f.ruleId === 'mkt-service-2025.minor-applicant')!;
    expect(finding).toMatchObject({ verdict: 'fail', citation: { source: 'mkt-service-2025', section: '2.1' } });
    expect(finding.message.en.length).toBeGreaterThan(0);
    expect(r.lines[0]).toMatchObject({ asOf: '2026-03-02T10:00:00+08:00', rulebook: { id: 'default:mkt-service-2025' }, obligations: expect.any(Array) });
    const deadlines = icr(['check', 'deadlines', '-', '--full', '--rulesets', 'agency-ops', '--as-of', '2025-10-02T12:00:00+08:00'], '{"id":"Q","kind":"inquiry","receivedAt":"2025-10-01T09:00:00+08:00"}');
    expect(deadlines.lines[0]!.deadlines).toEqual([expect.objectContaining({ ruleId: 'agency-ops.deadline.inquiry-response', status: 'breached', citation: expect.objectContaining({ source: 'agency-ops' }) })]);
  });

  it('exits 0 when every record passed or no rule applied', () => {
    const r = icr(['check', 'deadlines', '-', '--rulesets', 'agency-ops', '--as-of', '2025-10-02T12:00:00+08:00'], '{"id":"X","kind":"salesperson-departure","receivedAt":"2025-10-01T09:00:00+08:00"}');
    expect(r.lines).toEqual([expect.objectContaining({ id: 'X', verdict: 'not-applicable' })]);
    expect(r.code).toBe(0);
    expect(icr(['check', 'eligibility', '-'], '\n\n').code).toBe(0);
  });

  it('exits 2 on unusable arguments', () => {
    expect(icr(['check', 'eligibility', '-', '--format', 'xml']).code).toBe(2);
    expect(icr(['check', 'eligibility', join(dir, 'missing.ndjson')]).code).toBe(2);
    expect(icr(['check', 'eligibility', '-', '--as-of', '2026-03-02T10:00:00']).code).toBe(2);
    expect(icr(['check', 'eligibility', '-', '--rulesets', 'no-such-source']).code).toBe(2);
    expect(icr(['check', 'eligibility', '--columns', 'file.csv']).code).toBe(2);
  });
});

describe('progress line', () => {
  // `script` runs the command on a pseudo-terminal, so stderr is a TTY there.
  const hasScript = existsSync('/usr/bin/script');
  const onTerminal = (env: Record<string, string>) => {
    const out = join(dir, 'tty-out.ndjson');
    const command = `${process.execPath} ${cli} check retention ${join(root, 'docs/examples/retention.csv')} --as-of 2025-07-01T00:00:00+08:00 > ${out}`;
    const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...env } });
    return { terminal: r.stdout, results: readFileSync(out, 'utf8') };
  };

  it.skipIf(!hasScript)('is drawn on a terminal and erased before the summary, never in the results', () => {
    const { terminal, results } = onTerminal({ CI: '' });
    expect(terminal).toMatch(/^\ricr check .*records.*\x1b\[K/);
    expect(terminal).toContain('\r\x1b[K{"summary":');
    expect(results).not.toMatch(/[\r\x1b]/);
    expect(results.trim().split('\n')).toHaveLength(3);
  });

  it.skipIf(!hasScript)('is not drawn in CI', () => {
    const { terminal } = onTerminal({ CI: 'true' });
    expect(terminal).not.toContain('\x1b[K');
    expect(terminal.trimStart()).toMatch(/^\{"summary":/);
  });
});
