import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv, readCsv } from '../src/cli/csv.js';
import { RETENTION_CSV, headerProblems } from '../src/cli/csv-records.js';

const rows = (text: string) => parseCsv(text).map((r) => (r.error ? { line: r.line, error: r.error } : { line: r.line, fields: r.fields }));

describe('parseCsv (RFC 4180)', () => {
  it('splits fields and records, with CRLF, LF or a final line without a break', () => {
    expect(rows('a,b,c\r\n1,2,3\r\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
    expect(rows('a,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(rows('a,,\n,x,')).toEqual([
      { line: 1, fields: ['a', '', ''] },
      { line: 2, fields: ['', 'x', ''] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and counts the lines they span', () => {
    expect(rows('id,note\r\n"A,1","say ""hi""\r\nagain"\r\nB,plain\r\n')).toEqual([
      { line: 1, fields: ['id', 'note'] },
      { line: 2, fields: ['A,1', 'say "hi"\r\nagain'] },
      { line: 4, fields: ['B', 'plain'] },
    ]);
    expect(rows('""\n""""\n')).toEqual([
      { line: 1, fields: [''] },
      { line: 2, fields: ['"'] },
    ]);
  });

  it('skips blank lines but keeps their line numbers, and drops a byte-order mark', () => {
    expect(rows('\uFEFFid\n\n\r\nA\n')).toEqual([
      { line: 1, fields: ['id'] },
      { line: 4, fields: ['A'] },
    ]);
  });

  it('reports malformed records and goes on with the next one', () => {
    expect(rows('a"b,c\n"x"y,z\nok,1\n"open,2\n')).toEqual([
      { line: 1, error: 'a double quote inside an unquoted field (enclose the field in quotes and double the quote)' },
      { line: 2, error: 'text after a closing double quote (a quoted field must end at a comma or a line break)' },
      { line: 3, fields: ['ok', '1'] },
      { line: 4, error: 'a quoted field is not closed before the end of the input' },
    ]);
  });

  it('bounds what one record may hold', () => {
    const [big, next] = parseCsv(`"${'x'.repeat(50)}"\nA\n`, { maxRecordLength: 20 });
    expect(big!.error).toMatch(/longer than 20 characters/);
    expect(next).toEqual({ line: 2, fields: ['A'] });
    expect(parseCsv('a,b,c,d\n', { maxFields: 3 })[0]!.error).toMatch(/more than 3 fields/);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', ',', '"', '\n', '\r', '甲', '-'), maxLength: 6 });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    const quote = (s: string) => (/[",\r\n]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s);
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 8 }), (t, eol, cuts) => {
        const text = t.map((r) => r.map(quote).join(',')).join(eol) + eol;
        const whole = parseCsv(text);
        expect(whole.map((r) => r.fields)).toEqual(t);
        // Each record starts on the line after every line break before it, those inside quoted fields included.
        let prefix = '';
        t.forEach((r, i) => {
          expect(whole[i]!.line).toBe(1 + (prefix.match(/\r\n|\r|\n/g)?.length ?? 0));
          prefix += r.map(quote).join(',') + eol;
        });
        expect(whole.every((r) => r.error === undefined)).toBe(true);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const parser = new CsvParser();
        const pieces: ReturnType<CsvParser['push']> = [];
        let last = 0;
        for (const p of [...points, text.length]) {
          pieces.push(...parser.push(text.slice(last, p)));
          last = p;
        }
        pieces.push(...parser.end());
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts a CRLF split between two chunks inside a quoted field once', () => {
    const p = new CsvParser();
    const out = [...p.push('"a\r'), ...p.push('\nb"\r'), ...p.push('\nnext\r\n'), ...p.end()];
    expect(out).toEqual([
      { line: 1, fields: ['a\r\nb'] },
      { line: 3, fields: ['next'] },
    ]);
  });
});

describe('readCsv', () => {
  it('streams records from bytes, including a character split between chunks', async () => {
    const bytes = Buffer.from('id,名\r\nA,保险\r\n', 'utf8');
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 14), bytes.subarray(14)];
    const out = [];
    for await (const r of readCsv(Readable.from(chunks))) out.push(r);
    expect(out).toEqual([
      { line: 1, fields: ['id', '名'] },
      { line: 2, fields: ['A', '保险'] },
    ]);
  });
});

describe('the retention CSV columns', () => {
  const toInput = (cells: Record<string, string>) => RETENTION_CSV.toInput(new Map(Object.entries(cells)));

  it('maps cells to record fields, leaving out empty ones', () => {
    expect(
      toInput({
        id: 'R-1',
        kind: 'sales-recording',
        policyTermMonths: '13',
        contractTerminatedAt: '2020-02-29',
        relationshipEndedAt: '',
        legalHold: 'No',
        appraisalApprovedAt: '2025-01-01',
        disputes: '2023-05-01/2024-11-20; 2025-03-01T09:00:00+08:00',
      }),
    ).toEqual({
      input: {
        id: 'R-1',
        kind: 'sales-recording',
        policyTermMonths: 13,
        contractTerminatedAt: '2020-02-29',
        legalHold: false,
        appraisal: { approvedAt: '2025-01-01' },
        disputes: [{ openedAt: '2023-05-01', resolvedAt: '2024-11-20' }, { openedAt: '2025-03-01T09:00:00+08:00' }],
      },
    });
    expect(toInput({ id: 'W', kind: 'policy-file', policyTermMonths: 'whole-life', legalHold: 'YES' })).toEqual({
      input: { id: 'W', kind: 'policy-file', policyTermMonths: 'whole-life', legalHold: true },
    });
  });

  it('accepts disputes as JSON and passes unconvertible values on for validation to name', () => {
    expect(toInput({ id: 'J', kind: 'policy-file', disputes: '[{"openedAt":"2024-01-01","resolvedAt":null}]' })).toEqual({
      input: { id: 'J', kind: 'policy-file', disputes: [{ openedAt: '2024-01-01', resolvedAt: null }] },
    });
    expect(toInput({ id: 'B', kind: 'policy-file', policyTermMonths: 'ten', legalHold: 'maybe' })).toEqual({
      input: { id: 'B', kind: 'policy-file', policyTermMonths: 'ten', legalHold: 'maybe' },
    });
    expect(toInput({ id: 'B', kind: 'policy-file', disputes: '[oops' })).toMatchObject({ issues: [{ path: 'disputes' }] });
    expect(toInput({ id: 'B', kind: 'policy-file', disputes: '2024-01-01/2024-02-01/2024-03-01' })).toMatchObject({ issues: [{ path: 'disputes[0]' }] });
  });

  it('rejects unknown, repeated and missing columns', () => {
    expect(headerProblems(['id', 'kind', 'contractTerminatedAt'], RETENTION_CSV)).toEqual([]);
    expect(headerProblems(['id', 'legal_hold', 'id'], RETENTION_CSV)).toEqual([
      expect.stringContaining('unknown column "legal_hold"'),
      'column "id" appears twice',
      'the required column "kind" is missing',
    ]);
  });
});
