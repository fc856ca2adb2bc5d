import { version } from '../../../package.json';
import { runFixtures } from '../../fixtures/runner.js';
import { renderHtmlReport } from '../../report/html.js';
import { formatShanghaiInstant } from '../../time/civil.js';
import { UsageError, calendarFromFile, readFixtureSources, readJsonBeside, rulebookFromFiles, writeOutput } from '../io.js';

interface ReportArgs {
  values: { html?: string; rules?: string[]; calendar?: string };
  positionals: string[];
}

/**
 * When the report is generated: `SOURCE_DATE_EPOCH` (seconds) when set, for
 * reproducible builds; otherwise now. Shown in Asia/Shanghai time.
 */
function generatedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const ms = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
  return formatShanghaiInstant(ms);
}

/**
 * `icr report --html FILE [paths…]`: runs the fixtures (default: the shipped
 * ones) and writes the self-contained audit report. Exit 0 when written and
 * every fixture passed; 1 when written and a fixture failed; 2 for unusable
 * arguments or rule files, or when a fixture is invalid (the report is still
 * written and lists it).
 */
export function runReport({ values, positionals }: ReportArgs): number {
  const out = values.html;
  if (out === undefined || out === '') throw new UsageError('report needs --html FILE: where to write the report');
  const rulebook = rulebookFromFiles(values.rules);
  if (!rulebook) return 2;
  const calendar = calendarFromFile(values.calendar);
  if (calendar === null) return 2;
  const sources = readFixtureSources(positionals);
  const report = runFixtures(sources, { rulebook, readJson: readJsonBeside, ...(calendar ? { calendar } : {}) });
  const html = renderHtmlReport({ rulebook, report, libraryVersion: version, generatedAt: generatedAt(), ...(calendar ? { calendar } : {}) });
  try {
    writeOutput(html, out);
  } catch (e) {
    throw new UsageError(`cannot write ${out}: ${(e as Error).message}`);
  }
  const { passed, failed, invalid } = report.totals;
  process.stderr.write(`icr report: ${passed} passed, ${failed} failed, ${invalid} invalid; report written to ${out}\n`);
  if (invalid > 0) return 2;
  if (failed > 0) return 1;
  return 0;
}
