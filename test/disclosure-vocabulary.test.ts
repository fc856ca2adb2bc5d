import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disclosureItemsMarkdown } from '../src/checks/disclosure/vocabulary-doc.js';
import { defaultRulebook } from '../src/rulebook/rulebook.js';
import { DISCLOSURE_ITEMS, DisclosureItem } from '../src/schemas/disclosure-items.js';

const sourceText = new Map<string, string>();
const source = (id: string): string => {
  let text = sourceText.get(id);
  if (text === undefined) {
    text = readFileSync(new URL(`../sources/${id}.txt`, import.meta.url), 'utf8').replace(/\s+/g, '');
    sourceText.set(id, text);
  }
  return text;
};

const disclosureRules = defaultRulebook.rules.flatMap((r) => ('disclose' in r && r.disclose ? [{ rule: r, items: r.disclose.items }] : []));

describe('disclosure vocabulary', () => {
  it('has unique ids and both names for every item', () => {
    const ids = DISCLOSURE_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of DISCLOSURE_ITEMS) {
      expect(i.zh.length, i.id).toBeGreaterThan(0);
      expect(i.en.length, i.id).toBeGreaterThan(0);
      expect(i.terms.length, i.id).toBeGreaterThan(0);
    }
  });

  it("quotes each source's term exactly as the source text has it", () => {
    for (const item of DISCLOSURE_ITEMS) {
      for (const t of item.terms) expect(source(t.source).includes(t.term), `${item.id}: "${t.term}" in ${t.source}`).toBe(true);
    }
  });

  it("maps each source's term to an item a rule citing that section requires", () => {
    for (const item of DISCLOSURE_ITEMS) {
      for (const t of item.terms) {
        const found = disclosureRules.some(
          ({ rule, items }) => rule.citation.source === t.source && rule.citation.section === t.section && items.includes(item.id),
        );
        expect(found, `${item.id} ← ${t.source} ${t.section} "${t.term}"`).toBe(true);
      }
    }
  });

  it('names, for every item a rule requires, the term that rule\'s source uses', () => {
    for (const { rule, items } of disclosureRules) {
      for (const id of items) {
        const item = DISCLOSURE_ITEMS.find((i) => i.id === id)!;
        const term = item.terms.some((t) => t.source === rule.citation.source && t.section === rule.citation.section);
        expect(term, `${rule.id} requires ${id} but the vocabulary has no ${rule.citation.source} ${rule.citation.section} term for it`).toBe(true);
      }
    }
  });

  it('has no item that no shipped rule requires', () => {
    const used = new Set(disclosureRules.flatMap((r) => r.items));
    expect(DISCLOSURE_ITEMS.map((i) => i.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it('is the enum that sales and rule files are validated against', () => {
    expect(DisclosureItem.options).toEqual(DISCLOSURE_ITEMS.map((i) => i.id));
    expect(DisclosureItem.safeParse('exclusion').success).toBe(false);
  });

  it('docs/disclosure-items.md is generated from the vocabulary and the rules', async () => {
    await expect(disclosureItemsMarkdown(defaultRulebook)).toMatchFileSnapshot('../docs/disclosure-items.md');
  });
});
