/**
 * The rule catalogue: every rule of a rulebook with its citation, in text,
 * Markdown or JSON. Generated, never hand-written, so it cannot drift from `rules/`.
 */
import type { Rulebook } from './rulebook.js';
import type { Condition } from '../engine/conditions.js';
import { type Rule, ruleRequire } from '../schemas/rule.js';
import type { Clock } from '../schemas/clock.js';
import type { FactCatalog } from '../engine/facts.js';

/** A condition in one line: `applicantAge >= 18 and channel in [agent, broker]`. */
export function describeCondition(c: Condition): string {
  if ('all' in c) return c.all.length === 1 ? describeCondition(c.all[0]!) : `(${c.all.map(describeCondition).join(' and ')})`;
  if ('any' in c) return c.any.length === 1 ? describeCondition(c.any[0]!) : `(${c.any.map(describeCondition).join(' or ')})`;
  if ('not' in c) return `not ${describeCondition(c.not)}`;
  const ops: Record<string, string> = {
    equal: '=',
    notEqual: '≠',
    lessThan: '<',
    lessThanInclusive: '≤',
    greaterThan: '>',
    greaterThanInclusive: '≥',
    in: 'in',
    notIn: 'not in',
    contains: 'contains',
    doesNotContain: 'does not contain',
  };
  const v = c.value;
  const value =
    v !== null && typeof v === 'object' && !Array.isArray(v) ? v.fact : Array.isArray(v) ? `[${v.join(', ')}]` : JSON.stringify(v);
  return `${c.fact}${c.path ? c.path.slice(1) : ''} ${ops[c.operator]} ${value}`;
}

/** A clock in one line: `24 hours from receivedAt until acknowledged or result-notified`. */
export function describeClock(c: Clock): string {
  const units = { hours: 'hours', calendarDays: 'calendar days', workingDays: 'working days' } as const;
  const start = typeof c.start === 'string' ? c.start : `the first ${c.start.event} event`;
  const parts = [`${c.length} ${units[c.unit]} from ${start} until ${c.stop.join(' or ')}`];
  if (c.rollForward) parts.push('a last day that is not a working day rolls forward');
  if (c.excludePauses?.length) parts.push(`pauses not counted: ${c.excludePauses.map((p) => p.reason + (p.requiresNotice ? ' (if notified)' : '')).join(', ')}`);
  if (c.restartOn) parts.push(`restarts on ${c.restartOn}`);
  if (c.extension) parts.push(`+${c.extension.length} on ${c.extension.event}`);
  return parts.join('; ');
}

/** A rule's requirement in one line, whatever its check; empty when it has none beyond its body (a retention period). */
export function describeRequirement(r: Rule): string {
  const require = ruleRequire(r);
  if (require) return describeCondition(require);
  if ('disclose' in r && r.disclose) {
    const d = r.disclose;
    const how = [
      d.conspicuous ? 'conspicuously prompted' : '',
      d.explained ? 'expressly explained' : '',
      d.acknowledgement
        ? `acknowledged by ${d.acknowledgement.by.join(' or ')}${d.acknowledgement.forms ? ` (${d.acknowledgement.forms.join(', ')})` : ''}`
        : '',
    ].filter(Boolean);
    return `disclosed by the ${d.deadline}${how.length ? `, ${how.join(', ')}` : ''}: ${d.items.join(', ')}${
      d.simplifyWhen ? `; may be simplified when ${describeCondition(d.simplifyWhen)}` : ''
    }`;
  }
  if ('order' in r && r.order) {
    return `in order: ${r.order.stages
      .map((s) => `${s.steps.join(' + ')}${s.ifMissing === 'fail' ? '' : ` (if missing: ${s.ifMissing})`}`)
      .join(' → ')}`;
  }
  return '';
}

const effective = (r: Rule) =>
  r.effective.from === null && r.effective.to === null
    ? 'always'
    : `${r.effective.from ?? '…'} – ${r.effective.to ?? 'open'}`;

/** The catalogue as Markdown, one section per source. */
export function catalogueMarkdown(rulebook: Rulebook): string {
  const out: string[] = [
    '# Rule catalogue',
    '',
    '<!-- Generated from rules/ by `icr rules --format markdown`; do not edit by hand. -->',
    '',
    `${rulebook.rules.length} rules in ${rulebook.ruleSets.length} rule sets. Rulebook hash \`${rulebook.hash}\`.`,
    '',
  ];
  for (const set of rulebook.ruleSets) {
    const rules = set.rules.filter((r) => rulebook.rules.includes(r));
    if (rules.length === 0) continue;
    out.push(`## ${set.source} — ${set.document.title.zh}`, '', `*${set.document.title.en}* · ${set.document.nature} · rule set ${set.version}`, '');
    if (set.document.reference) out.push(set.document.reference, '');
    if (set.disclaimer) out.push(`> ${set.disclaimer.en} ${set.disclaimer.zh}`, '');
    for (const r of rules) {
      out.push(`### \`${r.id}\``, '');
      out.push(`**${r.title.en}** — ${r.title.zh}`, '');
      out.push(`- check: ${r.check}; severity: ${r.severity}; in force: ${effective(r)}`);
      out.push(`- citation: ${r.citation.source} ${r.citation.section}`);
      out.push(`- applies when: ${r.when ? describeCondition(r.when) : 'every case'}`);
      if ('period' in r && r.period) out.push(`- keep: at least ${r.period.years} years after ${r.period.trigger} (civil-code arts. 201–202)`);
      const requirement = describeRequirement(r);
      if (requirement) out.push(`- requires: ${requirement}`);
      if ('clock' in r) out.push(`- clock: ${describeClock(r.clock)}`);
      out.push('', `> ${r.citation.quote}`, '');
      if (r.note) out.push(`Note: ${r.note}`, '');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The catalogue as plain text for a terminal. */
export function catalogueText(rulebook: Rulebook): string {
  const out: string[] = [];
  for (const set of rulebook.ruleSets) {
    const rules = set.rules.filter((r) => rulebook.rules.includes(r));
    if (rules.length === 0) continue;
    out.push(`${set.source}  ${set.document.title.zh} (${set.document.title.en})  [${rules.length} rules]`);
    for (const r of rules) {
      out.push(`  ${r.id}`);
      out.push(`    ${r.title.en} / ${r.title.zh}`);
      out.push(`    ${r.check} · ${r.severity} · ${r.citation.section} · in force ${effective(r)}`);
      if ('clock' in r) out.push(`    clock: ${describeClock(r.clock)}`);
      out.push(`    「${r.citation.quote}」`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

/** The catalogue as JSON records. */
export function catalogueJson(rulebook: Rulebook): string {
  return `${JSON.stringify(
    rulebook.rules.map((r) => ({
      id: r.id,
      check: r.check,
      severity: r.severity,
      title: r.title,
      citation: r.citation,
      effective: r.effective,
      when: r.when ? describeCondition(r.when) : null,
      require: describeRequirement(r) || null,
      ...('period' in r && r.period ? { period: r.period } : {}),
      ...('clock' in r ? { clock: describeClock(r.clock) } : {}),
      note: r.note ?? null,
    })),
    null,
    2,
  )}\n`;
}

/** The fact catalogues as Markdown: what rule conditions may test, per check. */
export function factsMarkdown(catalogs: Readonly<Partial<Record<string, FactCatalog>>>): string {
  const out: string[] = [
    '# Facts',
    '',
    '<!-- Generated from the fact catalogues by `npm run docs`; do not edit by hand. -->',
    '',
    'Rule conditions test *facts*: named values a check derives from its input. A rule file naming a fact outside its check\'s catalogue is rejected. A fact the input cannot supply is *unknown*, and a rule that needs it is `indeterminate`, listing the input paths under `missing`.',
    '',
  ];
  for (const [check, catalog] of Object.entries(catalogs)) {
    if (!catalog) continue;
    out.push(`## ${check}`, '', '| fact | type | values | derived from | meaning |', '|---|---|---|---|---|');
    for (const [name, spec] of Object.entries(catalog)) {
      const values = spec.values ? spec.values.join(', ') : '';
      out.push(`| \`${name}\` | ${spec.type} | ${values} | ${spec.inputs.map((i) => `\`${i}\``).join(', ')} | ${spec.description.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
