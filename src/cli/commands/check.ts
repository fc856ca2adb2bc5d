import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createRulebook, defaultRulebook } from '../../rulebook/rulebook.js';
import { InputError, RuleSetError } from '../../errors.js';
import { parseAsOf } from '../../engine/input.js';
import { UsageError, calendarFromFile } from '../io.js';
import { parseCsv } from '../csv.js';
import { CSV_MAPPINGS, csvColumnsMarkdown } from '../csv-records.js';
import { CsvHeaderError, CsvRecordReader } from '../csv-reader.js';
import { JsonReader, NdjsonReader } from '../json-stream.js';
import { ProgressLine, progressWanted } from '../progress.js';
import type { ReaderItem, RecordReader } from '../records.js';
import { ScreenTally, screenRecord, type ScreenCheck } from '../screen.js';

interface CheckArgs {
  values: { 'as-of'?: string; rulesets?: string; full?: boolean; summary?: string; format?: string; columns?: boolean; calendar?: string };
  positionals: string[];
}

const FORMATS = ['json', 'ndjson', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const CHECK_ALIASES: Readonly<Record<string, ScreenCheck>> = {
  eligibility: 'eligibility',
  disclosure: 'disclosure',
  deadline: 'deadline',
  deadlines: 'deadline',
  retention: 'retention',
};

/** How much text is looked at to tell the format when nothing names it. */
const SNIFF_LIMIT = 65_536;
/** Output is written in pieces of about this many characters. */
const WRITE_BATCH = 1 << 20;

/**
 * Tells the input format from its start: `[` is a JSON array; `{` is NDJSON,
 * unless the first line is `{` alone (a pretty-printed object: JSON); a first
 * line that names an `id` column is a CSV header; anything else is read as
 * NDJSON (so a broken first line is an error line, not the end of the run).
 * Returns `undefined` while more text is needed.
 */
export function sniffFormat(text: string, final: boolean): Format | undefined {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) break;
    i += 1;
  }
  if (i === text.length) return final || text.length > SNIFF_LIMIT ? 'ndjson' : undefined;
  if (text[i] === '[') return 'json';
  let eol = text.indexOf('\n', i);
  if (eol === -1) {
    if (!final && text.length - i < SNIFF_LIMIT) return undefined;
    eol = text.length;
  }
  const first = text.slice(i, eol).trim();
  if (text[i] === '{') return first === '{' ? 'json' : 'ndjson';
  const cells = parseCsv(first)[0]?.fields.map((f) => f.trim()) ?? [];
  return cells.includes('id') ? 'csv' : 'ndjson';
}

/**
 * `icr check <check> <file|->`: screens records (NDJSON, JSON or CSV) as a
 * stream, writing one line per record in input order — a result, or an error
 * line with its line number for a record that is not JSON, not valid CSV or
 * not a valid input. A summary goes to stderr (or `--summary FILE`); a
 * progress line is drawn on stderr when it is a terminal. See docs/screening.md.
 */
export async function runCheckCommand({ values, positionals }: CheckArgs): Promise<number> {
  const [checkArg, file, extra] = positionals;
  const usage = 'usage: icr check <eligibility|disclosure|deadlines|retention> <file|->';
  if (!checkArg) throw new UsageError(usage);
  const check = CHECK_ALIASES[checkArg];
  if (!check) throw new UsageError(`unknown check "${checkArg}"; use eligibility, disclosure, deadlines or retention`);
  if (values.columns) {
    if (file) throw new UsageError('--columns takes no file: it prints the CSV columns of the check');
    process.stdout.write(csvColumnsMarkdown(CSV_MAPPINGS[check]!));
    return 0;
  }
  if (!file) throw new UsageError(usage);
  if (extra) throw new UsageError(`unexpected argument "${extra}"`);
  if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  }
  const forced: Format | undefined = (values.format as Format | undefined) ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : undefined);
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
      const ids = values.rulesets.split(',').map((s) => s.trim()).filter(Boolean);
      // Named after what it holds, so a result never claims the full default rulebook.
      rulebook = createRulebook({ rulesets: ids, id: `default:${ids.join(',')}` });
    } catch (e) {
      if (e instanceof RuleSetError) throw new UsageError(`--rulesets: ${e.issues.map((i) => i.message).join('; ')}`);
      throw e;
    }
  }
  const calendar = calendarFromFile(values.calendar);
  if (calendar === null) return 2;
  let totalBytes: number | undefined;
  if (file !== '-') {
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      totalBytes = st.size;
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
  }
  const name = file === '-' ? 'stdin' : file;
  const full = values.full === true;
  const started = performance.now();
  const tally = new ScreenTally(check, rulebook, asOf, calendar);
  const progress = progressWanted(process.stderr.isTTY, process.env, values.summary)
    ? new ProgressLine(process.stderr, () => performance.now(), totalBytes)
    : undefined;

  // Decoded as UTF-8 by the stream itself (a character split between chunks is kept whole).
  const input = file === '-' ? process.stdin.setEncoding('utf8') : createReadStream(file, { highWaterMark: 256 * 1024, encoding: 'utf8' });
  const bytesRead = () => ('bytesRead' in input ? input.bytesRead : undefined);
  const out = process.stdout;
  let outputError: Error | undefined;
  const onOutputError = (e: Error) => {
    outputError = e;
  };
  out.on('error', onOutputError);
  /** Writes text; waits while stdout's buffer is full, so a slow reader never makes memory grow with the input. */
  const write = async (text: string) => {
    if (outputError) return;
    if (out.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('error', done);
        resolve();
      };
      out.on('drain', done);
      out.on('error', done);
    });
  };
  const emit = async (items: ReaderItem[]) => {
    let text = '';
    for (const item of items) {
      const line = 'input' in item ? screenRecord(check, item.input, { rulebook, line: item.line, full, ...(asOf === undefined ? {} : { asOf }), ...(calendar ? { calendar } : {}) }) : item;
      tally.add(line);
      text += `${JSON.stringify(line)}\n`;
      if (text.length > WRITE_BATCH) {
        await write(text);
        text = '';
      }
    }
    if (text) await write(text);
    progress?.update(tally.records, bytesRead());
  };
  const makeReader = (format: Format): RecordReader => {
    if (format === 'csv') return new CsvRecordReader(CSV_MAPPINGS[check]!);
    return format === 'json' ? new JsonReader() : new NdjsonReader();
  };

  let reader: RecordReader | undefined = forced ? makeReader(forced) : undefined;
  let head = '';
  try {
    for await (const text of input as AsyncIterable<string>) {
      if (!reader) {
        head += text;
        const format = sniffFormat(head, false);
        if (!format) continue;
        reader = makeReader(format);
        await emit(reader.push(head));
        head = '';
      } else await emit(reader.push(text));
      if (outputError) break;
    }
    if (!reader) {
      reader = makeReader(sniffFormat(head, true)!);
      await emit(reader.push(head));
    }
    if (!outputError) await emit(reader.end());
  } catch (e) {
    progress?.clear();
    if (e instanceof CsvHeaderError) throw new UsageError(`${name}: ${e.message}`);
    throw e;
  }
  progress?.clear();
  if (reader instanceof CsvRecordReader && !reader.sawHeader) throw new UsageError(`${name} has no header row`);

  const summary = tally.summary(performance.now() - started, outputError === undefined);
  const summaryText = `${JSON.stringify({ summary })}\n`;
  if (values.summary !== undefined && values.summary !== '-') {
    try {
      writeFileSync(values.summary, summaryText);
    } catch (e) {
      process.stderr.write(`icr: cannot write the summary to ${values.summary}: ${(e as Error).message}\n${summaryText}`);
      return 2;
    }
  } else process.stderr.write(summaryText);
  if (outputError) {
    if ((outputError as NodeJS.ErrnoException).code !== 'EPIPE') process.stderr.write(`icr: cannot write the results: ${outputError.message}\n`);
  }
  return summary.exitCode;
}
