/**
 * A streaming CSV reader (RFC 4180): fields separated by commas, records by
 * CRLF or LF (a lone CR is accepted too); a field may be enclosed in double
 * quotes, and then holds commas, line breaks and doubled quotes (`""` for
 * `"`). Input arrives in chunks of any size and records come out as soon as
 * their line ends, so memory stays flat however long the file is.
 *
 * It never throws on malformed text: a record that breaks the format (a stray
 * quote, text after a closing quote, an unclosed quote at the end, an
 * oversized record) comes out with an `error`, and reading goes on with the
 * next record. Blank lines are skipped. A UTF-8 byte-order mark is removed.
 */

/** One record: the physical line it starts on (1-based), its fields, and what is wrong with it, if anything. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
  readonly error?: string;
}

export interface CsvOptions {
  /** Longest record accepted, in characters; longer ones come out with an error (default 1,000,000). */
  readonly maxRecordLength?: number;
  /** Most fields in one record (default 10,000). */
  readonly maxFields?: number;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  /** At the start of a field. */
  FieldStart,
  /** Inside an unquoted field. */
  Unquoted,
  /** Inside a quoted field. */
  Quoted,
  /** Just after a quote inside a quoted field: either `""` or the closing quote. */
  QuoteInQuoted,
  /** After a closing quote, where only a comma or a line break may follow. */
  AfterQuoted,
}

/**
 * An incremental RFC 4180 parser: feed it text with {@link CsvParser.push}
 * and call {@link CsvParser.end} once the input is exhausted.
 *
 * @example
 * const p = new CsvParser()
 * p.push('id,kind\nP-1,"policy')  // [{ line: 1, fields: ['id', 'kind'] }]
 * p.push('-file"\n')              // [{ line: 2, fields: ['P-1', 'policy-file'] }]
 * p.end()                         // []
 */
export class CsvParser {
  private readonly maxRecordLength: number;
  private readonly maxFields: number;
  private state: State = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  private error: string | undefined;
  private line = 1;
  private recordLine = 1;
  private recordLength = 0;
  /** Anything but a line break was seen in the current record (so it is not a blank line). */
  private started = false;
  /** The previous chunk ended with a CR: an LF starting this one belongs to it. */
  private pendingCr = false;
  private atStart = true;
  /** The last character read inside a quoted field was a CR. */
  private quotedCr = false;

  constructor(options: CsvOptions = {}) {
    this.maxRecordLength = options.maxRecordLength ?? 1_000_000;
    this.maxFields = options.maxFields ?? 10_000;
  }

  /** Parses the next piece of text; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    const n = chunk.length;
    if (this.atStart && n > 0) {
      this.atStart = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.pendingCr && i < n) {
      this.pendingCr = false;
      if (chunk.charCodeAt(i) === LF) i += 1;
    }
    while (i < n) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.started = true;
            this.state = State.Quoted;
            i += 1;
          } else if (c === COMMA) {
            this.started = true;
            this.endField();
            i += 1;
          } else if (c === LF || c === CR) {
            i = this.lineBreak(chunk, i, out);
          } else {
            this.started = true;
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let j = i;
          while (j < n) {
            const d = chunk.charCodeAt(j);
            if (d === COMMA || d === LF || d === CR || d === QUOTE) break;
            j += 1;
          }
          this.append(chunk, i, j);
          i = j;
          if (i >= n) break;
          const d = chunk.charCodeAt(i);
          if (d === QUOTE) {
            this.fail('a double quote inside an unquoted field (enclose the field in quotes and double the quote)');
            this.append(chunk, i, i + 1);
            i += 1;
          } else if (d === COMMA) {
            this.endField();
            this.state = State.FieldStart;
            i += 1;
          } else {
            i = this.lineBreak(chunk, i, out);
          }
          break;
        }
        case State.Quoted: {
          const j = chunk.indexOf('"', i);
          const end = j === -1 ? n : j;
          // Line breaks inside the field still count as lines: CRLF once, even when split across chunks.
          for (let k = i; k < end; k += 1) {
            const d = chunk.charCodeAt(k);
            if (d === CR) this.line += 1;
            else if (d === LF && !this.quotedCr) this.line += 1;
            this.quotedCr = d === CR;
          }
          if (j !== -1) this.quotedCr = false;
          this.append(chunk, i, end);
          i = end;
          if (j !== -1) {
            this.state = State.QuoteInQuoted;
            i += 1;
          }
          break;
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.append(chunk, i, i + 1);
            this.state = State.Quoted;
            i += 1;
          } else {
            this.state = State.AfterQuoted;
          }
          break;
        case State.AfterQuoted:
          if (c === COMMA) {
            this.endField();
            this.state = State.FieldStart;
            i += 1;
          } else if (c === LF || c === CR) {
            i = this.lineBreak(chunk, i, out);
          } else {
            this.fail('text after a closing double quote (a quoted field must end at a comma or a line break)');
            this.state = State.Unquoted;
          }
          break;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record, if the text did not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === State.Quoted) this.fail('a quoted field is not closed before the end of the input');
    if (this.started) this.emit(out);
    this.state = State.FieldStart;
    return out;
  }

  private append(chunk: string, from: number, to: number): void {
    if (to <= from) return;
    this.recordLength += to - from;
    if (this.recordLength > this.maxRecordLength) {
      this.fail(`the record is longer than ${this.maxRecordLength} characters`);
      return;
    }
    if (this.error === undefined || this.field.length < 200) this.field += chunk.slice(from, to);
  }

  private endField(): void {
    if (this.fields.length >= this.maxFields) this.fail(`the record has more than ${this.maxFields} fields`);
    else this.fields.push(this.field);
    this.field = '';
  }

  private fail(message: string): void {
    if (this.error === undefined) this.error = message;
  }

  /** Handles the line break at `i` (outside quotes): ends the record, returns the index after the break. */
  private lineBreak(chunk: string, i: number, out: CsvRecord[]): number {
    let next = i + 1;
    if (chunk.charCodeAt(i) === CR) {
      if (next < chunk.length) {
        if (chunk.charCodeAt(next) === LF) next += 1;
      } else this.pendingCr = true;
    }
    if (this.started) this.emit(out);
    this.state = State.FieldStart;
    this.line += 1;
    this.recordLine = this.line;
    return next;
  }

  private emit(out: CsvRecord[]): void {
    this.endField();
    out.push(this.error === undefined ? { line: this.recordLine, fields: this.fields } : { line: this.recordLine, fields: this.fields, error: this.error });
    this.fields = [];
    this.field = '';
    this.error = undefined;
    this.started = false;
    this.recordLength = 0;
  }
}

/**
 * Reads CSV records from a stream of text or bytes (UTF-8), one at a time.
 *
 * @example for await (const r of readCsv(createReadStream('inventory.csv'))) console.log(r.line, r.fields)
 */
export async function* readCsv(input: AsyncIterable<string | Uint8Array>, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(options);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* parser.push(text);
  }
  const rest = decoder.decode();
  if (rest) yield* parser.push(rest);
  yield* parser.end();
}

/** Parses a whole CSV text at once. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  const parser = new CsvParser(options);
  return [...parser.push(text), ...parser.end()];
}
