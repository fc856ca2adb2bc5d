/**
 * How a CSV row becomes a check's input, derived from the check's own zod
 * input schema so there is one source of truth: every field that is not an
 * object is a column named by its dotted path (`applicant.birthDate`,
 * `product.riskLevel`, `salesperson.licensed`), and the schema says how a
 * cell converts — numbers, booleans, lists of values, JSON arrays of objects,
 * text for everything else. Cells are trimmed and an empty cell means the
 * field is absent. A cell that does not convert is passed on as text, so the
 * check's own validation names the field and says what it must be.
 *
 * `icr check <check> --columns` prints the columns of a check; docs/screening.md
 * holds the same tables.
 */
import type { z } from 'zod';
import type { InputIssue } from '../errors.js';
import { CivilDate, Instant } from '../schemas/common.js';
import { ArchiveRecord, EventDate } from '../schemas/record.js';
import { Sale } from '../schemas/sale.js';
import { ServiceCase } from '../schemas/service-case.js';

/** What a cell holds, as the docs name it. */
export type CellType = 'text' | 'enum' | 'instant' | 'date' | 'date-or-instant' | 'integer' | 'number' | 'boolean' | 'list' | 'json';

type Converted = { value: unknown } | { issue: InputIssue };

/** One column: the field it fills and how its cell converts. */
export interface CsvColumn {
  /** The dotted path of the field, which is also the column's name. */
  readonly name: string;
  readonly path: readonly string[];
  readonly type: CellType;
  /** The values an enum (or a list of enum values) takes; for a number that may also be a word, the word. */
  readonly values?: readonly string[];
  /** Numbers: the smallest and largest values the schema allows, where it says. */
  readonly min?: number;
  readonly max?: number;
  /** For a JSON column: the fields of each object in the array (`?` marks optional ones). */
  readonly fields?: readonly string[];
  /** Must every header name it? (The field is required in every record.) */
  readonly required: boolean;
  /** What else the cell may hold (e.g. retention's compact `disputes`). */
  readonly note?: string;
  convert(text: string): Converted;
}

/** How one check's CSV rows become its inputs. */
export interface CsvMapping {
  readonly check: string;
  /** Every column name the header may use, aliases included. */
  readonly columns: readonly string[];
  /** Columns every header must name. */
  readonly required: readonly string[];
  /** Each field's column, in schema order. */
  readonly fields: readonly CsvColumn[];
  /** Older column names kept working, and the field each fills. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Checks a header row; returns a row builder, or the header's problems. */
  compile(header: readonly string[]): { build(cells: readonly string[]): { input: Record<string, unknown> } | { issues: InputIssue[] } } | { problems: string[] };
  /** Builds one input from cells keyed by column (a convenience over {@link CsvMapping.compile}). */
  toInput(cells: ReadonlyMap<string, string>): { input: Record<string, unknown> } | { issues: InputIssue[] };
}

// ---- cell conversion -------------------------------------------------------

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** `true`/`yes`/`y`/`1` and `false`/`no`/`n`/`0` (any case) as booleans; anything else as given. */
const booleanCell = (text: string): Converted => {
  const t = text.toLowerCase();
  return { value: TRUE_WORDS.has(t) ? true : FALSE_WORDS.has(t) ? false : text };
};

/** A decimal number as a number; anything else (e.g. `whole-life`) as given. */
const numberCell = (text: string): Converted => ({ value: NUMBER.test(text) ? Number(text) : text });

const textCell = (text: string): Converted => ({ value: text });

const jsonCell =
  (name: string) =>
  (text: string): Converted => {
    try {
      return { value: JSON.parse(text) };
    } catch (e) {
      return { issue: { path: name, message: `is not valid JSON (${(e as Error).message})` } };
    }
  };

/** A list: values separated by `;`, or a JSON array (`[]` for an empty list). */
const listCell = (name: string) => {
  const json = jsonCell(name);
  return (text: string): Converted =>
    text.startsWith('[')
      ? json(text)
      : {
          value: text
            .split(';')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        };
};

/**
 * Retention's `disputes`: a JSON array (`[{"openedAt":"…","resolvedAt":"…"}]`),
 * or `openedAt/resolvedAt` pairs separated by `;`, where a dispute still open
 * has no `/resolvedAt` (e.g. `2023-05-01/2024-11-20;2025-03-01`).
 */
function disputesCell(text: string): Converted {
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

// ---- reading the schema ------------------------------------------------------

interface Def {
  type: string;
  innerType?: ZodLike;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  options?: ZodLike[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: { check: string; format?: string; value?: number; inclusive?: boolean } } }>;
}
interface ZodLike {
  _zod: { def: Def };
}

const defOf = (s: unknown): Def => (s as ZodLike)._zod.def;

/** Strips optional, default and nullable; says whether the field may be left out. */
function unwrap(schema: ZodLike): { schema: ZodLike; optional: boolean } {
  let s = schema;
  let optional = false;
  for (;;) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'default') optional = true;
    else if (d.type !== 'nullable') return { schema: s, optional };
    s = d.innerType!;
  }
}

const isInteger = (d: Def) => (d.checks ?? []).some((c) => c._zod.def.check === 'number_format' && c._zod.def.format === 'safeint');

/** A number's bounds, when its schema states them as whole numbers (an exclusive bound only for integers). */
function bounds(d: Def): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  const integer = isInteger(d);
  for (const c of d.checks ?? []) {
    const { check, value, inclusive } = c._zod.def;
    if (value === undefined || !Number.isInteger(value) || (!inclusive && !integer)) continue;
    if (check === 'greater_than') out.min = inclusive ? value : value + 1;
    if (check === 'less_than') out.max = inclusive ? value : value - 1;
  }
  return out;
}

interface Scalar {
  type: CellType;
  values?: string[];
  min?: number;
  max?: number;
}

/** A scalar's cell type and values, or `undefined` when the schema is not a scalar. */
function scalar(schema: ZodLike): Scalar | undefined {
  const s = unwrap(schema).schema;
  const d = defOf(s);
  switch (d.type) {
    case 'string':
      if ((s as unknown) === Instant) return { type: 'instant' };
      if ((s as unknown) === CivilDate) return { type: 'date' };
      if ((s as unknown) === EventDate) return { type: 'date-or-instant' };
      return { type: 'text' };
    case 'enum':
      return { type: 'enum', values: Object.values(d.entries!).map(String) };
    case 'literal':
      return { type: 'enum', values: d.values!.map(String) };
    case 'number':
      return { type: isInteger(d) ? 'integer' : 'number', ...bounds(d) };
    case 'boolean':
      return { type: 'boolean' };
    case 'union': {
      const parts = d.options!.map(scalar);
      if (parts.some((p) => p === undefined)) return undefined;
      const num = parts.find((p) => p!.type === 'integer' || p!.type === 'number');
      const words = parts.flatMap((p) => (p!.type === 'enum' ? p!.values! : []));
      if (num && words.length + 1 === parts.length) return { ...num, values: words };
      throw new TypeError(`CSV columns: unsupported union of ${parts.map((p) => p!.type).join(', ')}`);
    }
    default:
      return undefined;
  }
}

/** The fields of an array's objects, for the docs: `step`, `at`, `method?`… */
function objectFields(schema: ZodLike): string[] | undefined {
  const d = defOf(unwrap(schema).schema);
  if (d.type !== 'object') return undefined;
  return Object.entries(d.shape!).map(([k, v]) => (unwrap(v).optional ? `${k}?` : k));
}

interface Override {
  convert(text: string): Converted;
  note: string;
}

function columnsOf(schema: ZodLike, overrides: Readonly<Record<string, Override>>): CsvColumn[] {
  const out: CsvColumn[] = [];
  const walk = (s: ZodLike, path: string[], required: boolean) => {
    const { schema: inner, optional } = unwrap(s);
    const d = defOf(inner);
    const req = required && !optional;
    if (d.type === 'object') {
      for (const [key, child] of Object.entries(d.shape!)) walk(child, [...path, key], req);
      return;
    }
    const name = path.join('.');
    const override = overrides[name];
    if (d.type === 'array') {
      const element = scalar(d.element!);
      if (element) {
        out.push({ name, path, type: 'list', ...(element.values ? { values: element.values } : {}), required: req, convert: override?.convert ?? listCell(name), ...(override ? { note: override.note } : {}) });
      } else {
        const fields = objectFields(d.element!);
        out.push({ name, path, type: 'json', ...(fields ? { fields } : {}), required: req, convert: override?.convert ?? jsonCell(name), ...(override ? { note: override.note } : {}) });
      }
      return;
    }
    const leaf = scalar(inner);
    if (!leaf) throw new TypeError(`CSV columns: the field ${name} has an unsupported schema (${d.type})`);
    const convert = override?.convert ?? (leaf.type === 'integer' || leaf.type === 'number' ? numberCell : leaf.type === 'boolean' ? booleanCell : textCell);
    out.push({ ...leaf, name, path, required: req, convert, ...(override ? { note: override.note } : {}) });
  };
  walk(schema, [], true);
  return out;
}

/** Normalises a column name for "did you mean": letters and digits only, lower case. */
const loose = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function makeMapping(check: string, schema: z.ZodType, overrides: Readonly<Record<string, Override>> = {}, aliasList: Readonly<Record<string, string>> = {}): CsvMapping {
  const fields = columnsOf(schema as unknown as ZodLike, overrides);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const aliases = new Map(Object.entries(aliasList));
  for (const [alias, target] of aliases) if (!byName.has(target)) throw new TypeError(`CSV alias ${alias} names no field (${target})`);
  const columns = [...fields.map((f) => f.name), ...aliases.keys()];
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const looseNames = new Map(columns.map((c) => [loose(c), c]));

  const mapping: CsvMapping = {
    check,
    columns,
    required,
    fields,
    aliases,
    compile(header) {
      const problems: string[] = [];
      const seen = new Set<string>();
      const filledBy = new Map<string, string>();
      const plan: Array<CsvColumn | undefined> = [];
      for (const name of header) {
        const field = byName.get(aliases.get(name) ?? name);
        if (!field) {
          const guess = looseNames.get(loose(name));
          const shown = name.length > 60 ? `${name.slice(0, 57)}…` : name;
          problems.push(
            `unknown column "${shown}" (${guess ? `did you mean "${guess}"? ` : ''}\`icr check ${check === 'deadline' ? 'deadlines' : check} --columns\` lists the columns)`,
          );
        } else if (seen.has(name)) problems.push(`column "${name}" appears twice`);
        else if (filledBy.has(field.name)) problems.push(`columns "${filledBy.get(field.name)}" and "${name}" both give ${field.name}`);
        else filledBy.set(field.name, name);
        seen.add(name);
        plan.push(field);
      }
      for (const name of required) if (!filledBy.has(name)) problems.push(`the required column "${name}" is missing`);
      if (problems.length) return { problems };
      return {
        build(cells) {
          const input: Record<string, unknown> = {};
          let issues: InputIssue[] | undefined;
          for (let i = 0; i < plan.length; i++) {
            const text = cells[i];
            if (text === undefined || text === '') continue;
            const field = plan[i]!;
            const converted = field.convert(text);
            if ('issue' in converted) {
              (issues ??= []).push(converted.issue);
              continue;
            }
            const path = field.path;
            let target = input;
            for (let k = 0; k < path.length - 1; k++) {
              const key = path[k]!;
              let next = target[key] as Record<string, unknown> | undefined;
              if (next === undefined) target[key] = next = {};
              target = next;
            }
            target[path[path.length - 1]!] = converted.value;
          }
          return issues ? { issues } : { input };
        },
      };
    },
    toInput(cells) {
      const compiled = mapping.compile([...cells.keys()]);
      if ('problems' in compiled) return { issues: compiled.problems.map((message) => ({ path: '(header)', message })) };
      return compiled.build([...cells.values()]);
    },
  };
  return mapping;
}

/** The retention columns: the record's fields, plus the names the first CSV format used. */
export const RETENTION_CSV: CsvMapping = makeMapping(
  'retention',
  ArchiveRecord,
  {
    disputes: {
      convert: disputesCell,
      note: 'or `openedAt/resolvedAt` pairs separated by `;`, an open dispute without `/resolvedAt` (`2023-05-01/2024-11-20;2025-03-01`)',
    },
  },
  { appraisalApprovedAt: 'appraisal.approvedAt' },
);

/** The checks' CSV columns, by rule `check` name. Eligibility and disclosure both read a `Sale`. */
export const CSV_MAPPINGS: Readonly<Record<string, CsvMapping>> = {
  eligibility: makeMapping('eligibility', Sale),
  disclosure: makeMapping('disclosure', Sale),
  deadline: makeMapping('deadline', ServiceCase),
  retention: RETENTION_CSV,
};

/** Checks a header row against a mapping; returns the problems (unknown, repeated or missing columns). */
export function headerProblems(header: readonly string[], mapping: CsvMapping): string[] {
  const compiled = mapping.compile(header);
  return 'problems' in compiled ? compiled.problems : [];
}

// ---- documentation -------------------------------------------------------------

const code = (s: string) => `\`${s}\``;
const TYPE_TEXT: Record<CellType, string> = {
  text: 'text',
  enum: 'one of',
  instant: 'an instant with an offset',
  date: 'a date `YYYY-MM-DD`',
  'date-or-instant': 'a date `YYYY-MM-DD` or an instant with an offset',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
  list: 'a list',
  json: 'a JSON array',
};

function numberText(c: CsvColumn): string {
  let text = TYPE_TEXT[c.type];
  const small = (n: number | undefined) => n !== undefined && Math.abs(n) <= 1_000_000;
  if (small(c.min) && small(c.max)) text += ` ${c.min}–${c.max}`;
  else if (small(c.min)) text += ` ≥ ${c.min}`;
  return c.values?.length ? `${text}, or ${c.values.map(code).join(', ')}` : text;
}

/** What a column's cell holds, in words (one table cell of docs/screening.md). */
export function describeCell(c: CsvColumn): string {
  let text: string;
  if (c.type === 'enum') text = `one of ${c.values!.map(code).join(', ')}`;
  else if (c.type === 'integer' || c.type === 'number') text = numberText(c);
  else if (c.type === 'list') text = c.values ? `a list of ${c.values.map(code).join(', ')}` : 'a list of text';
  else if (c.type === 'json' && c.fields) text = `a JSON array of ${code(`{ ${c.fields.join(', ')} }`)}`;
  else text = TYPE_TEXT[c.type];
  return c.note ? `${text}, ${c.note}` : text;
}

/** The columns of a check as a Markdown table (docs/screening.md; `icr check <check> --columns`). */
export function csvColumnsMarkdown(mapping: CsvMapping): string {
  const rows = mapping.fields.map((c) => `| ${code(c.name)}${c.required ? ' **(required)**' : ''} | ${describeCell(c).replaceAll('|', '\\|')} |`);
  const aliasRows = [...mapping.aliases].map(([alias, target]) => `| ${code(alias)} | the same as ${code(target)} (kept from the first CSV format) |`);
  return ['| column | cell |', '|---|---|', ...rows, ...aliasRows].join('\n') + '\n';
}
