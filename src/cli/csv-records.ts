/**
 * How a CSV row becomes a check's input. The header row names the columns;
 * each check that accepts CSV documents its columns here. Cells are trimmed
 * and an empty cell means the field is absent. Values that do not convert
 * are passed on as text, so the check's own validation names the field.
 */
import type { InputIssue } from '../errors.js';

/** Turns one CSV row into an input object, or says why it cannot. */
export interface CsvMapping {
  /** Every column the header may name. */
  readonly columns: readonly string[];
  /** Columns the header must name. */
  readonly required: readonly string[];
  /** Builds the input from the row's cells, keyed by column. */
  toInput(cells: ReadonlyMap<string, string>): { input: Record<string, unknown> } | { issues: InputIssue[] };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** `true`/`yes`/`y`/`1` and `false`/`no`/`n`/`0` (any case) as booleans; anything else as given. */
function booleanCell(text: string): unknown {
  const t = text.toLowerCase();
  return TRUE_WORDS.has(t) ? true : FALSE_WORDS.has(t) ? false : text;
}

/** Digits as a number; anything else as given. */
function integerCell(text: string): unknown {
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}

/**
 * A `disputes` cell: a JSON array (`[{"openedAt":"…","resolvedAt":"…"}]`), or
 * `openedAt/resolvedAt` pairs separated by `;`, where a dispute still open
 * has no `/resolvedAt` (e.g. `2023-05-01/2024-11-20;2025-03-01`).
 */
function disputesCell(text: string): { value: unknown } | { issue: InputIssue } {
  if (text.startsWith('[')) {
    try {
      return { value: JSON.parse(text) };
    } catch (e) {
      return { issue: { path: 'disputes', message: `is not a valid JSON array (${(e as Error).message})` } };
    }
  }
  const disputes: Array<Record<string, string>> = [];
  for (const item of text.split(';')) {
    const part = item.trim();
    if (part === '') continue;
    const [openedAt, resolvedAt, extra] = part.split('/').map((s) => s.trim());
    if (extra !== undefined) {
      return { issue: { path: `disputes[${disputes.length}]`, message: `"${part}" must be openedAt or openedAt/resolvedAt` } };
    }
    disputes.push(resolvedAt ? { openedAt: openedAt!, resolvedAt } : { openedAt: openedAt! });
  }
  return { value: disputes };
}

/**
 * The retention check's columns, each a field of the record (see
 * docs/retention.md): `id`, `kind`, `policyTermMonths` (a number or
 * `whole-life`), `contractTerminatedAt`, `relationshipEndedAt`,
 * `transactionAt`, `legalHold` (true/false, yes/no, 1/0),
 * `appraisalApprovedAt` (→ `appraisal.approvedAt`) and `disputes`.
 */
export const RETENTION_CSV: CsvMapping = {
  columns: [
    'id',
    'kind',
    'policyTermMonths',
    'contractTerminatedAt',
    'relationshipEndedAt',
    'transactionAt',
    'legalHold',
    'appraisalApprovedAt',
    'disputes',
  ],
  required: ['id', 'kind'],
  toInput(cells) {
    const input: Record<string, unknown> = {};
    for (const [column, text] of cells) {
      if (text === '') continue;
      switch (column) {
        case 'policyTermMonths':
          input.policyTermMonths = integerCell(text);
          break;
        case 'legalHold':
          input.legalHold = booleanCell(text);
          break;
        case 'appraisalApprovedAt':
          input.appraisal = { approvedAt: text };
          break;
        case 'disputes': {
          const parsed = disputesCell(text);
          if ('issue' in parsed) return { issues: [parsed.issue] };
          input.disputes = parsed.value;
          break;
        }
        default:
          input[column] = text;
      }
    }
    return { input };
  },
};

/** The checks that accept CSV, by rule `check` name. */
export const CSV_MAPPINGS: Readonly<Partial<Record<string, CsvMapping>>> = {
  retention: RETENTION_CSV,
};

/** Checks a header row against a mapping; returns the problems (unknown, repeated or missing columns). */
export function headerProblems(header: readonly string[], mapping: CsvMapping): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (!mapping.columns.includes(name)) {
      problems.push(`unknown column "${name}" (columns: ${mapping.columns.join(', ')})`);
    } else if (seen.has(name)) problems.push(`column "${name}" appears twice`);
    seen.add(name);
  }
  for (const name of mapping.required) if (!seen.has(name)) problems.push(`the required column "${name}" is missing`);
  return problems;
}
