// Regenerates docs/rules.md, docs/facts.md and the CSV column tables of docs/screening.md from the
// built library and CLI (run `npm run build` first). test/generated.test.ts and
// test/csv-columns.test.ts fail when the committed copies are stale.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FACT_CATALOGS, catalogueMarkdown, defaultRulebook, factsMarkdown } from '../dist/index.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), catalogueMarkdown(defaultRulebook));
writeFileSync(new URL('../docs/facts.md', import.meta.url), factsMarkdown(FACT_CATALOGS));

const screening = new URL('../docs/screening.md', import.meta.url);
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
let doc = readFileSync(screening, 'utf8');
for (const [section, check] of [['sale', 'eligibility'], ['service-case', 'deadlines'], ['record', 'retention']]) {
  const table = execFileSync(process.execPath, [cli, 'check', check, '--columns'], { encoding: 'utf8' });
  doc = doc.replace(new RegExp(`(<!-- columns:${section} -->\\n)[\\s\\S]*?(<!-- /columns -->)`), (_, open, close) => `${open}${table}${close}`);
}
writeFileSync(screening, doc);
