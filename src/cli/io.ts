import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Rulebook, createRulebook, defaultRulebook } from '../rulebook/rulebook.js';
import { CalendarError } from '../calendar/calendar-error.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { RuleSetError } from '../errors.js';
import type { FixtureSource } from '../fixtures/runner.js';

/** Bad arguments: printed with a usage hint, exit code 2. */
export class UsageError extends Error {}

/** The installed package's root (dist/cli.js lives one level below). */
export function packageRoot(): string {
  return fileURLToPath(new URL('..', import.meta.url));
}

/** Shows a path relative to the working directory when it is inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Every `.json` file under the given files and directories, sorted; a missing path is a usage error. */
export function listJsonFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`no such file or directory: ${p}`);
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const child = join(p, name);
        if (statSync(child).isDirectory() || name.endsWith('.json')) walk(child);
      }
    } else out.push(resolve(p));
  };
  for (const p of paths) walk(p);
  return [...new Set(out)];
}

/** Reads and parses a JSON file; `{ error }` with a plain sentence when it cannot. */
export function readJsonFile(file: string): { data: unknown } | { error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { error: `cannot read: ${(e as Error).message}` };
  }
  try {
    return { data: JSON.parse(text) };
  } catch (e) {
    return { error: `is not valid JSON: ${(e as Error).message}` };
  }
}

/** Writes text to a file, or to stdout when no file is given. */
export function writeOutput(text: string, file: string | undefined): void {
  if (file === undefined) process.stdout.write(text);
  else writeFileSync(file, text);
}

/** Working-day calendars live beside the rule files (`rules/calendars/`) but are not rule sets. */
export function isCalendarFile(file: string): boolean {
  return file.includes(join('rules', 'calendars'));
}

/**
 * The rulebook `--rules FILE…` names (files or directories of rule files;
 * calendars skipped), or the default rulebook when none are given. Prints
 * each problem of an invalid rule file as `file#pointer: message` and returns
 * `undefined` (the caller exits 2).
 */
export function rulebookFromFiles(paths: readonly string[] | undefined): Rulebook | undefined {
  if (!paths?.length) return defaultRulebook;
  const sets = listJsonFiles(paths)
    .filter((f) => !isCalendarFile(f))
    .map((f) => {
      const read = readJsonFile(f);
      if ('error' in read) throw new UsageError(`${displayPath(f)} ${read.error}`);
      return { file: displayPath(f), data: read.data };
    });
  try {
    return createRulebook({ rulesets: sets.map((s) => s.data), id: 'custom' });
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    // createRulebook names its inputs rulesets[i]: name the files instead.
    const fileOf = (name: string) => name.replace(/^rulesets\[(\d+)\]$/, (m, n: string) => sets[Number(n)]?.file ?? m);
    process.stderr.write(`${e.issues.map((i) => `${fileOf(i.file)}${i.pointer ? `#${i.pointer}` : ''}: ${i.message}`).join('\n')}\n`);
    return undefined;
  }
}

/** The fixture files under `paths` (default: the shipped fixtures), read for the runner. */
export function readFixtureSources(paths: readonly string[]): FixtureSource[] {
  const files = listJsonFiles(paths.length ? paths : [join(packageRoot(), 'fixtures')]);
  if (files.length === 0) throw new UsageError('no fixture files found');
  return files.map((f) => {
    const read = readJsonFile(f);
    return 'error' in read ? { file: displayPath(f), error: read.error } : { file: displayPath(f), data: read.data };
  });
}

/**
 * The calendar `--calendar FILE` names: a whole calendar file or
 * `{ "extends": "cn-mainland", "years": [ … ] }`; `undefined` (the shipped
 * calendar) when none is given. A file that cannot be read is a usage error;
 * an invalid calendar prints each problem as `file#pointer: message` and
 * returns `null` (the caller exits 2).
 */
export function calendarFromFile(file: string | undefined): WorkingCalendar | undefined | null {
  if (file === undefined) return undefined;
  const read = readJsonFile(file);
  if ('error' in read) throw new UsageError(`--calendar ${displayPath(file)} ${read.error}`);
  try {
    return loadCalendar(read.data);
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    process.stderr.write(`${e.issues.map((i) => `${displayPath(file)}#${i.pointer}: ${i.message}`).join('\n')}\n`);
    return null;
  }
}

/** Reads a JSON file named relative to a fixture file (a fixture's `calendar`); throws a plain sentence. */
export function readJsonBeside(path: string, fixtureFile: string): unknown {
  const read = readJsonFile(resolve(dirname(fixtureFile), path));
  if ('error' in read) throw new Error(read.error);
  return read.data;
}
