import { version as libraryVersion } from '../../package.json';
import { RuleSetError, type RuleSetIssue } from '../errors.js';
import type { CheckName } from '../schemas/common.js';
import { type Rule, ruleRequire } from '../schemas/rule.js';
import type { RulebookRef } from '../schemas/result.js';
import { SHIPPED_RULE_SETS } from './shipped.js';
import { type Predicate, TRUE, compileCondition, conditionFacts } from '../engine/conditions.js';
import { type MessageRenderer, messageRenderer } from '../engine/messages.js';
import { type RuleSet, loadRuleSet } from './ruleset.js';
import { canonicalJson, sha256Hex } from './hash.js';


/** A rule compiled for evaluation. */
export interface CompiledRule {
  readonly rule: Rule;
  /** First and last day in force as YYYYMMDD numbers; `-Infinity` / `Infinity` when open. */
  readonly from: number;
  readonly to: number;
  readonly when: Predicate;
  /** The compiled `require` condition, for rules that have one (eligibility). */
  readonly require?: Predicate;
  /** Every fact the rule reads. */
  readonly facts: readonly string[];
  /** Renders the rule's message from the facts a finding shows. */
  readonly message: MessageRenderer;
}

/** A set of rule sets, validated and compiled once, ready for every check. */
export interface Rulebook extends RulebookRef {
  readonly ruleSets: readonly RuleSet[];
  readonly rules: readonly Rule[];
  /** Compiled rules per check, in rule-set then file order. */
  readonly compiled: Readonly<Record<CheckName, readonly CompiledRule[]>>;
}

export interface RulebookOptions {
  /** Rule sets to include: validated rule-set objects (or raw parsed JSON), or ids of shipped sources. Default: every shipped rule set. */
  readonly rulesets?: ReadonlyArray<RuleSet | string | unknown>;
  /** Rule ids or source ids to leave out. */
  readonly exclude?: readonly string[];
  /** Name for this rulebook, echoed in results. Default `custom`. */
  readonly id?: string;
  /** Version echoed in results. Default: the library version. */
  readonly version?: string;
}

const ALWAYS: Predicate = () => TRUE;

const dateNumber = (d: string | null, open: number): number => (d === null ? open : Number(d.replaceAll('-', '')));


function compileRule(rule: Rule): CompiledRule {
  const facts = rule.when ? conditionFacts(rule.when) : [];
  const require = ruleRequire(rule);
  if (require) conditionFacts(require, facts);
  return {
    rule,
    from: dateNumber(rule.effective.from, -Infinity),
    to: dateNumber(rule.effective.to, Infinity),
    when: rule.when ? compileCondition(rule.when) : ALWAYS,
    ...(require ? { require: compileCondition(require) } : {}),
    facts,
    message: messageRenderer(rule.message),
  };
}

/**
 * Builds a rulebook: validates the rule sets, rejects rule ids used twice,
 * drops what `exclude` names and compiles every rule once.
 *
 * @example
 * const rulebook = createRulebook({ rulesets: ['recording-2017', 'insurance-law-2015'] })
 * checkSalesEligibility(sale, { rulebook })
 */
export function createRulebook(options: RulebookOptions = {}): Rulebook {
  const issues: RuleSetIssue[] = [];
  const ruleSets: RuleSet[] = [];
  for (const [i, entry] of (options.rulesets ?? SHIPPED_RULE_SETS).entries()) {
    if (typeof entry === 'string') {
      const shipped = SHIPPED_RULE_SETS.find((r) => r.source === entry);
      if (!shipped) {
        issues.push({
          file: `rulesets[${i}]`,
          pointer: '',
          message: `no shipped rule set for source "${entry}"; shipped: ${SHIPPED_RULE_SETS.map((r) => r.source).join(', ')}`,
        });
      } else ruleSets.push(shipped);
    } else if (SHIPPED_RULE_SETS.includes(entry as RuleSet)) {
      ruleSets.push(entry as RuleSet);
    } else {
      try {
        ruleSets.push(loadRuleSet(entry, { file: `rulesets[${i}]` }));
      } catch (e) {
        if (e instanceof RuleSetError) issues.push(...e.issues);
        else throw e;
      }
    }
  }
  const exclude = new Set(options.exclude ?? []);
  const seen = new Map<string, string>();
  const rules: Rule[] = [];
  for (const set of ruleSets) {
    set.rules.forEach((rule, i) => {
      const where = `${set.source} /rules/${i}`;
      const first = seen.get(rule.id);
      if (first) {
        issues.push({ file: set.source, pointer: `/rules/${i}/id`, message: `rule id "${rule.id}" is already used (${first})` });
        return;
      }
      seen.set(rule.id, where);
      if (!exclude.has(rule.id) && !exclude.has(set.source)) rules.push(rule);
    });
  }
  for (const name of exclude) {
    if (!seen.has(name) && !ruleSets.some((s) => s.source === name)) {
      issues.push({ file: 'exclude', pointer: '', message: `"${name}" names no rule or source in this rulebook` });
    }
  }
  if (issues.length) throw new RuleSetError(issues);

  const compiled: Record<CheckName, CompiledRule[]> = { eligibility: [], disclosure: [], deadline: [], retention: [] };
  for (const rule of rules) compiled[rule.check].push(compileRule(rule));
  const hash = sha256Hex(canonicalJson({ ruleSets: ruleSets.map((s) => ({ ...s, rules: undefined, $schema: undefined })), rules }));
  return {
    id: options.id ?? 'custom',
    version: options.version ?? libraryVersion,
    hash,
    ruleSets,
    rules,
    compiled,
  };
}

/** Every shipped rule set, validated and compiled. */
export const defaultRulebook: Rulebook = /* @__PURE__ */ createRulebook({ id: 'default' });

/** The id, version and hash a result echoes. */
export function rulebookRef(rulebook: Rulebook): RulebookRef {
  return { id: rulebook.id, version: rulebook.version, hash: rulebook.hash };
}
