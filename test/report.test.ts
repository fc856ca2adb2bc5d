/**
 * The auditor's HTML report as text: what it contains, that untrusted text
 * cannot become markup, that extra result fields of other checks are shown,
 * and `icr report`'s exit codes. What a reader sees in a browser is in
 * report.browser.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureReport } from '../src/fixtures/runner.js';
import { escapeHtml, jsonForScript, renderHtmlReport } from '../src/report/html.js';
import type { CheckResult } from '../src/schemas/result.js';
import { CONSENT_RULE, HOSTILE, HOSTILE_RULE, OWN_FIXTURES, buildAuditReport, root } from './support/audit.js';

const { rulebook, report, html } = buildAuditReport();

/** The JSON data block the filter script reads. */
function dataBlock(text: string): { rules: Array<{ id: string; source: string; text: string }> } {
  const m = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(text);
  if (!m) throw new Error('no data block');
  return JSON.parse(m[1]!);
}

describe('renderHtmlReport', () => {
  it('has one section per source that has rules, with every rule, its section and exact quote', () => {
    for (const set of rulebook.ruleSets) {
      if (set.rules.length === 0) continue;
      expect(html).toContain(`<section class="source" id="src-${set.source}"`);
      for (const rule of set.rules) {
        expect(html).toContain(`id="rule-${rule.id}"`);
        expect(html).toContain(escapeHtml(rule.citation.quote));
        expect(html).toContain(`${escapeHtml(rule.citation.source)} ${escapeHtml(rule.citation.section)}`);
      }
    }
  });

  it('names the library version, the rulebook and its hash, and the fixture totals', () => {
    expect(html).toContain('insurance-compliance-rules 9.9.9-test');
    expect(html).toContain(rulebook.hash);
    expect(html).toContain(`<b>${report.totals.failed}</b> fixtures failed`);
    expect(report.totals.failed).toBeGreaterThanOrEqual(1);
    expect(report.totals.invalid).toBe(1);
  });

  it('lists failing and invalid fixtures at the top with what went wrong', () => {
    const problems = html.slice(html.indexOf('id="problems"'), html.indexOf('id="coverage"'));
    expect(problems).toContain(escapeHtml(OWN_FIXTURES.wrong.description));
    expect(problems).toContain('verdict is pass, expected fail');
    expect(problems).toContain('report-test/broken.json#0');
    expect(problems).toContain('is not valid JSON');
    expect(problems).not.toContain(escapeHtml(OWN_FIXTURES.failing.description));
  });

  it('never lets text from rule files or fixtures become markup', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<img');
    // Exactly two script elements: the JSON data and the filter script.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain(escapeHtml(HOSTILE));
    const data = dataBlock(html);
    expect(data.rules.find((r) => r.id === HOSTILE_RULE)!.text).toContain(HOSTILE.toLowerCase());
    expect(data.rules.find((r) => r.id === CONSENT_RULE)!.text).toContain(OWN_FIXTURES.passing.description.toLowerCase());
  });

  it('escapes for HTML and for a JSON script block', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
    const json = jsonForScript({ s: '</script><!-- & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ s: '</script><!-- & \u2028' });
  });

  it('allows only its own inline script and no network by Content-Security-Policy', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]{43}='/);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
  });

  it('flags rules that lack a failing or a passing fixture', () => {
    // Every rule but the consent rule stripped of its fixtures.
    const own = { ...report, coverage: report.coverage.map((c) => (c.ruleId === CONSENT_RULE ? c : { ...c, failedIn: [], passedIn: [] })) };
    const text = renderHtmlReport({ rulebook, report: own, libraryVersion: '1' });
    expect(text).toMatch(new RegExp(`id="rule-${HOSTILE_RULE.replace(/\./g, '\\.')}"[^>]*>\\s*<h3>.*NOT COVERED: no passing fixture exercises it`));
    expect(text).toMatch(new RegExp(`id="rule-${CONSENT_RULE.replace(/\./g, '\\.')}"[^>]*>\\s*<h3>.*covered: fails and passes`));
    expect(text).not.toContain('Generated</dt>');
  });

  it('shows the extra result fields of other checks (deadlines, retention) as key/value tables', () => {
    const base = report.outcomes.find((o) => o.result && o.status === 'passed' && o.result.findings.some((f) => f.ruleId === CONSENT_RULE))!;
    const result = {
      ...base.result!,
      deadlines: [
        { ruleId: CONSENT_RULE, citation: base.result!.findings[0]!.citation, startAt: '2026-03-02T10:00:00+08:00', dueAt: '2026-03-04T23:59:59+08:00', status: 'breached', overdueBy: 'PT2H' },
        { ruleId: 'some.other-rule', dueAt: '2030-01-01T00:00:00+08:00', status: 'pending' },
      ],
      retainUntil: '2036-03-02',
      governingRule: { ruleId: CONSENT_RULE, citation: base.result!.findings[0]!.citation },
    } as CheckResult;
    const custom: FixtureReport = { ...report, outcomes: [{ ...base, result }] };
    const text = renderHtmlReport({ rulebook, report: custom, libraryVersion: '1' });
    const article = text.slice(text.indexOf(`id="rule-${CONSENT_RULE}"`), text.indexOf('</article>', text.indexOf(`id="rule-${CONSENT_RULE}"`)));
    expect(article).toContain('<caption>deadlines</caption>');
    expect(article).toContain('<th scope="row">dueAt</th><td>2026-03-04T23:59:59+08:00</td>');
    expect(article).toContain('<th scope="row">status</th><td>breached</td>');
    expect(article).not.toContain('2030-01-01'); // another rule's clock is not shown under this rule
    const index = text.slice(text.indexOf('id="fixtures"'));
    expect(index).toContain('<th scope="row">retainUntil</th><td>2036-03-02</td>');
    expect(index).toContain(`<th scope="row">governingRule</th><td>${CONSENT_RULE}</td>`);
    expect(index).toContain('2030-01-01T00:00:00+08:00');
  });

  it('is the same for the same inputs (no clock inside)', () => {
    expect(buildAuditReport().html).toBe(html);
  });
});

describe('icr report', () => {
  const cli = join(root, 'dist', 'cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'icr-report-'));
  const icr = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1772416800' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const write = (name: string, data: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(data, null, 2));
    return file;
  };
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });

  it('writes the report and exits 0 when every fixture passes', () => {
    const fx = write('ok.json', [OWN_FIXTURES.passing, OWN_FIXTURES.failing]);
    const out = join(dir, 'ok.html');
    const r = icr(['report', '--html', out, fx]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 passed, 0 failed, 0 invalid; report written to');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(text).toContain('id="src-insurance-law-2015"');
    expect(text).toContain('<dt>Generated</dt><dd>2026-03-02T10:00:00+08:00</dd>');
  });

  it('still writes the report, and exits 1, when a fixture fails', () => {
    const fx = write('wrong.json', OWN_FIXTURES.wrong);
    const out = join(dir, 'wrong.html');
    const r = icr(['report', '--html', out, fx]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('verdict is pass, expected fail');
  });

  it('judges by the rule files given with --rules', () => {
    const fx = write('ok2.json', [OWN_FIXTURES.passing]);
    const out = join(dir, 'rules.html');
    const r = icr(['report', '--html', out, fx, '--rules', join(root, 'rules', 'insurance-law-2015.json')]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('id="src-insurance-law-2015"');
    expect(text).not.toContain('id="src-mkt-service-2025"');
  });

  it('exits 2 on unusable arguments', () => {
    expect(icr(['report']).code).toBe(2);
    expect(icr(['report', '--html']).code).toBe(2);
    expect(icr(['report', '--html', join(dir, 'x.html'), join(dir, 'no-such-dir')]).code).toBe(2);
    expect(icr(['report', '--html', join(dir, 'no-such-dir', 'x.html'), write('ok3.json', OWN_FIXTURES.passing)]).code).toBe(2);
  });
});
