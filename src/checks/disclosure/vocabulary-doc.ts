/**
 * `docs/disclosure-items.md`, generated from the vocabulary and the rulebook so
 * it cannot drift: `test/disclosure-vocabulary.test.ts` compares the committed
 * file with this output (`npx vitest run test/disclosure-vocabulary.test.ts -u`
 * rewrites it).
 */
import type { Rulebook } from '../../rulebook/rulebook.js';
import { DISCLOSURE_ITEMS } from '../../schemas/disclosure-items.js';

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The vocabulary as Markdown: one row per item, with each source's term and the rules requiring it. */
export function disclosureItemsMarkdown(rulebook: Rulebook): string {
  const requiring = new Map<string, string[]>();
  for (const rule of rulebook.rules) {
    if (!('disclose' in rule) || !rule.disclose) continue;
    for (const item of rule.disclose.items) {
      const list = requiring.get(item) ?? [];
      list.push(rule.id);
      requiring.set(item, list);
    }
  }
  const out: string[] = [
    '# Disclosure items',
    '',
    '<!-- Generated from src/schemas/disclosure-items.ts and rules/ by test/disclosure-vocabulary.test.ts; do not edit by hand. -->',
    '',
    `The controlled vocabulary of \`Sale.disclosures[].item\` and of disclosure rules' \`items\`: ${DISCLOSURE_ITEMS.length} items.`,
    "Each source's own term is quoted as it appears in the source text; synonyms across sources are one item.",
    'See [disclosure.md](disclosure.md) for how items are judged.',
    '',
    '| item | 中文 | English | source terms (source §) | required by |',
    '|---|---|---|---|---|',
  ];
  for (const item of DISCLOSURE_ITEMS) {
    const terms = item.terms.map((t) => `${t.term} (${t.source} ${t.section})`).join('; ');
    const rules = (requiring.get(item.id) ?? []).map((id) => `\`${id}\``).join(', ') || '—';
    out.push(`| \`${item.id}\` | ${cell(item.zh)} | ${cell(item.en)} | ${cell(terms)} | ${rules} |`);
  }
  const notes = DISCLOSURE_ITEMS.filter((i): i is (typeof DISCLOSURE_ITEMS)[number] & { note: string } => 'note' in i);
  if (notes.length) {
    out.push('', '## Notes', '');
    for (const i of notes) out.push(`- \`${i.id}\`: ${i.note}`);
  }
  return `${out.join('\n')}\n`;
}
