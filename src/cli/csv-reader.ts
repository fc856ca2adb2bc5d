/**
 * CSV input to `icr check`: the RFC 4180 reader of `csv.ts` and a check's
 * column mapping (`csv-records.ts`). The first record is the header; every
 * later row becomes a record or an error line with its line number.
 */
import type { InputIssue } from '../errors.js';
import { CsvParser, type CsvRecord } from './csv.js';
import type { CsvMapping } from './csv-records.js';
import { MAX_RECORD_LENGTH, type ReaderItem, type RecordReader } from './records.js';

/** The header row cannot be used: the run stops before any record is read. */
export class CsvHeaderError extends Error {}

export class CsvRecordReader implements RecordReader {
  private readonly parser: CsvParser;
  private header: string[] | undefined;
  private build: ((cells: readonly string[]) => { input: Record<string, unknown> } | { issues: InputIssue[] }) | undefined;
  private idIndex = -1;

  constructor(private readonly mapping: CsvMapping) {
    this.parser = new CsvParser({ maxRecordLength: MAX_RECORD_LENGTH });
  }

  /** Whether the header row was read. */
  get sawHeader(): boolean {
    return this.header !== undefined;
  }

  push(chunk: string): ReaderItem[] {
    return this.rows(this.parser.push(chunk));
  }

  end(): ReaderItem[] {
    return this.rows(this.parser.end());
  }

  private rows(records: CsvRecord[]): ReaderItem[] {
    const out: ReaderItem[] = [];
    for (const row of records) {
      if (!this.header) {
        if (row.error) throw new CsvHeaderError(`line ${row.line}: the header row is not valid CSV: ${row.error}`);
        this.header = row.fields.map((f) => f.trim());
        const compiled = this.mapping.compile(this.header);
        if ('problems' in compiled) throw new CsvHeaderError(compiled.problems.join('; '));
        this.build = compiled.build;
        this.idIndex = this.header.indexOf('id');
        continue;
      }
      const cells = row.fields.map((f) => f.trim());
      if (!row.error && cells.every((c) => c === '')) continue;
      const idCell = this.idIndex === -1 ? undefined : cells[this.idIndex];
      const id = idCell && idCell.length <= 200 && !/[\r\n]/.test(idCell) ? idCell : null;
      if (row.error || cells.length !== this.header.length) {
        const message = row.error ?? `has ${cells.length} field${cells.length === 1 ? '' : 's'}, the header has ${this.header.length}`;
        out.push({ line: row.line, id, error: 'invalid-csv', issues: [{ path: '(row)', message }] });
        continue;
      }
      const built = this.build!(cells);
      if ('issues' in built) out.push({ line: row.line, id, error: 'invalid-record', issues: built.issues });
      else out.push({ line: row.line, input: built.input });
    }
    return out;
  }
}
