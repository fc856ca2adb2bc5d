/**
 * What the `icr check` readers hand on: a record to screen, or an error line
 * for a piece of input that could not become a record. Readers are
 * incremental — `push` text as it arrives, `end` once — and never throw on
 * malformed input.
 */
import type { InputIssue } from '../errors.js';

/** Why a piece of input produced no verdict. */
export type ErrorKind = 'invalid-json' | 'invalid-csv' | 'invalid-record' | 'internal-error';

/** An output line for input that could not be judged: where it starts, its id if known, and what is wrong. */
export interface ErrorLine {
  line: number;
  id: string | null;
  error: ErrorKind;
  issues: InputIssue[];
}

/** A parsed record and the line it starts on. */
export interface RecordItem {
  line: number;
  input: unknown;
}

export type ReaderItem = RecordItem | ErrorLine;

/** An incremental reader of one input format. */
export interface RecordReader {
  /** Reads the next piece of text; returns the records and error lines it completed, in input order. */
  push(chunk: string): ReaderItem[];
  /** Ends the input; returns whatever the last piece of text completed. */
  end(): ReaderItem[];
}

/** Longest record (NDJSON line, JSON element, CSV row) read, in characters; a longer one becomes an error line. */
export const MAX_RECORD_LENGTH = 4_000_000;

export const jsonError = (line: number, message: string): ErrorLine => ({
  line,
  id: null,
  error: 'invalid-json',
  issues: [{ path: '(root)', message }],
});
