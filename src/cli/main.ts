/**
 * `insurance-compliance-rules` / `icr`: the auditor's and the pipeline's CLI.
 *
 * Exit codes: 0 all passed; 1 something failed (or was indeterminate);
 * 2 unusable arguments, an invalid fixture, rule file or record.
 */
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { runTest } from './commands/test.js';
import { runValidate } from './commands/validate.js';
import { runRules } from './commands/rules.js';
import { runCheckCommand } from './commands/check.js';
import { runReport } from './commands/report.js';
import { runCalendar } from './commands/calendar.js';
import { UsageError } from './io.js';

const USAGE = `insurance-compliance-rules ${version} — compliance checks for Chinese insurers

Usage: icr <command> [options]

Commands:
  test [paths…]            Run fixtures (default: the shipped fixtures/)
      --reporter pretty|json|junit   Output format (default: pretty)
      --out FILE                     Write the report to FILE instead of stdout
      --coverage                     Show, per rule and per source, the fixtures where it failed and passed
      --require-coverage             Fail when any rule lacks a failing or a passing fixture
      --rules FILE…                  Judge by these rule files instead of the shipped ones (repeatable)
      --calendar FILE                Count working days on this calendar (see below)
  validate [rule files…]   Validate rule sets (default: the shipped rules/)
  rules                    Print the rule catalogue with citations
      --format text|markdown|json    (default: text)
      --check NAME  --source ID      Filter
  check <check> <file|->   Screen records (NDJSON, JSON or CSV), one result line per record, in input order
      --as-of INSTANT                Judge at this instant (ISO 8601 with offset); required for deadlines and retention
      --format ndjson|json|csv       Input format (default: csv for *.csv, else told from the first line)
      --rulesets ID,ID               Restrict the rulebook to these sources
      --full                         Include whole findings in each line
      --summary FILE                 Write the summary there instead of stderr (-: stderr, no progress line)
      --columns                      Print the check's CSV columns instead (no file)
      --calendar FILE                Count working days on this calendar (see below)
  report --html FILE [paths…]  Run fixtures (default: the shipped fixtures/) and write the auditor's HTML report
      --rules FILE…                  Judge by these rule files instead of the shipped ones (repeatable)
      --calendar FILE                Count working days on this calendar (see below)
  calendar                 The working-day calendar: coverage, the notices per year, days of coverage left
      --today DATE                   Count the days left from DATE (default: today, Asia/Shanghai)
      --min-days N                   Exit 1 when fewer than N days of coverage are left (a scheduled alarm, a release gate)
      --calendar FILE                Inspect this calendar instead of the shipped one
      --format text|json             (default: text)

  --calendar FILE: a whole calendar file, or { "extends": "cn-mainland", "years": [ … ] } adding or
  replacing years (e.g. next year's State Council notice before a release ships it). See docs/calendar.md.

  --help, --version

Exit codes: 0 passed; 1 failed or indeterminate; 2 unusable arguments or invalid input.
`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    switch (command) {
      case 'test':
        return runTest(parse(rest, {
          reporter: { type: 'string' },
          out: { type: 'string' },
          coverage: { type: 'boolean' },
          'require-coverage': { type: 'boolean' },
          rules: { type: 'string', multiple: true },
          calendar: { type: 'string' },
        }));
      case 'validate':
        return runValidate(parse(rest, {}));
      case 'rules':
        return runRules(parse(rest, { format: { type: 'string' }, check: { type: 'string' }, source: { type: 'string' } }));
      case 'check':
        return await runCheckCommand(parse(rest, {
          'as-of': { type: 'string' },
          rulesets: { type: 'string' },
          full: { type: 'boolean' },
          summary: { type: 'string' },
          format: { type: 'string' },
          columns: { type: 'boolean' },
          calendar: { type: 'string' },
        }));
      case 'report':
        return runReport(parse(rest, { html: { type: 'string' }, rules: { type: 'string', multiple: true }, calendar: { type: 'string' } }));
      case 'calendar':
        return runCalendar(parse(rest, { calendar: { type: 'string' }, today: { type: 'string' }, 'min-days': { type: 'string' }, format: { type: 'string' } }));
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`icr: ${e.message}\nRun "icr --help" for usage.\n`);
      return 2;
    }
    throw e;
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

function parse(args: readonly string[], options: OptionSpec) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`icr: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
