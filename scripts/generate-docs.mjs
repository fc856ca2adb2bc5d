// Regenerates docs/rules.md and docs/facts.md from the built library (run `npm run build` first).
// test/generated.test.ts fails when the committed copies are stale.
import { writeFileSync } from 'node:fs';
import { FACT_CATALOGS, catalogueMarkdown, defaultRulebook, factsMarkdown } from '../dist/index.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), catalogueMarkdown(defaultRulebook));
writeFileSync(new URL('../docs/facts.md', import.meta.url), factsMarkdown(FACT_CATALOGS));
