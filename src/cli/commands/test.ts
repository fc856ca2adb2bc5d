import { REPORTERS, type ReporterName, renderReport } from '../../fixtures/reporters.js';
import { runFixtures, uncovered } from '../../fixtures/runner.js';
import { UsageError, calendarFromFile, readFixtureSources, readJsonBeside, rulebookFromFiles, writeOutput } from '../io.js';

interface TestArgs {
  values: { reporter?: string; out?: string; coverage?: boolean; 'require-coverage'?: boolean; rules?: string[]; calendar?: string };
  positionals: string[];
}

/** `icr test`: runs fixtures; exit 0 all passed, 1 any failed (or coverage missing when required), 2 invalid. */
export function runTest({ values, positionals }: TestArgs): number {
  const reporter = (values.reporter ?? 'pretty') as ReporterName;
  if (!REPORTERS.includes(reporter)) throw new UsageError(`--reporter must be one of ${REPORTERS.join(', ')}`);
  const rulebook = rulebookFromFiles(values.rules);
  if (!rulebook) return 2;
  const calendar = calendarFromFile(values.calendar);
  if (calendar === null) return 2;
  const sources = readFixtureSources(positionals);
  const report = runFixtures(sources, { rulebook, readJson: readJsonBeside, ...(calendar ? { calendar } : {}) });
  const requireCoverage = values['require-coverage'] === true;
  const text = renderReport(report, reporter, {
    coverage: values.coverage === true,
    requireCoverage,
    color: reporter === 'pretty' && values.out === undefined && process.stdout.isTTY === true,
  });
  writeOutput(text, values.out);
  if (values.out !== undefined && reporter !== 'pretty') {
    const { passed, failed, invalid } = report.totals;
    process.stderr.write(`icr test: ${passed} passed, ${failed} failed, ${invalid} invalid; report written to ${values.out}\n`);
  }
  if (report.totals.invalid > 0) return 2;
  if (report.totals.failed > 0) return 1;
  if (requireCoverage && uncovered(report).length > 0) return 1;
  return 0;
}
