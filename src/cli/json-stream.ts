/**
 * Streaming readers for NDJSON and JSON input to `icr check`. Text arrives in
 * chunks of any size; each record comes out as soon as it is complete, so
 * memory stays flat however large the input is.
 */
import { MAX_RECORD_LENGTH, jsonError, type ReaderItem, type RecordReader } from './records.js';

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const BOM = 0xfeff;

export interface JsonReaderOptions {
  /** Longest record in characters (default {@link MAX_RECORD_LENGTH}). */
  readonly maxRecordLength?: number;
  /** Deepest nesting tracked inside one JSON record (default 1,000); deeper input is an error line. */
  readonly maxDepth?: number;
}

const parse = (text: string, line: number): ReaderItem => {
  try {
    return { line, input: JSON.parse(text) };
  } catch (e) {
    return jsonError(line, `is not valid JSON: ${(e as Error).message}`);
  }
};

/**
 * NDJSON: one JSON value per line (LF or CRLF). Blank lines are not records
 * but still count for line numbers; a line that is not JSON becomes an
 * `invalid-json` error line and reading goes on.
 *
 * @example
 * const r = new NdjsonReader()
 * r.push('{"id":"A"}\n{ nope\n{"id"') // [{ line: 1, input: { id: 'A' } }, { line: 2, error: 'invalid-json', … }]
 * r.push(':"B"}')                      // []
 * r.end()                              // [{ line: 3, input: { id: 'B' } }]
 */
export class NdjsonReader implements RecordReader {
  private readonly maxLength: number;
  private line = 0;
  private parts: string[] = [];
  private length = 0;
  private atStart = true;

  constructor(options: JsonReaderOptions = {}) {
    this.maxLength = options.maxRecordLength ?? MAX_RECORD_LENGTH;
  }

  push(chunk: string): ReaderItem[] {
    const out: ReaderItem[] = [];
    let i = 0;
    if (this.atStart && chunk.length > 0) {
      this.atStart = false;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    for (;;) {
      const j = chunk.indexOf('\n', i);
      if (j === -1) {
        this.keep(chunk, i, chunk.length);
        return out;
      }
      this.line += 1;
      let text: string | undefined;
      if (this.parts.length === 0) text = chunk.slice(i, j);
      else if (this.length + (j - i) <= this.maxLength) text = this.parts.join('') + chunk.slice(i, j);
      this.lineDone(text, this.length + (j - i), out);
      i = j + 1;
    }
  }

  end(): ReaderItem[] {
    const out: ReaderItem[] = [];
    if (this.parts.length > 0 || this.length > 0) {
      this.line += 1;
      this.lineDone(this.length <= this.maxLength ? this.parts.join('') : undefined, this.length, out);
    }
    return out;
  }

  private keep(chunk: string, from: number, to: number): void {
    if (to <= from) return;
    this.length += to - from;
    if (this.length <= this.maxLength) this.parts.push(chunk.slice(from, to));
    else this.parts.length = 0;
  }

  private lineDone(text: string | undefined, length: number, out: ReaderItem[]): void {
    this.parts = [];
    this.length = 0;
    if (text === undefined || length > this.maxLength) {
      out.push(jsonError(this.line, `the line is longer than ${this.maxLength} characters`));
      return;
    }
    const first = text.charCodeAt(0);
    // Blank (whitespace-only) lines are not records.
    if (!(first > SPACE) && text.trim() === '') return;
    out.push(parse(text, this.line));
  }
}

/**
 * JSON: a top-level array whose elements are the records (`[{…}, {…}]`,
 * pretty-printed or not), or top-level objects one after another (a single
 * pretty-printed object, or `jq` output). Each record comes out as soon as it
 * is complete, with the line it starts on; the array itself is never held in
 * memory.
 *
 * The reader tracks strings (with escapes) and brackets, so brackets, braces,
 * commas and escaped quotes inside strings do not confuse it. A malformed
 * element becomes an `invalid-json` error line and reading goes on with the
 * next one. Recovery where the text is broken:
 * - a string still open at the end of its line (JSON strings cannot hold a
 *   line break) is closed there, and an object opening the next line then
 *   starts the next record;
 * - a closing bracket of the wrong kind closes the innermost bracket that
 *   matches it; a `]` that matches none inside the element ends the array;
 * - an object starting where an object key must be (`{"a":1,` then `{`) is
 *   taken as the next record after an element that was never closed;
 * - an empty element (`[,` or `,,`) or a comma before `]` is an error line;
 * - input ending before the array is closed adds an error line.
 * Outside an array, a value that is not an object runs to the end of its line.
 */
export class JsonReader implements RecordReader {
  private readonly maxLength: number;
  private readonly maxDepth: number;
  private line = 1;
  private atStart = true;
  /** Inside a top-level array: its elements are the records. */
  private inArray = false;
  /** The last thing at the array's level was a comma. */
  private afterComma = false;
  /** Reading a record. */
  private inElement = false;
  /** The record is a top-level value that is not an object: it runs to the end of its line. */
  private toEol = false;
  private elementLine = 0;
  private parts: string[] = [];
  private length = 0;
  private problem: string | undefined;
  /** The closing brackets expected inside the current record, innermost last. */
  private stack: number[] = [];
  /** Nesting beyond `maxDepth`, counted but not tracked. */
  private overflow = 0;
  private inString = false;
  private escape = false;
  /** The last character outside strings and whitespace (a string counts as its closing quote). */
  private prev = 0;

  constructor(options: JsonReaderOptions = {}) {
    this.maxLength = options.maxRecordLength ?? MAX_RECORD_LENGTH;
    this.maxDepth = options.maxDepth ?? 1_000;
  }

  push(chunk: string): ReaderItem[] {
    const out: ReaderItem[] = [];
    const n = chunk.length;
    let i = 0;
    if (this.atStart && n > 0) {
      this.atStart = false;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    /** Where the current record's text starts in this chunk, or -1. */
    let seg = this.inElement ? i : -1;
    while (i < n) {
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          if (chunk.charCodeAt(i) === LF) {
            this.line += 1;
            this.inString = false;
            this.prev = COMMA;
            this.fail('has a string that is not closed before the end of its line');
          }
          i += 1;
          continue;
        }
        let j = i;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === QUOTE || d === BACKSLASH || d === LF) break;
          j += 1;
        }
        if (j === n) break;
        const d = chunk.charCodeAt(j);
        i = j + 1;
        if (d === BACKSLASH) {
          this.escape = true;
          continue;
        }
        this.inString = false;
        this.prev = QUOTE;
        if (d === LF) {
          // Broken text: resume as if a key came next, so an object starting the next line is taken as the next record.
          this.line += 1;
          this.prev = COMMA;
          this.fail('has a string that is not closed before the end of its line');
        }
        continue;
      }
      if (this.toEol) {
        const j = chunk.indexOf('\n', i);
        if (j === -1) break;
        out.push(this.finish(chunk, seg, j));
        seg = -1;
        this.line += 1;
        i = j + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      switch (c) {
        case LF:
          this.line += 1;
          i += 1;
          break;
        case SPACE:
        case TAB:
        case CR:
          i += 1;
          break;
        case QUOTE:
          if (!this.inElement) {
            seg = this.start(i, c);
            if (this.toEol) break;
          }
          this.inString = true;
          i += 1;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET: {
          if (!this.inElement) {
            if (c === OPEN_BRACKET && !this.inArray) {
              this.inArray = true;
              this.afterComma = false;
              this.prev = c;
              i += 1;
              break;
            }
            seg = this.start(i, c);
            if (this.toEol) break;
          } else if (c === OPEN_BRACE && this.overflow === 0 && this.stack[this.stack.length - 1] === CLOSE_BRACE && (this.prev === COMMA || this.prev === OPEN_BRACE)) {
            // An object where a key must be: the record before it was never closed; this starts the next one.
            this.fail(`is not closed: the next record starts on line ${this.line}`);
            out.push(this.finish(chunk, seg, i));
            seg = this.start(i, c);
          }
          if (this.stack.length < this.maxDepth) this.stack.push(c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
          else {
            this.overflow += 1;
            this.fail(`is nested more than ${this.maxDepth} levels deep`);
          }
          this.prev = c;
          i += 1;
          break;
        }
        case CLOSE_BRACE:
        case CLOSE_BRACKET: {
          if (this.inElement && !this.toEol && (this.stack.length > 0 || this.overflow > 0)) {
            this.prev = c;
            if (this.overflow > 0) this.overflow -= 1;
            else if (this.stack[this.stack.length - 1] === c) this.stack.pop();
            else {
              const k = this.stack.lastIndexOf(c);
              if (k !== -1) {
                this.fail(`has a "${String.fromCharCode(c)}" where "${String.fromCharCode(this.stack[this.stack.length - 1]!)}" was expected`);
                this.stack.length = k;
              } else if (c === CLOSE_BRACKET && this.inArray) {
                // Nothing inside the record matches: this `]` closes the array.
                this.fail(`is not closed: the array ends on line ${this.line}`);
                out.push(this.finish(chunk, seg, i));
                seg = -1;
                this.inArray = false;
                i += 1;
                break;
              } else {
                this.fail(`has an unexpected "${String.fromCharCode(c)}"`);
              }
            }
            if (this.stack.length === 0 && this.overflow === 0 && !this.inArray) {
              out.push(this.finish(chunk, seg, i + 1));
              seg = -1;
            }
            i += 1;
            break;
          }
          if (c === CLOSE_BRACKET && this.inArray) {
            if (this.inElement) out.push(this.finish(chunk, seg, i));
            else if (this.afterComma) out.push(jsonError(this.line, 'a comma before "]": an element is missing'));
            seg = -1;
            this.inArray = false;
            this.prev = c;
            i += 1;
            break;
          }
          if (!this.inElement) {
            seg = this.start(i, c);
            if (this.toEol) break;
          }
          this.fail(`has an unexpected "${String.fromCharCode(c)}"`);
          this.prev = c;
          i += 1;
          break;
        }
        case COMMA:
          if (this.inArray && this.stack.length === 0 && this.overflow === 0) {
            if (this.inElement) out.push(this.finish(chunk, seg, i));
            else out.push(jsonError(this.line, 'an empty element: a comma after "[" or after another comma'));
            seg = -1;
            this.afterComma = true;
            this.prev = c;
            i += 1;
            break;
          }
          if (!this.inElement) {
            seg = this.start(i, c);
            if (this.toEol) break;
          }
          this.prev = c;
          i += 1;
          break;
        default:
          if (!this.inElement) {
            seg = this.start(i, c);
            if (this.toEol) break;
          }
          this.prev = c === COLON ? COLON : 0;
          i += 1;
      }
    }
    if (this.inElement && seg !== -1) this.keep(chunk, seg, n);
    return out;
  }

  end(): ReaderItem[] {
    const out: ReaderItem[] = [];
    if (this.inElement) {
      const open = this.inString || this.stack.length > 0 || this.overflow > 0;
      if (this.inString) this.fail('is not closed: the input ends inside a string');
      else if (open) this.fail('is not closed before the end of the input');
      out.push(this.finish('', 0, 0));
      if (this.inArray && !open) out.push(jsonError(this.line, 'the input ends before the array is closed with "]"'));
    } else if (this.inArray) {
      out.push(jsonError(this.line, 'the input ends before the array is closed with "]"'));
    }
    this.inArray = false;
    return out;
  }

  /** Starts a record at `i`; returns where its text starts. */
  private start(i: number, c: number): number {
    this.inElement = true;
    this.toEol = !this.inArray && c !== OPEN_BRACE;
    this.elementLine = this.line;
    this.parts = [];
    this.length = 0;
    this.problem = undefined;
    this.stack.length = 0;
    this.overflow = 0;
    this.afterComma = false;
    return i;
  }

  private fail(message: string): void {
    if (this.problem === undefined) this.problem = message;
  }

  private keep(chunk: string, from: number, to: number): void {
    if (to <= from) return;
    this.length += to - from;
    if (this.length <= this.maxLength) this.parts.push(chunk.slice(from, to));
    else {
      this.parts.length = 0;
      this.fail(`is longer than ${this.maxLength} characters`);
    }
  }

  /** Ends the current record at `end` in `chunk` (its text started at `seg`, or in earlier chunks). */
  private finish(chunk: string, seg: number, end: number): ReaderItem {
    if (seg !== -1) this.keep(chunk, seg, end);
    const line = this.elementLine;
    const problem = this.problem;
    const text = problem === undefined ? (this.parts.length === 1 ? this.parts[0]! : this.parts.join('')) : '';
    this.inElement = false;
    this.toEol = false;
    this.inString = false;
    this.escape = false;
    this.parts = [];
    this.length = 0;
    this.problem = undefined;
    this.stack.length = 0;
    this.overflow = 0;
    this.prev = 0;
    if (problem !== undefined) return jsonError(line, `the element starting on this line ${problem}`);
    return parse(text, line);
  }
}
