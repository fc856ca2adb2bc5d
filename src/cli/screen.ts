/**
 * The judgement of one record for `icr check`, and the run's tally. Every
 * output line of a record that was read comes from {@link screenRecord}.
 */
import { CN_MAINLAND_CALENDAR } from '../calendar/cn-mainland.js';
import { type CalendarRef, type WorkingCalendar, calendarRef } from '../calendar/working-calendar.js';
import type { CheckDefinition } from '../checks/definition.js';
import { disclosureCheck } from '../checks/disclosure/definition.js';
import { eligibilityCheck } from '../checks/eligibility/definition.js';
import { runFixtureCheck } from '../api/registry.js';
import { screenCheck } from '../checks/run.js';
import type { Rulebook } from '../rulebook/rulebook.js';
import { InputError, type InputIssue } from '../errors.js';
import type { DeadlineStatus } from '../schemas/deadline-result.js';
import type { CheckResult, Finding, Verdict } from '../schemas/result.js';
import type { ErrorLine } from './records.js';

/** The checks `icr check` screens, by rule `check` name. */
export type ScreenCheck = 'eligibility' | 'disclosure' | 'deadline' | 'retention';

export interface ScreenOptions {
  readonly rulebook: Rulebook;
  /** `--as-of`; eligibility and disclosure default to each sale's own date when absent. */
  readonly asOf?: string;
  /** The line the record starts on. */
  readonly line: number;
  /** `--full`: add the whole findings and the rest of the result. */
  readonly full?: boolean;
  /** `--calendar`: the working-day calendar (default: the shipped one). */
  readonly calendar?: WorkingCalendar;
}

/** A deadline clock as a result line shows it. */
export interface CompactClock {
  ruleId: string;
  status: DeadlineStatus;
  dueAt?: string;
  overdueBy?: string;
}

/** The output line of a record that was judged. */
export interface ResultLine {
  line: number;
  id: string;
  verdict: Verdict;
  /** Rules that failed (violations, obligations and warnings), in rulebook order. */
  failed: string[];
  /** Input paths some rule needed and the record lacks. */
  missing: string[];
  /** Retention: the last day the record must be kept, the rule that sets it, and whether it may be destroyed on `--as-of`. */
  retainUntil?: string | null;
  governingRule?: string | null;
  mayDispose?: boolean;
  /** Deadlines: rules whose clock is breached, how many clocks are still running, and the earliest instant one of them falls due. */
  breached?: string[];
  pending?: number;
  nextDueAt?: string | null;
  /** Deadlines: every clock (compact; the whole clock under `--full`). */
  deadlines?: CompactClock[];
  findings?: Finding[];
  obligations?: Finding[];
  asOf?: string;
  rulebook?: CheckResult['rulebook'];
}

export type OutputLine = ResultLine | ErrorLine;

/** Checks whose line is exactly the lean judgement. */
const LEAN: Partial<Record<ScreenCheck, CheckDefinition<any, Record<string, unknown>>>> = {
  eligibility: eligibilityCheck,
  disclosure: disclosureCheck,
};

/** Most issues an error line lists; the rest are counted in a last issue. */
const MAX_ISSUES = 100;

function recordId(input: unknown): string | null {
  if (input === null || typeof input !== 'object') return null;
  const id = (input as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : null;
}

function capIssues(issues: readonly InputIssue[]): InputIssue[] {
  if (issues.length <= MAX_ISSUES) return [...issues];
  return [...issues.slice(0, MAX_ISSUES), { path: '(record)', message: `and ${issues.length - MAX_ISSUES} more issues` }];
}

type DeadlineResult = CheckResult & { deadlines: Array<CompactClock & Record<string, unknown>>; calendar: unknown };
type DisposalResult = CheckResult & { retainUntil: string | null; governingRule: { ruleId: string } | null; mayDispose: boolean; holds: unknown };

/**
 * Judges one record and returns its output line: `{ line, id, verdict,
 * failed, missing }` plus what the check adds (retention: `retainUntil`,
 * `governingRule`, `mayDispose`; deadlines: `breached`, `pending`,
 * `nextDueAt`, `deadlines`), or an error line `{ line, id, error, issues }`
 * when the record is invalid. Never throws for a bad record; an unexpected
 * failure of the check itself becomes an `internal-error` line so the rest of
 * the input is still screened.
 *
 * @example
 * screenRecord('eligibility', sale, { rulebook: defaultRulebook, line: 1 })
 * // { line: 1, id: 'S-1', verdict: 'fail', failed: ['mkt-service-2025.minor-applicant'], missing: [] }
 */
export function screenRecord(check: ScreenCheck, input: unknown, options: ScreenOptions): OutputLine {
  const { line } = options;
  const lean = !options.full ? LEAN[check] : undefined;
  if (lean) {
    // Eligibility and disclosure lines need only the verdict, the failing rules and the missing paths:
    // the engine's lean judgement gives exactly those without building findings (test/screen-verdict.test.ts).
    try {
      const r = screenCheck(lean, input, options.asOf === undefined ? { rulebook: options.rulebook } : { rulebook: options.rulebook, asOf: options.asOf });
      return { line, id: r.id, verdict: r.verdict, failed: r.failed, missing: r.missing };
    } catch (e) {
      if (e instanceof InputError) return { line, id: recordId(input), error: 'invalid-record', issues: capIssues(e.issues) };
      return { line, id: recordId(input), error: 'internal-error', issues: [{ path: '(record)', message: `the check failed unexpectedly: ${(e as Error)?.message ?? String(e)}` }] };
    }
  }
  let result: CheckResult;
  try {
    result = runFixtureCheck(check, input, {
      rulebook: options.rulebook,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.calendar ? { calendar: options.calendar } : {}),
    });
  } catch (e) {
    if (e instanceof InputError) return { line, id: recordId(input), error: 'invalid-record', issues: capIssues(e.issues) };
    return { line, id: recordId(input), error: 'internal-error', issues: [{ path: '(record)', message: `the check failed unexpectedly: ${(e as Error)?.message ?? String(e)}` }] };
  }
  const failed: string[] = [];
  let missing: string[] | undefined;
  let seen: Set<string> | undefined;
  for (const list of [result.findings, result.obligations]) {
    for (const f of list) {
      if (f.verdict === 'fail') failed.push(f.ruleId);
      if (f.missing) {
        for (const m of f.missing) {
          if (seen?.has(m)) continue;
          (seen ??= new Set()).add(m);
          (missing ??= []).push(m);
        }
      }
    }
  }
  const out: ResultLine = { line, id: result.id, verdict: result.verdict, failed, missing: missing ?? [] };
  if (check === 'retention') {
    const r = result as DisposalResult;
    out.retainUntil = r.retainUntil;
    out.governingRule = r.governingRule?.ruleId ?? null;
    out.mayDispose = r.mayDispose;
  } else if (check === 'deadline') {
    const r = result as DeadlineResult;
    const breached: string[] = [];
    let pending = 0;
    let next: string | null = null;
    let nextMs = Infinity;
    for (const d of r.deadlines) {
      if (d.status === 'breached') breached.push(d.ruleId);
      else if (d.status === 'pending') {
        pending += 1;
        const ms = d.dueAt === undefined ? NaN : Date.parse(d.dueAt);
        if (ms < nextMs) {
          nextMs = ms;
          next = d.dueAt!;
        }
      }
    }
    out.breached = breached;
    out.pending = pending;
    out.nextDueAt = next;
    out.deadlines = options.full
      ? r.deadlines
      : r.deadlines.map((d) => {
          const c: CompactClock = { ruleId: d.ruleId, status: d.status };
          if (d.dueAt) c.dueAt = d.dueAt;
          if (d.overdueBy) c.overdueBy = d.overdueBy;
          return c;
        });
  }
  if (options.full) {
    out.findings = result.findings;
    out.obligations = result.obligations;
    out.asOf = result.asOf;
    out.rulebook = result.rulebook;
    if (check === 'deadline') (out as ResultLine & { calendar?: unknown }).calendar = (result as DeadlineResult).calendar;
    if (check === 'retention') (out as ResultLine & { holds?: unknown }).holds = (result as DisposalResult).holds;
  }
  return out;
}

const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const sorted = (counts: Map<string, number>) => Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The end-of-run summary, as written to stderr or `--summary FILE` under the key `summary`. */
export interface ScreenSummary {
  check: ScreenCheck;
  /** Records read: every output line. */
  records: number;
  /** Judged records by verdict (all four keys present). */
  verdicts: Record<Verdict, number>;
  /** Error lines, and how many of each kind. */
  errors: number;
  errorKinds: Record<string, number>;
  /** Per rule: records that failed it. */
  failedRules: Record<string, number>;
  /** Per source: records that failed at least one of its rules. */
  failedBySource: Record<string, number>;
  /** Retention: records that may be destroyed on `--as-of`. */
  mayDispose?: number;
  /** Deadlines: clocks by status. */
  clocks?: Record<DeadlineStatus, number>;
  /** `--as-of`, or `null` when each record is judged at its own date. */
  asOf: string | null;
  rulebook: { id: string; version: string; hash: string };
  /** Deadlines: the working-day calendar the clocks were counted on. */
  calendar?: CalendarRef;
  elapsedMs: number;
  recordsPerSecond: number;
  /** Every record was read and its line written (false when the output closed early, e.g. piped into `head`). */
  complete: boolean;
  /** The exit code: 0 every record passed (or was not-applicable), 1 a record failed or was indeterminate, 2 an error line or an incomplete run. */
  exitCode: 0 | 1 | 2;
}

/** Counts output lines for the summary and the exit code; holds nothing per record. */
export class ScreenTally {
  records = 0;
  errors = 0;
  private readonly errorKinds = new Map<string, number>();
  private readonly verdicts: Record<Verdict, number> = { pass: 0, fail: 0, indeterminate: 0, 'not-applicable': 0 };
  private readonly failedRules = new Map<string, number>();
  private readonly failedBySource = new Map<string, number>();
  private readonly sourceOf: ReadonlyMap<string, string>;
  private mayDispose = 0;
  private readonly clocks: Record<DeadlineStatus, number> = { met: 0, breached: 0, pending: 0, indeterminate: 0 };

  constructor(
    private readonly check: ScreenCheck,
    private readonly rulebook: Rulebook,
    private readonly asOf: string | undefined,
    private readonly calendar: WorkingCalendar = CN_MAINLAND_CALENDAR,
  ) {
    this.sourceOf = new Map(rulebook.rules.map((r) => [r.id, r.citation.source]));
  }

  add(line: OutputLine): void {
    this.records += 1;
    if ('error' in line) {
      this.errors += 1;
      bump(this.errorKinds, line.error);
      return;
    }
    this.verdicts[line.verdict] += 1;
    if (line.failed.length > 0) {
      const sources = new Set<string>();
      for (const id of line.failed) {
        bump(this.failedRules, id);
        sources.add(this.sourceOf.get(id) ?? id.split('.')[0]!);
      }
      for (const s of sources) bump(this.failedBySource, s);
    }
    if (line.mayDispose) this.mayDispose += 1;
    if (line.deadlines) for (const d of line.deadlines) this.clocks[d.status] += 1;
  }

  /** 0 every record passed (`not-applicable` counts as passed); 1 one failed or was indeterminate; 2 an error line. */
  get exitCode(): 0 | 1 | 2 {
    if (this.errors > 0) return 2;
    return this.verdicts.fail + this.verdicts.indeterminate > 0 ? 1 : 0;
  }

  summary(elapsedMs: number, complete = true): ScreenSummary {
    return {
      check: this.check,
      records: this.records,
      verdicts: { ...this.verdicts },
      errors: this.errors,
      errorKinds: sorted(this.errorKinds),
      failedRules: sorted(this.failedRules),
      failedBySource: sorted(this.failedBySource),
      ...(this.check === 'retention' ? { mayDispose: this.mayDispose } : {}),
      ...(this.check === 'deadline' ? { clocks: { ...this.clocks } } : {}),
      asOf: this.asOf ?? null,
      rulebook: { id: this.rulebook.id, version: this.rulebook.version, hash: this.rulebook.hash },
      ...(this.check === 'deadline' ? { calendar: calendarRef(this.calendar) } : {}),
      elapsedMs: Math.round(elapsedMs),
      recordsPerSecond: elapsedMs > 0 ? Math.round((this.records / elapsedMs) * 1000) : 0,
      complete,
      exitCode: complete ? this.exitCode : 2,
    };
  }
}
