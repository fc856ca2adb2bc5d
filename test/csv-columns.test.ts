/** The CSV columns of every check, derived from its input schema: what a row becomes, and which headers are refused. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/cli/csv.js';
import { CSV_MAPPINGS, csvColumnsMarkdown, headerProblems, type CsvMapping } from '../src/cli/csv-records.js';
import { saleArb } from './support/arbitraries.js';
import { compliantSale } from './support/sales.js';

const root = new URL('..', import.meta.url).pathname;
const sale = CSV_MAPPINGS.eligibility!;
const serviceCase = CSV_MAPPINGS.deadline!;
const retention = CSV_MAPPINGS.retention!;

/** Cells for a record: one per field that is not an object, arrays as JSON, keyed by dotted path. */
function flatten(value: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const name = prefix + k;
    if (Array.isArray(v)) out[name] = JSON.stringify(v);
    else if (v !== null && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, `${name}.`));
    else out[name] = String(v);
  }
  return out;
}
/** The record as a CSV row carries it: text trimmed (empty text is absent), no undefined keys, no empty objects. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return JSON.parse(JSON.stringify(value));
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const n = normalise(v);
    if (n === undefined || (n !== null && typeof n === 'object' && !Array.isArray(n) && Object.keys(n).length === 0)) continue;
    out[k] = n;
  }
  return out;
}
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Writes records as CSV text with the given header and reads it back through the mapping. */
function roundTrip(mapping: CsvMapping, records: Array<Record<string, unknown>>) {
  const rows = records.map((r) => flatten(r));
  const header = [...new Set([...mapping.required, ...rows.flatMap((r) => Object.keys(r))])];
  const text = [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((cells) => cells.map(quote).join(',')).join('\r\n');
  const [head, ...body] = parseCsv(text);
  const compiled = mapping.compile(head!.fields);
  if ('problems' in compiled) throw new Error(compiled.problems.join('; '));
  return body.map((r) => compiled.build(r.fields.map((f) => f.trim())));
}

describe('columns from the input schema', () => {
  it('name every field that is not an object by its dotted path, and require the fields every input must have', () => {
    expect(sale.columns).toEqual(expect.arrayContaining(['applicant.birthDate', 'applicant.riskTolerance.level', 'product.riskLevel', 'salesperson.licensed', 'steps', 'disclosures', 'verification', 'declarations']));
    expect(sale.required).toEqual(['id', 'signedAt', 'channel', 'applicant.kind', 'insured.kind', 'product.code', 'product.line', 'product.kind']);
    expect(serviceCase.columns).toEqual(expect.arrayContaining(['events', 'pauses', 'receivedAt', 'major']));
    expect(serviceCase.required).toEqual(['id', 'kind', 'receivedAt']);
    expect(CSV_MAPPINGS.disclosure!.columns).toEqual(sale.columns);
    // The first retention CSV format's columns still work.
    expect(headerProblems(['id', 'kind', 'policyTermMonths', 'contractTerminatedAt', 'relationshipEndedAt', 'transactionAt', 'legalHold', 'appraisalApprovedAt', 'disputes'], retention)).toEqual([]);
  });

  it('turn a row of a sale back into the same sale, for generated sales', () => {
    fc.assert(
      fc.property(fc.array(saleArb, { minLength: 1, maxLength: 3 }), (sales) => {
        const built = roundTrip(sale, sales as unknown as Array<Record<string, unknown>>);
        expect(built).toEqual(sales.map((s) => ({ input: normalise(s) })));
      }),
      { numRuns: 200 },
    );
  });

  it('turn rows of service cases and records back into the same inputs', () => {
    const cases = [
      { id: 'C-1', kind: 'complaint', receivedAt: '2025-10-01T09:00:00+08:00', complexity: 'complex', major: true, group: false, policyTermMonths: 'whole-life', events: [{ type: 'acknowledged', at: '2025-10-01T10:00:00+08:00', note: 'said "hi", and {more}' }], pauses: [{ from: '2025-10-02T09:00:00+08:00', to: '2025-10-03T09:00:00+08:00', reason: 'mediation' }] },
      { id: 'C-2', kind: 'claim', receivedAt: '2025-10-01T09:00:00Z', policyTermMonths: 120, productLine: 'health' },
    ];
    expect(roundTrip(serviceCase, cases)).toEqual(cases.map((c) => ({ input: c })));
    const records = [{ id: 'R-1', kind: 'policy-file', policyTermMonths: 13, legalHold: false, appraisal: { approvedAt: '2025-01-01' }, disputes: [{ openedAt: '2024-01-01', resolvedAt: null }] }];
    expect(roundTrip(retention, records)).toEqual([{ input: records[0] }]);
  });
});

describe('cells', () => {
  const build = (mapping: CsvMapping, cells: Record<string, string>) => {
    const compiled = mapping.compile(Object.keys(cells));
    if ('problems' in compiled) throw new Error(compiled.problems.join('; '));
    return compiled.build(Object.values(cells));
  };
  const required = { id: 'S-1', signedAt: '2026-03-02T10:00:00+08:00', channel: 'agent', 'applicant.kind': 'person', 'insured.kind': 'person', 'product.code': 'P', 'product.line': 'life', 'product.kind': 'term-life' };

  it('convert by the field type: numbers, booleans, lists, JSON arrays; an empty cell leaves the field out', () => {
    expect(
      build(sale, {
        ...required,
        'applicant.riskTolerance.level': '3',
        'applicant.annualHouseholdIncome': '300000.50',
        'product.termMonths': 'whole-life',
        'product.deathBenefit': 'Yes',
        'recording.audioVideo': 'n',
        'salesperson.authorizedScope': 'life; health ;',
        suitabilityConcerns: '[]',
        specialCareMeasures: '',
        steps: '[{"step":"signature","at":"2026-03-02T10:00:00+08:00"}]',
      }),
    ).toEqual({
      input: {
        id: 'S-1',
        signedAt: '2026-03-02T10:00:00+08:00',
        channel: 'agent',
        applicant: { kind: 'person', riskTolerance: { level: 3 }, annualHouseholdIncome: 300000.5 },
        insured: { kind: 'person' },
        product: { code: 'P', line: 'life', kind: 'term-life', termMonths: 'whole-life', deathBenefit: true },
        recording: { audioVideo: false },
        salesperson: { authorizedScope: ['life', 'health'] },
        suitabilityConcerns: [],
        steps: [{ step: 'signature', at: '2026-03-02T10:00:00+08:00' }],
      },
    });
  });

  it('pass a value that does not convert on as text, for validation to name; a broken JSON cell is an issue on its column', () => {
    expect(build(sale, { ...required, 'product.riskLevel': 'high', 'product.group': 'maybe', sumInsured: '1,000,000' })).toMatchObject({
      input: { product: { riskLevel: 'high', group: 'maybe' }, sumInsured: '1,000,000' },
    });
    expect(build(sale, { ...required, steps: '[{"step":"signature",' })).toEqual({ issues: [{ path: 'steps', message: expect.stringMatching(/^is not valid JSON/) }] });
    expect(build(serviceCase, { id: 'C', kind: 'inquiry', receivedAt: '2025-10-01T09:00:00+08:00', events: 'acknowledged' })).toEqual({
      issues: [{ path: 'events', message: expect.stringMatching(/^is not valid JSON/) }],
    });
  });
});

describe('headers', () => {
  it('refuse unknown columns, naming the column and suggesting the one meant', () => {
    expect(headerProblems(['id', 'applicant_birthDate', 'Product.RiskLevel', 'colour'], sale)).toEqual([
      'unknown column "applicant_birthDate" (did you mean "applicant.birthDate"? `icr check eligibility --columns` lists the columns)',
      'unknown column "Product.RiskLevel" (did you mean "product.riskLevel"? `icr check eligibility --columns` lists the columns)',
      'unknown column "colour" (`icr check eligibility --columns` lists the columns)',
      'the required column "signedAt" is missing',
      'the required column "channel" is missing',
      'the required column "applicant.kind" is missing',
      'the required column "insured.kind" is missing',
      'the required column "product.code" is missing',
      'the required column "product.line" is missing',
      'the required column "product.kind" is missing',
    ]);
    // An object is not a column: its fields are.
    expect(headerProblems(['id', 'kind', 'receivedAt', 'events.type'], serviceCase)).toEqual([expect.stringContaining('unknown column "events.type"')]);
    expect(headerProblems(['id', 'kind', 'appraisal'], retention)).toEqual([expect.stringContaining('unknown column "appraisal"')]);
  });

  it('refuse two columns for one field, an old name and its new one included', () => {
    expect(headerProblems(['id', 'kind', 'appraisalApprovedAt', 'appraisal.approvedAt'], retention)).toEqual(['columns "appraisalApprovedAt" and "appraisal.approvedAt" both give appraisal.approvedAt']);
  });
});

describe('docs/screening.md', () => {
  const doc = readFileSync(`${root}docs/screening.md`, 'utf8');
  const section = (name: string) => new RegExp(`<!-- columns:${name} -->\\n([\\s\\S]*?)<!-- /columns -->`).exec(doc)?.[1];
  it('lists exactly the columns the code reads (regenerate with npm run docs)', () => {
    expect(section('sale')).toBe(csvColumnsMarkdown(sale));
    expect(csvColumnsMarkdown(CSV_MAPPINGS.disclosure!)).toBe(csvColumnsMarkdown(sale));
    expect(section('service-case')).toBe(csvColumnsMarkdown(serviceCase));
    expect(section('record')).toBe(csvColumnsMarkdown(retention));
  });
});
