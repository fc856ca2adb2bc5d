/**
 * Every citation quote is the source's own text: each fragment (quotes join
 * non-adjacent fragments with ……) occurs, in order, in sources/<source>.txt.
 * Whitespace is ignored because the source texts break lines inside sentences.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const strip = (s: string) => s.replace(/\s+/g, '');
const ruleFiles = readdirSync(new URL('../rules/', import.meta.url)).filter((f) => f.endsWith('.json'));

describe('citation quotes are verbatim', () => {
  for (const file of ruleFiles) {
    const set = JSON.parse(readFileSync(new URL(`../rules/${file}`, import.meta.url), 'utf8')) as {
      source: string;
      rules: Array<{ id: string; citation: { source: string; quote: string } }>;
    };
    it(`${file}: every quote occurs in sources/${set.source}.txt`, () => {
      const text = strip(readFileSync(new URL(`../sources/${set.source}.txt`, import.meta.url), 'utf8'));
      for (const rule of set.rules) {
        let from = 0;
        for (const fragment of rule.citation.quote.split('……').map(strip).filter(Boolean)) {
          const at = text.indexOf(fragment, from);
          expect(at, `${rule.id}: 「${fragment}」 is not in sources/${set.source}.txt (after the previous fragment)`).toBeGreaterThanOrEqual(0);
          from = at + fragment.length;
        }
      }
    });
  }
});
