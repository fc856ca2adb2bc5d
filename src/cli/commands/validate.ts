import { join } from 'node:path';
import { validateRuleSet } from '../../rulebook/ruleset.js';
import type { RuleSetIssue } from '../../errors.js';
import { displayPath, isCalendarFile, listJsonFiles, packageRoot, readJsonFile } from '../io.js';

/** `icr validate`: exit 0 when every rule file is valid (and ids are unique across them), else 2. */
export function runValidate({ positionals }: { positionals: string[] }): number {
  const files = listJsonFiles(positionals.length ? positionals : [join(packageRoot(), 'rules')]).filter((f) => !isCalendarFile(f));
  const issues: RuleSetIssue[] = [];
  const valid: Array<{ file: string; data: unknown }> = [];
  for (const f of files) {
    const file = displayPath(f);
    const read = readJsonFile(f);
    if ('error' in read) {
      issues.push({ file, pointer: '', message: read.error });
      continue;
    }
    const result = validateRuleSet(read.data, { file });
    if (result.valid) valid.push({ file, data: read.data });
    else issues.push(...result.issues);
  }
  // Rule ids must be unique across files too: a rulebook combines them.
  const firstFile = new Map<string, string>();
  for (const v of valid) {
    (v.data as { rules: Array<{ id: string }> }).rules.forEach((rule, i) => {
      const first = firstFile.get(rule.id);
      if (first) issues.push({ file: v.file, pointer: `/rules/${i}/id`, message: `rule id "${rule.id}" is already used in ${first}` });
      else firstFile.set(rule.id, v.file);
    });
  }
  for (const i of issues) process.stderr.write(`${i.file}${i.pointer ? `#${i.pointer}` : ''}: ${i.message}\n`);
  const bad = new Set(issues.map((i) => i.file)).size;
  process.stdout.write(
    issues.length
      ? `${files.length} rule file(s) checked: ${issues.length} problem(s) in ${bad} file(s)\n`
      : `${files.length} rule file(s) valid\n`,
  );
  return issues.length ? 2 : 0;
}
