import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRulebook } from '../src/rulebook/rulebook.js';

const strip = (s: string) => s.replace(/\s+/g, '');
const source = (id: string) => strip(readFileSync(new URL(`../sources/${id}.txt`, import.meta.url), 'utf8'));
const rules = defaultRulebook.rules.filter((r) => r.check === 'disclosure');

describe('shipped disclosure rules', () => {
  it('exist for every source the inventory names', () => {
    const sources = new Set(rules.map((r) => r.citation.source));
    for (const s of ['sales-conduct-2023', 'insurance-law-2015', 'suitability-2025', 'mkt-service-2025', 'agency-ops', 'mkt-cs-guide', 'biz-process-2025']) {
      expect(sources, s).toContain(s);
    }
  });

  it('quote their sources exactly (fragments joined by ……)', () => {
    for (const r of rules) {
      const text = source(r.citation.source);
      for (const fragment of r.citation.quote.split('……').map(strip).filter(Boolean)) {
        expect(text.includes(fragment), `${r.id}: 「${fragment}」`).toBe(true);
      }
    }
  });

  it('explain their reading in a note', () => {
    for (const r of rules) expect(r.note?.length ?? 0, r.id).toBeGreaterThan(40);
  });

  it('apply suitability-2025 only from 2026-02-01 and sales-conduct-2023 only from 2024-03-01', () => {
    for (const r of rules) {
      if (r.citation.source === 'suitability-2025') expect(r.effective.from, r.id).toBe('2026-02-01');
      if (r.citation.source === 'sales-conduct-2023') expect(r.effective.from, r.id).toBe('2024-03-01');
    }
  });
});
