import { once } from 'node:events';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { runFixtureCheck } from '../../checks/registry.js';
import { createRulebook, defaultRulebook } from '../../engine/rulebook.js';
import { InputError, RuleSetError } from '../../errors.js';
import { parseAsOf } from '../../engine/input.js';
import type { CheckResult } from '../../schemas/result.js';
import { UsageError } from '../io.js';
import { readCsv } from '../csv.js';
import { CSV_MAPPINGS, headerProblems } from '../csv-records.js';

interface CheckArgs {
  values: { 'as-of'?: string; rulesets?: string; full?: boolean; summary?: string; format?: string };
  positionals: string[];
}

const FORMATS = ['json', 'ndjson', 'csv'] as const;

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
  /** Retention: records that may be destroyed on `--as-of`. */
  mayDispose?: number;
}

/**
 * `icr check <check> <file|->`: screens records (NDJSON, a JSON array, or
 * CSV with a header row), writing one result line per record in input order;
 * a record that is not JSON or fails validation becomes an error line with
 * its line number. CSV is read when the file ends in `.csv` or with
 * `--format csv`. Retention lines also carry `retainUntil`, the governing
 * rule and `mayDispose` on `--as-of`, which retention requires.
 */
export async function runCheckCommand({ values, positionals }: CheckArgs): Promise<number> {
  const [checkArg, file, extra] = positionals;
  if (!checkArg || !file) throw new UsageError('usage: icr check <eligibility|disclosure|deadlines|retention> <file|->');
  if (extra) throw new UsageError(`unexpected argument "${extra}"`);
  const check = CHECK_ALIASES[checkArg];
  if (!check) throw new UsageError(`unknown check "${checkArg}"; use eligibility, disclosure, deadlines or retention`);
  const format = values.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : undefined);
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  }
  const csvMapping = format === 'csv' ? CSV_MAPPINGS[check] : undefined;
  if (format === 'csv' && !csvMapping) {
    throw new UsageError(`CSV input is not supported for ${checkArg} yet; use NDJSON or a JSON array (CSV: ${Object.keys(CSV_MAPPINGS).join(', ')})`);
  }
  if (check === 'retention' && values['as-of'] === undefined) {
    throw new UsageError('retention needs --as-of: disposal is judged on a given day, under the rules in force that day');
  }
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
  if (check === 'retention') summary.mayDispose = 0;
  const out = process.stdout;
  let backedUp = false;
  const emit = (obj: unknown) => {
    if (!out.write(`${JSON.stringify(obj)}\n`)) backedUp = true;
  };
  /** Waits while stdout's buffer is full, so a slow reader never makes memory grow with the input. */
  const drained = async () => {
    if (!backedUp) return;
    backedUp = false;
    await once(out, 'drain');
  };

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
    const retention = retentionFields(result);
    if (retention?.mayDispose) summary.mayDispose = (summary.mayDispose ?? 0) + 1;
    emit({
      line,
      id: result.id,
      verdict: result.verdict,
      ...retention,
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
  if (csvMapping) {
    let header: string[] | undefined;
    for await (const row of readCsv(input)) {
      if (!header) {
        if (row.error) throw new UsageError(`${file} line ${row.line}: the header row is not valid CSV: ${row.error}`);
        header = row.fields.map((f) => f.trim());
        const problems = headerProblems(header, csvMapping);
        if (problems.length) throw new UsageError(`${file}: ${problems.join('; ')}`);
        continue;
      }
      const cells = row.fields.map((f) => f.trim());
      if (!row.error && cells.every((c) => c === '')) continue;
      const idCell = cells[header.indexOf('id')];
      const rowId = idCell && idCell.length <= 200 && !/[\r\n]/.test(idCell) ? idCell : null;
      if (row.error || cells.length !== header.length) {
        summary.records += 1;
        summary.errors += 1;
        const message = row.error ?? `has ${cells.length} field${cells.length === 1 ? '' : 's'}, the header has ${header.length}`;
        emit({ line: row.line, id: rowId, error: 'invalid-csv', issues: [{ path: '(row)', message }] });
        await drained();
        continue;
      }
      const mapped = csvMapping.toInput(new Map(header.map((h, i) => [h, cells[i]!])));
      if ('issues' in mapped) {
        summary.records += 1;
        summary.errors += 1;
        emit({ line: row.line, id: rowId, error: 'invalid-record', issues: mapped.issues });
        await drained();
        continue;
      }
      judge(mapped.input, row.line);
      await drained();
    }
    if (!header) throw new UsageError(`${file} has no header row`);
    return finish();
  }
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
      await drained();
      continue;
    }
    judge(record, lineNo);
    await drained();
  }
  if (arrayText) {
    let records: unknown;
    try {
      records = JSON.parse(arrayText.join('\n'));
    } catch (e) {
      throw new UsageError(`${file} starts like a JSON array but is not valid JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(records)) throw new UsageError(`${file} is not a JSON array`);
    for (const [i, r] of records.entries()) {
      judge(r, i + 1);
      await drained();
    }
  }

  return finish();

  function finish(): number {
    const summaryText = `${JSON.stringify({ summary })}\n`;
    if (values.summary) writeFileSync(values.summary, summaryText);
    else process.stderr.write(summaryText);
    if (summary.errors > 0) return 2;
    const bad = (summary.verdicts.fail ?? 0) + (summary.verdicts.indeterminate ?? 0);
    return bad > 0 ? 1 : 0;
  }
}

/** What a retention result line adds: the keep-until date, the rule that sets it, and whether destruction is allowed. */
function retentionFields(result: CheckResult): { retainUntil: string | null; governingRule: string | null; mayDispose: boolean } | undefined {
  if (result.check !== 'retention' || !('mayDispose' in result)) return undefined;
  const r = result as CheckResult & { retainUntil: string | null; governingRule: { ruleId: string } | null; mayDispose: boolean };
  return { retainUntil: r.retainUntil, governingRule: r.governingRule?.ruleId ?? null, mayDispose: r.mayDispose };
}
