/**
 * The auditor's HTML report: one self-contained page (inline CSS and JS, no
 * network, works opened from disk) that shows, per source, every rule with its
 * citation and exact quote, and the fixtures that exercise it with their
 * outcome and explanation.
 *
 * Pure: the caller runs the fixtures and supplies the time of generation.
 * Everything read from rule files and fixtures is untrusted and only ever
 * inserted HTML-escaped; the inline script reads its data from a JSON block
 * in which `<` is written `\u003c`. The page is fully rendered here — with
 * scripts disabled it is complete and readable; the script only hides and
 * shows rules for the filters.
 */
import { describeCondition, describeRequirement } from '../rulebook/catalogue.js';
import { CN_MAINLAND_CALENDAR } from '../calendar/cn-mainland.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { FACT_CATALOGS } from '../checks/catalogs.js';
import type { Condition } from '../engine/conditions.js';
import type { FactCatalog } from '../engine/facts.js';
import type { Rulebook } from '../rulebook/rulebook.js';
import type { RuleSet } from '../rulebook/ruleset.js';
import { sha256Hex } from '../rulebook/hash.js';
import type { FixtureOutcome, FixtureReport, RuleCoverage } from '../fixtures/runner.js';
import { SOURCE_IDS } from '../schemas/common.js';
import type { CheckResult, Finding } from '../schemas/result.js';
import type { Rule } from '../schemas/rule.js';

export interface HtmlReportInput {
  /** The rulebook the fixtures were judged by (its rule sets make the sections). */
  readonly rulebook: Rulebook;
  /** What `runFixtures` returned. */
  readonly report: FixtureReport;
  /** The library's version, printed in the header. */
  readonly libraryVersion: string;
  /** When the report was generated (shown as given); omitted: not shown. */
  readonly generatedAt?: string;
  /** The working-day calendar the run counted with (`--calendar`); default: the shipped one. */
  readonly calendar?: WorkingCalendar;
}

/** The calendar in the header: id, version, coverage, whether extended, and its hash. */
function calendarLine(c: WorkingCalendar): string {
  const trail = c.extended
    ? ` · extended${c.addedYears.length ? `, adds ${c.addedYears.join(', ')}` : ''}${c.replacedYears.length ? `, replaces ${c.replacedYears.join(', ')}` : ''}`
    : '';
  return `${e(c.id)} · version ${e(c.version)} · ${e(c.coverage.from)} to ${e(c.coverage.to)}${e(trail)} · <code class="hash">${e(c.hash)}</code>`;
}

/** How well fixtures cover a rule. */
type CoverageState = 'covered' | 'no-fail' | 'no-pass' | 'none';

interface RuleUse {
  readonly outcome: FixtureOutcome;
  /** Position of the outcome in `report.outcomes`: its anchor is `fx-<n>`. */
  readonly n: number;
  readonly finding: Finding;
  readonly obligation: boolean;
}

const BASE_RESULT_KEYS = new Set(['check', 'id', 'verdict', 'findings', 'obligations', 'asOf', 'rulebook']);
const BASE_RULE_KEYS = new Set(['id', 'check', 'title', 'message', 'citation', 'effective', 'severity', 'when', 'note', 'require']);
/** Fixture groups under a rule with more entries than this start collapsed. */
const OPEN_GROUP_MAX = 8;
/** Fields of a per-rule result entry (e.g. a deadline) not worth repeating next to the rule. */
const REDUNDANT_ENTRY_KEYS = new Set(['ruleId', 'citation', 'title']);

const MANUAL_DISCLAIMER = {
  en: 'This is an internal manual: its numbers and requirements are the manual’s own claims, not PRC law.',
  zh: '本文件为内部手册：其中的数字和要求是手册自身的主张，并非中国法律法规的规定。',
};

// ---------------------------------------------------------------- escaping

/** HTML-escapes text for element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const e = escapeHtml;

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the
 * JavaScript line separators are written as `\uXXXX`, so no string in it can
 * close the element or open a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// ---------------------------------------------------------------- values

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function isCondition(v: unknown): v is Condition {
  return isObject(v) && ('all' in v || 'any' in v || 'not' in v || ('fact' in v && 'operator' in v));
}

/** A value from a result or a rule in a few words: scalars as they are, citations and rule references by name, the rest as compact JSON. */
function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '(none)';
    if (v.every((x) => x === null || typeof x !== 'object')) return v.map(formatValue).join(', ');
  }
  if (isObject(v)) {
    if (typeof v.ruleId === 'string') return v.ruleId;
    if (typeof v.source === 'string' && typeof v.section === 'string') return `${v.source} ${v.section}`;
    if (isCondition(v)) return describeCondition(v);
  }
  return JSON.stringify(v);
}

function kvTable(entries: ReadonlyArray<readonly [string, unknown]>, caption?: string): string {
  if (entries.length === 0) return '';
  const rows = entries.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(formatValue(v))}</td></tr>`).join('');
  return `<table class="kv">${caption ? `<caption>${e(caption)}</caption>` : ''}<tbody>${rows}</tbody></table>`;
}

/** An array of objects as a table, one column per key. */
function objectTable(items: readonly Record<string, unknown>[], caption: string): string {
  const keys: string[] = [];
  for (const item of items) for (const k of Object.keys(item)) if (!keys.includes(k) && k !== 'title') keys.push(k);
  const head = keys.map((k) => `<th scope="col">${e(k)}</th>`).join('');
  const rows = items.map((item) => `<tr>${keys.map((k) => `<td>${e(formatValue(item[k]))}</td>`).join('')}</tr>`).join('');
  return `<table class="grid"><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** Result fields beyond SPEC §5's common ones (`deadlines`, `retainUntil`, …). */
function resultExtras(result: CheckResult): Array<[string, unknown]> {
  return Object.entries(result as Record<string, unknown>).filter(([k]) => !BASE_RESULT_KEYS.has(k));
}

const isRuleEntryList = (v: unknown): v is Record<string, unknown>[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.ruleId === 'string');

/** The extra result entries about one rule (e.g. its deadline clock), as key/value tables. */
function ruleExtras(result: CheckResult, ruleId: string): string {
  const out: string[] = [];
  for (const [key, value] of resultExtras(result)) {
    if (!isRuleEntryList(value)) continue;
    for (const item of value) {
      if (item.ruleId !== ruleId) continue;
      out.push(kvTable(Object.entries(item).filter(([k]) => !REDUNDANT_ENTRY_KEYS.has(k)), key));
    }
  }
  return out.join('');
}

/** Every extra result field of a case: per-rule lists as tables, the rest as one key/value table. */
function caseExtras(result: CheckResult): string {
  const extras = resultExtras(result);
  const scalars = extras.filter(([, v]) => !(Array.isArray(v) && v.length > 0 && v.every(isObject)));
  const lists = extras.filter(([, v]) => Array.isArray(v) && v.length > 0 && v.every(isObject)) as Array<[string, Record<string, unknown>[]]>;
  return kvTable(scalars, 'result') + lists.map(([k, v]) => objectTable(v, k)).join('');
}

// ---------------------------------------------------------------- pieces

const bi = (t: { zh: string; en: string }) => `<span lang="en">${e(t.en)}</span> <span class="zh" lang="zh-CN">${e(t.zh)}</span>`;

const effectiveText = (r: Rule) =>
  r.effective.from === null && r.effective.to === null
    ? 'always'
    : `${r.effective.from ?? '…'} – ${r.effective.to ?? 'open'}`;

function coverageState(c: RuleCoverage | undefined): CoverageState {
  if (!c || (c.failedIn.length === 0 && c.passedIn.length === 0)) return 'none';
  if (c.failedIn.length === 0) return 'no-fail';
  if (c.passedIn.length === 0) return 'no-pass';
  return 'covered';
}

const COVERAGE_LABEL: Record<CoverageState, string> = {
  covered: 'covered: fails and passes in fixtures',
  'no-fail': 'NOT COVERED: no passing fixture in which it fails',
  'no-pass': 'NOT COVERED: no passing fixture in which it passes',
  none: 'NOT COVERED: no passing fixture exercises it',
};

const STATUS_MARK: Record<FixtureOutcome['status'], string> = { passed: '✓ passed', failed: '✗ FAILED', invalid: '! INVALID' };
const statusChip = (s: FixtureOutcome['status']) =>
  `<span class="st st-${s}" title="fixture ${s}">${STATUS_MARK[s]}</span>`;
const verdictChip = (v: string, prefix = '') => `<span class="v v-${e(v)}">${e(prefix + v)}</span>`;

interface Bar {
  readonly covered: number;
  readonly partial: number;
  readonly none: number;
}

/** A stacked bar: rules covered / covered on one side only / not exercised. */
function bar(b: Bar): string {
  const total = b.covered + b.partial + b.none;
  if (total === 0) return '<div class="bar empty"></div>';
  const pct = (n: number) => `${((100 * n) / total).toFixed(2)}%`;
  const seg = (cls: string, n: number, label: string) =>
    n ? `<span class="seg ${cls}" style="width:${pct(n)}" title="${n} ${label}"></span>` : '';
  return `<div class="bar" role="img" aria-label="${b.covered} of ${total} rules covered">${seg('s-covered', b.covered, 'covered')}${seg('s-partial', b.partial, 'covered on one side only')}${seg('s-none', b.none, 'not exercised')}</div>`;
}

function tally(states: readonly CoverageState[]): Bar {
  return {
    covered: states.filter((s) => s === 'covered').length,
    partial: states.filter((s) => s === 'no-fail' || s === 'no-pass').length,
    none: states.filter((s) => s === 'none').length,
  };
}

const ref = (o: FixtureOutcome) => `${o.file}#${o.index}`;

// ---------------------------------------------------------------- the page

/**
 * Renders the audit report as one HTML document.
 *
 * @example
 * const report = runFixtures(sources, { rulebook: defaultRulebook })
 * writeFileSync('audit-report.html', renderHtmlReport({ rulebook: defaultRulebook, report, libraryVersion: '1.0.0' }))
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const { rulebook, report } = input;
  const coverage = new Map(report.coverage.map((c) => [c.ruleId, c]));
  const inBook = new Set(rulebook.rules.map((r) => r.id));

  // Which fixtures each rule appeared in, in fixture order.
  const uses = new Map<string, RuleUse[]>();
  report.outcomes.forEach((outcome, n) => {
    if (!outcome.result) return;
    const add = (finding: Finding, obligation: boolean) => {
      if (!inBook.has(finding.ruleId)) return;
      const list = uses.get(finding.ruleId) ?? [];
      list.push({ outcome, n, finding, obligation });
      uses.set(finding.ruleId, list);
    };
    for (const f of outcome.result.findings) add(f, false);
    for (const f of outcome.result.obligations) add(f, true);
  });

  const sets = rulebook.ruleSets
    .map((set) => ({ set, rules: set.rules.filter((r) => inBook.has(r.id)) }))
    .filter((s) => s.rules.length > 0);
  const state = (id: string) => coverageState(coverage.get(id));
  const failingRule = (id: string) => (uses.get(id) ?? []).some((u) => u.outcome.status !== 'passed');

  const allStates = sets.flatMap((s) => s.rules.map((r) => state(r.id)));
  const overall = tally(allStates);
  const totalRules = allStates.length;
  const { passed, failed, invalid } = report.totals;
  const files = new Set(report.outcomes.map((o) => o.file));
  const checks = [...new Set(sets.flatMap((s) => s.rules.map((r) => r.check)))];
  const sourcesWithout = SOURCE_IDS.filter((id) => !sets.some((s) => s.set.source === id));

  const data = {
    rules: sets.flatMap(({ set, rules }) =>
      rules.map((r) => ({
        id: r.id,
        source: set.source,
        check: r.check,
        coverage: state(r.id),
        failing: failingRule(r.id),
        text: [
          r.id,
          r.title.zh,
          r.title.en,
          r.citation.section,
          r.citation.quote,
          r.note ?? '',
          ...(uses.get(r.id) ?? []).map((u) => u.outcome.description),
        ]
          .join('\n')
          .toLowerCase(),
      })),
    ),
  };

  const head = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '${scriptHash()}'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="insurance-compliance-rules ${e(input.libraryVersion)}">
<title>Compliance rules audit report · ${e(rulebook.id)} ${e(rulebook.hash.slice(0, 12))}</title>
<style>${CSS}</style>
</head>
<body>`;

  const header = `<header class="top">
<h1>Compliance rules audit report <span class="zh" lang="zh-CN">合规规则审计报告</span></h1>
<dl class="meta">
<div><dt>Library</dt><dd>insurance-compliance-rules ${e(input.libraryVersion)}</dd></div>
<div><dt>Rulebook</dt><dd>${e(rulebook.id)} · version ${e(rulebook.version)} · ${sets.length} rule sets · ${totalRules} rules</dd></div>
<div><dt>Rulebook hash</dt><dd><code class="hash">${e(rulebook.hash)}</code></dd></div>
<div><dt>Working-day calendar</dt><dd>${calendarLine(input.calendar ?? CN_MAINLAND_CALENDAR)}</dd></div>
${input.generatedAt !== undefined ? `<div><dt>Generated</dt><dd>${e(input.generatedAt)}</dd></div>` : ''}
<div><dt>Fixtures</dt><dd>${report.outcomes.length} in ${files.size} file${files.size === 1 ? '' : 's'}</dd></div>
</dl>
<ul class="totals">
<li class="t-passed"><b>${passed}</b> fixtures passed</li>
<li class="t-failed${failed ? ' bad' : ''}"><b>${failed}</b> fixtures failed</li>
<li class="t-invalid${invalid ? ' bad' : ''}"><b>${invalid}</b> fixtures invalid</li>
<li class="t-covered${overall.covered < totalRules ? ' warn' : ''}"><b>${overall.covered}/${totalRules}</b> rules covered</li>
</ul>
<p class="disclaimer">This report shows what the rule sets encode and how the fixtures exercise them; it is not legal advice. The internal manuals’ numbers and requirements are <strong>the manuals’ own claims, not PRC law</strong>. A rule is <em>covered</em> when at least one passing fixture makes it fail and at least one makes it pass.</p>
</header>`;

  const problems = report.outcomes
    .map((o, n) => ({ o, n }))
    .filter(({ o }) => o.status !== 'passed');
  const problemsSection = problems.length
    ? `<section id="problems" class="alert" aria-labelledby="problems-h">
<h2 id="problems-h">Fixtures that failed or are invalid (${problems.length})</h2>
<ul class="problems">${problems
        .map(
          ({ o, n }) => `<li>${statusChip(o.status)} <a href="#fx-${n}" class="ref">${e(ref(o))}</a> <span class="desc">${e(o.description)}</span>${o.result ? ` ${verdictChip(o.result.verdict, 'verdict ')}` : ''}
<ul class="why">${o.problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul></li>`,
        )
        .join('\n')}</ul>
</section>`
    : `<section id="problems" class="ok-note"><p>Every fixture passed.</p></section>`;

  const chart = `<section id="coverage" aria-labelledby="coverage-h">
<h2 id="coverage-h">Coverage by source</h2>
<p class="legend"><span class="key s-covered"></span> covered (a failing and a passing fixture) <span class="key s-partial"></span> only failing or only passing fixtures <span class="key s-none"></span> no passing fixture</p>
<table class="chart">
<thead><tr><th scope="col">source</th><th scope="col">document</th><th scope="col" class="bar-col">rules covered</th><th scope="col" class="num">covered</th><th scope="col" class="num">fails in</th><th scope="col" class="num">passes in</th></tr></thead>
<tbody>
${sets
  .map(({ set, rules }) => {
    const b = tally(rules.map((r) => state(r.id)));
    const fails = rules.reduce((n, r) => n + (coverage.get(r.id)?.failedIn.length ?? 0), 0);
    const passes = rules.reduce((n, r) => n + (coverage.get(r.id)?.passedIn.length ?? 0), 0);
    return `<tr data-source="${e(set.source)}"><th scope="row"><a href="#src-${e(set.source)}">${e(set.source)}</a></th><td class="zh" lang="zh-CN">${e(set.document.title.zh)}</td><td>${bar(b)}</td><td class="num">${b.covered}/${rules.length}</td><td class="num">${fails}</td><td class="num">${passes}</td></tr>`;
  })
  .join('\n')}
<tr class="overall"><th scope="row">all sources</th><td></td><td>${bar(overall)}</td><td class="num">${overall.covered}/${totalRules}</td><td class="num">${report.coverage.reduce((n, c) => n + c.failedIn.length, 0)}</td><td class="num">${report.coverage.reduce((n, c) => n + c.passedIn.length, 0)}</td></tr>
</tbody>
</table>
<p class="fine">“fails in” / “passes in”: passing fixtures in which a rule of the source failed / passed, summed over its rules.${
    sourcesWithout.length ? ` Sources of the specification with no rules in this rulebook: ${sourcesWithout.map((s) => `<code>${e(s)}</code>`).join(', ')}.` : ''
  }</p>
</section>`;

  const option = (value: string, label: string) => `<option value="${e(value)}">${e(label)}</option>`;
  const filters = `<form id="filters" class="filters" hidden role="search">
<label>Search <input type="search" id="f-q" placeholder="rule id, title, quote, fixture…" autocomplete="off"></label>
<label>Source <select id="f-source">${option('', 'all sources')}${sets.map((s) => option(s.set.source, s.set.source)).join('')}</select></label>
<label>Check <select id="f-check">${option('', 'all checks')}${checks.map((c) => option(c, c)).join('')}</select></label>
<label>Status <select id="f-status">${option('', 'all rules')}${option('covered', 'covered')}${option('uncovered', 'not covered')}${option('failing', 'with failing fixtures')}</select></label>
<output id="f-count" aria-live="polite"></output>
</form>`;

  const sections = sets.map(({ set, rules }) => renderSource(set, rules, { state, uses, coverage, rulebook })).join('\n');
  const index = renderFixtureIndex(report);

  const script = `<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${SCRIPT}</script>`;

  return `${head}
${header}
<main>
${problemsSection}
${chart}
${filters}
<p id="f-empty" class="empty" hidden>No rule matches the filters.</p>
${sections}
${index}
</main>
<footer><p>Rulebook <code>${e(rulebook.id)}</code> ${e(rulebook.version)}, hash <code>${e(rulebook.hash)}</code>. Generated by insurance-compliance-rules ${e(input.libraryVersion)} (<code>icr report --html</code>).</p></footer>
${script}
</body>
</html>
`;
}

interface SourceContext {
  readonly state: (id: string) => CoverageState;
  readonly uses: ReadonlyMap<string, RuleUse[]>;
  readonly coverage: ReadonlyMap<string, RuleCoverage>;
  readonly rulebook: Rulebook;
}

function renderSource(set: RuleSet, rules: readonly Rule[], ctx: SourceContext): string {
  const b = tally(rules.map((r) => ctx.state(r.id)));
  const disclaimer = set.disclaimer ?? (set.document.nature === 'manual' ? MANUAL_DISCLAIMER : undefined);
  return `<section class="source" id="src-${e(set.source)}" data-source="${e(set.source)}" aria-labelledby="h-${e(set.source)}">
<h2 id="h-${e(set.source)}"><code>${e(set.source)}</code> <span class="zh" lang="zh-CN">${e(set.document.title.zh)}</span></h2>
<p class="doc"><span lang="en">${e(set.document.title.en)}</span> · <span class="nature n-${e(set.document.nature)}">${e(set.document.nature)}</span> · rule set ${e(set.version)}</p>
${set.document.reference ? `<p class="reference">${e(set.document.reference)}</p>` : ''}
${disclaimer ? `<p class="src-disclaimer">${bi(disclaimer)}</p>` : ''}
<div class="src-coverage">${bar(b)}<span>${b.covered}/${rules.length} rules covered</span></div>
${rules.map((r) => renderRule(r, ctx)).join('\n')}
</section>`;
}

function renderRule(rule: Rule, ctx: SourceContext): string {
  const state = ctx.state(rule.id);
  const c = ctx.coverage.get(rule.id);
  const uses = [...(ctx.uses.get(rule.id) ?? [])];
  const failing = uses.some((u) => u.outcome.status !== 'passed');
  const catalog: FactCatalog | undefined = FACT_CATALOGS[rule.check];
  const compiled = ctx.rulebook.compiled[rule.check]?.find((cr) => cr.rule === rule);
  const facts = compiled?.facts ?? [];

  const extra = Object.entries(rule as Record<string, unknown>).filter(([k]) => !BASE_RULE_KEYS.has(k));
  const conditions: string[] = [`<div><dt>Applies when</dt><dd class="cond">${e(rule.when ? describeCondition(rule.when) : 'every case of this check')}</dd></div>`];
  const requirement = describeRequirement(rule);
  if (requirement) conditions.push(`<div><dt>Requires</dt><dd class="cond">${e(requirement)}</dd></div>`);
  for (const [k, v] of extra) {
    conditions.push(`<div><dt>${e(k)}</dt><dd class="cond">${isObject(v) && !isCondition(v) ? kvTable(Object.entries(v)) : e(formatValue(v))}</dd></div>`);
  }

  const factList = facts.length
    ? `<details class="facts-used"><summary>Facts this rule reads (${facts.length})</summary><table class="kv"><tbody>${facts
        .map((f) => `<tr><th scope="row"><code>${e(f)}</code></th><td>${e(catalog?.[f]?.description ?? '')}</td></tr>`)
        .join('')}</tbody></table></details>`
    : '';

  const counts = c ? `fails in ${c.failedIn.length} and passes in ${c.passedIn.length} passing fixture${c.failedIn.length + c.passedIn.length === 1 ? '' : 's'}` : 'not exercised';
  const groups: Array<[string, string, RuleUse[]]> = [
    ['g-broken', 'In fixtures that failed or are invalid', uses.filter((u) => u.outcome.status !== 'passed')],
    ['g-fail', 'Rule fails in', uses.filter((u) => u.outcome.status === 'passed' && u.finding.verdict === 'fail')],
    ['g-pass', 'Rule passes in', uses.filter((u) => u.outcome.status === 'passed' && u.finding.verdict === 'pass')],
    ['g-indeterminate', 'Rule is indeterminate in', uses.filter((u) => u.outcome.status === 'passed' && u.finding.verdict === 'indeterminate')],
  ];
  const fixtureGroups = groups
    .filter(([, , list]) => list.length > 0)
    .map(([cls, label, list]) => {
      const open = cls === 'g-broken' || list.length <= OPEN_GROUP_MAX ? ' open' : '';
      return `<details class="fx-group ${cls}"${open}><summary>${e(label)} ${list.length} fixture${list.length === 1 ? '' : 's'}</summary>\n<ul class="fixtures">\n${list.map(renderUse).join('\n')}\n</ul></details>`;
    })
    .join('\n');

  return `<article class="rule rc-${state}${failing ? ' has-failing' : ''}" id="rule-${e(rule.id)}" data-rule-id="${e(rule.id)}" data-check="${e(rule.check)}">
<h3><code class="rule-id">${e(rule.id)}</code> <span class="cov cov-${state}">${e(COVERAGE_LABEL[state])}</span></h3>
<p class="title">${bi(rule.title)}</p>
<dl class="facts-line">
<div><dt>Check</dt><dd>${e(rule.check)}</dd></div>
<div><dt>Severity</dt><dd><span class="sev sev-${e(rule.severity)}">${e(rule.severity)}</span></dd></div>
<div><dt>In force</dt><dd>${e(effectiveText(rule))}</dd></div>
<div><dt>Citation</dt><dd><code>${e(rule.citation.source)}</code> ${e(rule.citation.section)}</dd></div>
</dl>
<blockquote class="quote" lang="zh-CN"><p>${e(rule.citation.quote)}</p><footer>— <cite>${e(rule.citation.source)} ${e(rule.citation.section)}</cite></footer></blockquote>
${rule.note ? `<p class="note"><b>Note.</b> ${e(rule.note)}</p>` : ''}
<dl class="conditions">${conditions.join('')}</dl>
${factList}
<h4>Fixtures <span class="fine">(${e(counts)})</span></h4>
${uses.length ? fixtureGroups : '<p class="nofx">No fixture exercises this rule.</p>'}
</article>`;
}

function renderUse(u: RuleUse): string {
  const { outcome: o, finding: f } = u;
  const result = o.result!;
  const missing = f.missing?.length ? `<p class="missing">missing: ${f.missing.map((p) => `<code>${e(p)}</code>`).join(', ')}</p>` : '';
  const facts = Object.entries(f.facts);
  const details = facts.length
    ? `<details><summary>facts (${facts.length})</summary>${kvTable(facts)}</details>`
    : '';
  return `<li class="fx fx-${o.status} rv-${e(f.verdict)}">
<div class="fx-head">${statusChip(o.status)} ${verdictChip(f.verdict, u.obligation ? 'obligation ' : 'rule ')} <span class="desc">${e(o.description)}</span> <a class="ref" href="#fx-${u.n}">${e(ref(o))}</a></div>
<p class="msg">${bi(f.message)}</p>
${missing}${ruleExtras(result, f.ruleId)}${details}
</li>`;
}

function renderFixtureIndex(report: FixtureReport): string {
  const byFile = new Map<string, Array<{ o: FixtureOutcome; n: number }>>();
  report.outcomes.forEach((o, n) => byFile.set(o.file, [...(byFile.get(o.file) ?? []), { o, n }]));
  const blocks = [...byFile].map(([file, items]) => {
    const rows = items.map(({ o, n }) => {
      const r = o.result;
      const all = r ? [...r.findings, ...r.obligations] : [];
      const failedRules = all.filter((f) => f.verdict === 'fail').map((f) => f.ruleId);
      const indet = all.filter((f) => f.verdict === 'indeterminate').map((f) => f.ruleId);
      const line = (label: string, ids: readonly string[]) =>
        ids.length ? `<p class="rules-line">${label}: ${ids.map((id) => `<a href="#rule-${e(id)}"><code>${e(id)}</code></a>`).join(', ')}</p>` : '';
      return `<li class="fixture fx-${o.status}" id="fx-${n}">
<div class="fx-head">${statusChip(o.status)} <span class="ref">#${o.index}</span> <span class="desc">${e(o.description)}</span></div>
<p class="fine">check ${e(o.check)}${r ? ` · case <code>${e(r.id)}</code> · judged at ${e(r.asOf)} · verdict ${verdictChip(r.verdict)}` : ''}</p>
${o.problems.length ? `<ul class="why">${o.problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul>` : ''}
${line('rules failed', failedRules)}${line('rules indeterminate', indet)}${line('obligations', r ? r.obligations.map((f) => f.ruleId) : [])}
${r ? caseExtras(r) : ''}
</li>`;
    });
    return `<section class="fx-file"><h3><code>${e(file)}</code> <span class="fine">(${items.length})</span></h3>\n<ul class="index">\n${rows.join('\n')}\n</ul></section>`;
  });
  return `<section id="fixtures" aria-labelledby="fixtures-h">
<h2 id="fixtures-h">All fixtures</h2>
<p class="fine">Every fixture, by file, with the rules it made fail. A fixture <em>passes</em> when the library’s result matches what the fixture expects.</p>
${blocks.join('\n')}
</section>`;
}

// ---------------------------------------------------------------- inline assets

const CSS = `
:root{--fg:#1d232a;--muted:#5b6570;--line:#d8dde3;--bg:#fff;--soft:#f4f6f8;--ok:#1f7a3a;--okbg:#e3f4e8;--bad:#b3261e;--badbg:#fbe4e2;--warn:#8a5a00;--warnbg:#fdf0d5;--accent:#1f4f8a}
*{box-sizing:border-box}
[hidden]{display:none!important}
[id]{scroll-margin-top:96px}
body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
header.top,main,body>footer{max-width:1100px;margin:0 auto;padding:0 20px}
header.top{padding-top:24px}
h1{font-size:1.6rem;margin:0 0 12px}
h2{font-size:1.3rem;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:0 0 4px}
h4{font-size:.95rem;margin:12px 0 6px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.zh{color:var(--muted)}
h1 .zh,h2 .zh{font-weight:500}
.fine{color:var(--muted);font-size:.88rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 12px}
dl.meta div{display:contents}
dl.facts-line div{display:flex;gap:8px}
dt{font-weight:600;color:var(--muted);white-space:nowrap}
dd{margin:0}
.hash{word-break:break-all}
ul.totals{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0;margin:0 0 12px}
ul.totals li{padding:6px 14px;border-radius:6px;background:var(--okbg)}
ul.totals li.bad{background:var(--badbg);color:var(--bad)}
ul.totals li.warn{background:var(--warnbg);color:var(--warn)}
ul.totals b{font-size:1.2rem;margin-right:4px}
.disclaimer{background:var(--soft);border-left:4px solid var(--accent);padding:8px 12px;margin:0}
.alert{margin-top:20px;border:2px solid var(--bad);border-radius:8px;padding:0 16px 8px;background:var(--badbg)}
.alert h2{border-color:var(--bad);color:var(--bad)}
.ok-note{margin-top:20px;padding:4px 16px;border-radius:8px;background:var(--okbg);color:var(--ok)}
ul.problems{padding-left:18px}
ul.problems>li{margin-bottom:8px}
ul.why{margin:2px 0 0;padding-left:20px;color:var(--bad);font-size:.9rem}
.legend{font-size:.88rem;color:var(--muted)}
.key{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin:0 4px 0 10px}
table{border-collapse:collapse}
table.chart{width:100%}
table.chart th,table.chart td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
table.chart th[scope=row]{white-space:nowrap}
table.chart .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.chart .bar-col{width:34%}
table.chart tr.overall th,table.chart tr.overall td{font-weight:700;border-top:2px solid var(--line)}
.bar{display:flex;height:14px;min-width:120px;background:var(--soft);border-radius:3px;overflow:hidden}
.seg{display:block;height:100%}
.s-covered{background:#2e9e50}.s-partial{background:#e0a526}.s-none{background:#d4473d}
.filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:10px 16px;align-items:center;margin:24px 0 0;padding:10px 12px;background:#eef2f7;border:1px solid var(--line);border-radius:8px}
.filters input,.filters select{font:inherit;padding:3px 6px}
.filters input{width:260px}
#f-count{color:var(--muted);font-size:.88rem;margin-left:auto}
.empty{padding:20px;text-align:center;color:var(--muted)}
section.source{margin-top:8px}
.doc{margin:0;color:var(--muted)}
.reference{margin:4px 0;font-size:.88rem;color:var(--muted)}
.src-disclaimer{margin:6px 0;padding:6px 10px;background:var(--warnbg);border-left:4px solid #e0a526;font-size:.9rem}
.src-disclaimer .zh{color:inherit}
.src-coverage{display:flex;align-items:center;gap:10px;margin:6px 0 10px;font-size:.9rem}
.src-coverage .bar{width:260px}
article.rule{border:1px solid var(--line);border-left:5px solid #2e9e50;border-radius:6px;padding:12px 16px;margin:12px 0}
article.rule.rc-no-fail,article.rule.rc-no-pass{border-left-color:#e0a526}
article.rule.rc-none{border-left-color:#d4473d}
article.rule.has-failing{border-color:var(--bad)}
.rule-id{font-size:.95rem}
.cov{font-size:.78rem;font-weight:600;padding:1px 8px;border-radius:10px;margin-left:6px;vertical-align:middle;white-space:nowrap}
.cov.cov-covered{background:var(--okbg);color:var(--ok)}
.cov.cov-no-fail,.cov.cov-no-pass{background:var(--warnbg);color:var(--warn)}
.cov.cov-none{background:var(--badbg);color:var(--bad)}
.title{margin:2px 0 6px;font-weight:600}
dl.facts-line{display:flex;flex-wrap:wrap;gap:4px 22px;margin:0 0 8px;font-size:.9rem}
.sev{font-weight:600}
.sev-violation{color:var(--bad)}.sev-obligation{color:var(--accent)}.sev-warning{color:var(--warn)}
blockquote.quote{margin:8px 0;padding:8px 14px;background:var(--soft);border-left:4px solid var(--accent);font-size:1rem}
blockquote.quote p{margin:0;white-space:pre-wrap}
blockquote.quote footer{font-size:.82rem;color:var(--muted);margin-top:2px}
.note{font-size:.9rem;margin:6px 0}
dl.conditions{margin:6px 0;font-size:.9rem}
dl.conditions div{display:grid;grid-template-columns:110px 1fr;gap:8px;margin:2px 0}
.cond{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;word-break:break-word}
details{margin:4px 0}
summary{cursor:pointer;color:var(--accent);font-size:.88rem}
table.kv,table.grid{font-size:.84rem;margin:4px 0}
table.kv th,table.kv td,table.grid th,table.grid td{border:1px solid var(--line);padding:2px 8px;text-align:left;vertical-align:top}
table.kv th{background:var(--soft);font-weight:600}
table.kv caption,table.grid caption{text-align:left;font-weight:600;font-size:.84rem;color:var(--muted)}
ul.fixtures{list-style:none;padding:0;margin:0}
li.fx{border-top:1px solid var(--line);padding:6px 0}
li.fx.fx-failed,li.fx.fx-invalid{background:var(--badbg);padding:6px 8px}
.fx-head{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.fx-head .desc{flex:1 1 420px}
.st{font-size:.78rem;font-weight:700;padding:1px 6px;border-radius:4px;white-space:nowrap}
.st-passed{background:var(--okbg);color:var(--ok)}
.st-failed,.st-invalid{background:var(--bad);color:#fff}
.v{font-size:.78rem;padding:1px 6px;border-radius:4px;border:1px solid currentColor;white-space:nowrap}
.v-fail{color:var(--bad)}.v-pass{color:var(--ok)}.v-indeterminate{color:var(--warn)}.v-not-applicable{color:var(--muted)}
.ref{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;color:var(--muted)}
a.ref{color:var(--accent)}
.msg{margin:2px 0;font-size:.88rem}
.msg .zh{margin-left:6px}
details.fx-group{margin:6px 0}
details.fx-group>summary{font-weight:600;font-size:.9rem}
details.g-broken>summary{color:var(--bad)}
.missing{margin:2px 0;font-size:.85rem;color:var(--warn)}
.nofx{color:var(--bad);font-weight:600}
#fixtures ul.index{list-style:none;padding:0}
li.fixture{border-top:1px solid var(--line);padding:6px 0}
li.fixture.fx-failed,li.fixture.fx-invalid{background:var(--badbg);padding:6px 8px}
li.fixture p{margin:2px 0}
.rules-line{font-size:.85rem}
body>footer{margin-top:40px;padding-bottom:40px;color:var(--muted);font-size:.85rem}
@media print{.filters{display:none!important}article.rule{break-inside:avoid-page}}
`;

/** The filter script: reads the JSON data block, hides and shows rules and sources. No network, no HTML from data. */
const SCRIPT = `(function(){
var data=JSON.parse(document.getElementById('report-data').textContent);
var byId={};data.rules.forEach(function(r){byId[r.id]=r;});
var form=document.getElementById('filters'),q=document.getElementById('f-q'),src=document.getElementById('f-source'),chk=document.getElementById('f-check'),st=document.getElementById('f-status'),count=document.getElementById('f-count'),empty=document.getElementById('f-empty');
var rules=Array.prototype.slice.call(document.querySelectorAll('article.rule'));
var sections=Array.prototype.slice.call(document.querySelectorAll('section.source'));
function statusOk(r,s){if(!s)return true;if(s==='covered')return r.coverage==='covered';if(s==='uncovered')return r.coverage!=='covered';if(s==='failing')return r.failing;return true;}
function apply(){
var terms=q.value.toLowerCase().split(/\\s+/).filter(Boolean),shown=0;
rules.forEach(function(el){var r=byId[el.getAttribute('data-rule-id')];
var ok=!!r&&(!src.value||r.source===src.value)&&(!chk.value||r.check===chk.value)&&statusOk(r,st.value)&&terms.every(function(t){return r.text.indexOf(t)>=0;});
el.hidden=!ok;if(ok)shown++;});
sections.forEach(function(s){s.hidden=!s.querySelector('article.rule:not([hidden])');});
count.textContent=shown+' of '+rules.length+' rules shown';
empty.hidden=shown>0;}
[q,src,chk,st].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
form.addEventListener('submit',function(ev){ev.preventDefault();});
form.hidden=false;apply();
})();`;

let scriptHashCache: string | undefined;
/** The CSP source expression allowing exactly the inline filter script. */
function scriptHash(): string {
  if (scriptHashCache === undefined) scriptHashCache = `sha256-${hexToBase64(sha256Hex(SCRIPT))}`;
  return scriptHashCache;
}

function hexToBase64(hex: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += b === undefined ? '=' : alphabet[(n >> 6) & 63]!;
    out += c === undefined ? '=' : alphabet[n & 63]!;
  }
  return out;
}
