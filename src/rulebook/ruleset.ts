import type { z } from 'zod';
import { RuleSetError, type RuleSetIssue } from '../errors.js';
import { RuleSetFile } from '../schemas/rule.js';
import { EXPLANATION_FACTS, FACT_CATALOGS } from '../checks/catalogs.js';
import { validateCondition } from '../engine/conditions.js';
import { type DataPath, RULE_FILE_LIMITS, guardUntrusted, toJsonPointer } from '../engine/guard.js';
import { isAbsent, typeInWords } from '../engine/input.js';

/** A validated rule set: the contents of one rule file. */
export type RuleSet = RuleSetFile;

/** The outcome of {@link validateRuleSet}. */
export type RuleSetValidation =
  | { readonly valid: true; readonly ruleSet: RuleSet; readonly issues: readonly [] }
  | { readonly valid: false; readonly issues: readonly RuleSetIssue[] };

/** Keys of a rule that hold condition trees, per check; a dotted key is nested (`disclose.simplifyWhen`). */
const CONDITION_KEYS: Readonly<Record<string, readonly string[]>> = {
  eligibility: ['when', 'require'],
  retention: ['when', 'require'],
  deadline: ['when'],
  disclosure: ['when', 'disclose.simplifyWhen'],
};

/** The value at a dotted key of a rule, or `undefined` when any step is absent. */
function nestedValue(rule: object, keys: readonly string[]): { found: boolean; value?: unknown } {
  let v: unknown = rule;
  for (const k of keys) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, k)) return { found: false };
    v = (v as Record<string, unknown>)[k];
  }
  return { found: true, value: v };
}

const PLACEHOLDER_RE = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * Validates one rule file (parsed JSON or its text) without throwing. Rejects
 * malformed JSON, `__proto__` / `constructor` keys, excessive nesting or size,
 * unknown facts, operators and sources, ill-typed condition values, duplicate
 * rule ids, ids outside the file's source, malformed dates and citations.
 * Every issue names the file, a JSON pointer and says what is wrong.
 *
 * @example
 * const v = validateRuleSet(JSON.parse(text), { file: 'rules/agency-ops.json' })
 * if (!v.valid) for (const i of v.issues) console.error(`${i.file}#${i.pointer}: ${i.message}`)
 */
export function validateRuleSet(data: unknown, options: { file?: string } = {}): RuleSetValidation {
  const file = options.file ?? '(rule set)';
  const issues: RuleSetIssue[] = [];
  const add = (path: DataPath, message: string) => issues.push({ file, pointer: toJsonPointer(path), message });

  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch (e) {
      add([], `is not valid JSON (${(e as Error).message})`);
      return { valid: false, issues };
    }
  }
  for (const g of guardUntrusted(data, RULE_FILE_LIMITS)) add(g.path, g.message);
  if (issues.length) return { valid: false, issues };

  // Conditions first: their own validator knows the facts of each check and says precisely what is wrong.
  const conditionRoots: string[] = [];
  const rules = (data as { rules?: unknown }).rules;
  if (Array.isArray(rules)) {
    rules.forEach((rule, i) => {
      if (rule === null || typeof rule !== 'object') return;
      const check = (rule as { check?: unknown }).check;
      const catalog = typeof check === 'string' ? FACT_CATALOGS[check as keyof typeof FACT_CATALOGS] : undefined;
      if (!catalog) return; // the schema reports the unknown check
      for (const key of CONDITION_KEYS[check as string] ?? []) {
        const keys = key.split('.');
        const at = nestedValue(rule, keys);
        if (!at.found) continue;
        const root = toJsonPointer(['rules', i, ...keys]);
        const found = validateCondition(at.value, catalog);
        if (found.length) conditionRoots.push(root);
        for (const c of found) add(['rules', i, ...keys, ...c.path], c.message);
      }
    });
  }

  // Duplicate ids are reported whatever else is wrong with the file.
  if (Array.isArray(rules)) {
    const seen = new Map<string, number>();
    rules.forEach((rule, i) => {
      const id = rule !== null && typeof rule === 'object' ? (rule as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first !== undefined) add(['rules', i, 'id'], `duplicate rule id "${id}" (first used at /rules/${first}/id)`);
      else seen.set(id, i);
    });
  }

  const parsed = RuleSetFile.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const pointer = toJsonPointer(issue.path as DataPath);
      if (conditionRoots.some((r) => pointer === r || pointer.startsWith(`${r}/`))) continue;
      issues.push({ file, pointer, message: plainZodMessage(issue) });
    }
    return { valid: false, issues };
  }
  if (issues.length) return { valid: false, issues };

  const ruleSet = parsed.data;
  ruleSet.rules.forEach((rule, i) => {
    if (!rule.id.startsWith(`${ruleSet.source}.`)) {
      add(['rules', i, 'id'], `rule id "${rule.id}" must start with the file's source "${ruleSet.source}."`);
    }
    if (rule.citation.source !== ruleSet.source) {
      add(['rules', i, 'citation', 'source'], `citation source "${rule.citation.source}" differs from the file's source "${ruleSet.source}"`);
    }
    const isArticle = rule.citation.section.startsWith('art. ');
    if (ruleSet.document.nature === 'manual' && isArticle) {
      add(['rules', i, 'citation', 'section'], 'a manual is cited by its own section number, e.g. "2.1", not "art. N"');
    } else if (ruleSet.document.nature !== 'manual' && !isArticle) {
      add(['rules', i, 'citation', 'section'], `a ${ruleSet.document.nature} is cited as "art. N" or "art. N(k)"`);
    }
    const catalog = FACT_CATALOGS[rule.check as keyof typeof FACT_CATALOGS];
    const explained = EXPLANATION_FACTS[rule.check];
    for (const lang of ['zh', 'en'] as const) {
      for (const m of rule.message[lang].matchAll(PLACEHOLDER_RE)) {
        const known =
          (catalog !== undefined && Object.prototype.hasOwnProperty.call(catalog, m[1]!)) ||
          (explained !== undefined && Object.prototype.hasOwnProperty.call(explained, m[1]!));
        if (!known) {
          add(['rules', i, 'message', lang], `placeholder {${m[1]}} names no fact of the ${rule.check} check`);
        }
      }
    }
  });
  return issues.length ? { valid: false, issues } : { valid: true, ruleSet, issues: [] };
}

function plainZodMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type') {
    // A key the schema forbids outright (z.never) carries its own explanation.
    if (issue.expected === 'never') return issue.message;
    return isAbsent(issue) ? `is required (${typeInWords(issue.expected)})` : `must be ${typeInWords(issue.expected)}`;
  }
  if (issue.code === 'invalid_value' && isAbsent(issue)) return `is required: one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

/**
 * Validates one rule file and returns it, or throws a {@link RuleSetError}
 * listing every problem.
 *
 * @example const ruleSet = loadRuleSet(JSON.parse(fs.readFileSync(f, 'utf8')), { file: f })
 */
export function loadRuleSet(data: unknown, options: { file?: string } = {}): RuleSet {
  const result = validateRuleSet(data, options);
  if (!result.valid) throw new RuleSetError(result.issues);
  return result.ruleSet;
}
