import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { runFixtureCheck } from '../../checks/registry.js';
import { createRulebook, defaultRulebook } from '../../engine/rulebook.js';
import { InputError, RuleSetError } from '../../errors.js';
import { parseAsOf } from '../../engine/input.js';
import type { CheckResult } from '../../schemas/result.js';
import { UsageError } from '../io.js';

interface CheckArgs {
  values: { 'as-of'?: string; rulesets?: string; full?: boolean; summary?: string };
  positionals: string[];
}

const CHECK_ALIASES: Readonly<Record<string, string>> = {
  eligibility: 'eligibility',
  disclosure: 'disclosure',
  deadline: 'deadline',
  deadlines: 'deadline',
  retention: 'retention',
};

/** Counts for the end-of-run summary. */
export interface ScreenSummary {
  records: number;
  verdicts: Record<string, number>;
  errors: number;
  failedRules: Record<string, number>;
  failedBySource: Record<string, number>;
}

/**
 * `icr check <check> <file|->`: screens records (NDJSON, or a JSON array),
 * writing one result line per record in input order; a record that is not
 * JSON or fails validation becomes an error line with its line number.
 */
export async function runCheckCommand({ values, positionals }: CheckArgs): Promise<number> {
  const [checkArg, file, extra] = positionals;
  if (!checkArg || !file) throw new UsageError('usage: icr check <eligibility|disclosure|deadlines|retention> <file|->');
  if (extra) throw new UsageError(`unexpected argument "${extra}"`);
  const check = CHECK_ALIASES[checkArg];
  if (!check) throw new UsageError(`unknown check "${checkArg}"; use eligibility, disclosure, deadlines or retention`);
  let asOf: string | undefined;
  if (values['as-of'] !== undefined) {
    try {
      asOf = parseAsOf(values['as-of']);
    } catch (e) {
      if (e instanceof InputError) throw new UsageError(`--as-of ${e.issues[0]?.message ?? 'is invalid'}`);
      throw e;
    }
  }
  if (check === 'deadline' && asOf === undefined) {
    throw new UsageError('deadlines need --as-of INSTANT: whether an open clock is pending or breached depends on when it is judged');
  }
  let rulebook = defaultRulebook;
  if (values.rulesets) {
    try {
      rulebook = createRulebook({ rulesets: values.rulesets.split(',').map((s) => s.trim()).filter(Boolean), id: 'default' });
    } catch (e) {
      if (e instanceof RuleSetError) throw new UsageError(`--rulesets: ${e.issues.map((i) => i.message).join('; ')}`);
      throw e;
    }
  }
  const sourceOf = new Map(rulebook.rules.map((r) => [r.id, r.citation.source]));
  const summary: ScreenSummary = { records: 0, verdicts: {}, errors: 0, failedRules: {}, failedBySource: {} };
  const out = process.stdout;
  const emit = (obj: unknown) => out.write(`${JSON.stringify(obj)}\n`);

  const judge = (record: unknown, line: number) => {
    summary.records += 1;
    let result: CheckResult;
    try {
      result = runFixtureCheck(check, record, asOf ? { rulebook, asOf } : { rulebook });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      summary.errors += 1;
      const id = record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string' ? (record as { id: string }).id : null;
      emit({ line, id, error: 'invalid-record', issues: e.issues });
      return;
    }
    const all = [...result.findings, ...result.obligations];
    const failed = all.filter((f) => f.verdict === 'fail').map((f) => f.ruleId);
    const missing = [...new Set(all.flatMap((f) => f.missing ?? []))];
    summary.verdicts[result.verdict] = (summary.verdicts[result.verdict] ?? 0) + 1;
    for (const id of failed) {
      summary.failedRules[id] = (summary.failedRules[id] ?? 0) + 1;
      const src = sourceOf.get(id) ?? id.split('.')[0]!;
      summary.failedBySource[src] = (summary.failedBySource[src] ?? 0) + 1;
    }
    emit({
      line,
      id: result.id,
      verdict: result.verdict,
      failed,
      missing,
      ...('deadlines' in result
        ? {
            deadlines: (result as { deadlines: Array<{ ruleId: string; status: string; dueAt?: string; overdueBy?: string }> }).deadlines.map((d) => ({
              ruleId: d.ruleId,
              status: d.status,
              ...(d.dueAt ? { dueAt: d.dueAt } : {}),
              ...(d.overdueBy ? { overdueBy: d.overdueBy } : {}),
            })),
          }
        : {}),
      ...(values.full ? { findings: result.findings, obligations: result.obligations, asOf: result.asOf, rulebook: result.rulebook } : {}),
    });
  };

  if (file !== '-') {
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
  }
  const input = file === '-' ? process.stdin : createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let arrayText: string[] | undefined;
  for await (const raw of lines) {
    lineNo += 1;
    if (arrayText) {
      arrayText.push(raw);
      continue;
    }
    const text = raw.trim();
    if (text === '') continue;
    if (lineNo === 1 && text.startsWith('[')) {
      arrayText = [raw];
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      summary.records += 1;
      summary.errors += 1;
      emit({ line: lineNo, id: null, error: 'invalid-json', issues: [{ path: '(root)', message: (e as Error).message }] });
      continue;
    }
    judge(record, lineNo);
  }
  if (arrayText) {
    let records: unknown;
    try {
      records = JSON.parse(arrayText.join('\n'));
    } catch (e) {
      throw new UsageError(`${file} starts like a JSON array but is not valid JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(records)) throw new UsageError(`${file} is not a JSON array`);
    records.forEach((r, i) => judge(r, i + 1));
  }

  const summaryText = `${JSON.stringify({ summary })}\n`;
  if (values.summary) writeFileSync(values.summary, summaryText);
  else process.stderr.write(summaryText);
  if (summary.errors > 0) return 2;
  const bad = (summary.verdicts.fail ?? 0) + (summary.verdicts.indeterminate ?? 0);
  return bad > 0 ? 1 : 0;
}
