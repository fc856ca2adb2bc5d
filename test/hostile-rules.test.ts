/**
 * Hostile rule files for every check's rule body — a deadline's `clock`, a
 * disclosure rule's `disclose` and `order`, a retention rule's `period` and
 * `require` — and for the conditions each carries (`when`,
 * `disclose.simplifyWhen`, retention `require`): refused by validateRuleSet,
 * loadRuleSet and createRulebook, and by `icr validate` with exit 2, each
 * with the file, the JSON pointer and a plain sentence; never compiled,
 * never executed. (test/ruleset.test.ts covers the same for eligibility
 * rules and the file-level fields.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RuleSetError, createRulebook, loadRuleSet, validateRuleSet } from '../src/index.js';

const root = new URL('..', import.meta.url).pathname;
const shipped = (source: string) => JSON.parse(readFileSync(join(root, 'rules', `${source}.json`), 'utf8'));

/** The shipped rules each case corrupts, found by id so the cases survive reordering. */
const BASES = {
  /** complaints-2020 art. 18, particularly complex: a clock with pauses, a restart and an extension. */
  clock: { source: 'complaints-2020', id: 'complaints-2020.art18.special' },
  /** sales-conduct-2023 art. 25 prompts: items with a simplification condition. */
  items: { source: 'sales-conduct-2023', id: 'sales-conduct-2023.art25.prompts' },
  /** sales-conduct-2023 art. 29: items with an acknowledgement. */
  acknowledged: { source: 'sales-conduct-2023', id: 'sales-conduct-2023.art29.applicant-confirms' },
  /** agency-ops §3.2: sales steps in order. */
  order: { source: 'agency-ops', id: 'agency-ops.sales-process-order.stages' },
  /** agency-ops §7.2: an archive kept five years. */
  period: { source: 'agency-ops', id: 'agency-ops.retention.archive' },
  /** agency-ops §7.1: destruction only after an appraisal and with no dispute open. */
  disposal: { source: 'agency-ops', id: 'agency-ops.disposal.appraisal' },
} as const;
type Base = keyof typeof BASES;

interface Loaded {
  readonly file: Record<string, unknown> & { rules: Array<Record<string, any>> };
  readonly rule: Record<string, any>;
  /** The rule's index in the file. */
  readonly i: number;
}
function load(base: Base): Loaded {
  const file = shipped(BASES[base].source);
  const i = (file.rules as Array<{ id: string }>).findIndex((r) => r.id === BASES[base].id);
  expect(i, BASES[base].id).toBeGreaterThanOrEqual(0);
  return { file, rule: file.rules[i], i };
}

/**
 * A condition nested 10,000 levels deep in `not`s. It stays a marker until
 * the file is written: JSON.stringify itself would overflow the stack on it,
 * so {@link build} splices its text in.
 */
class Deep {
  constructor(readonly leaf: unknown) {}
  toJSON() {
    return DEEP_MARK;
  }
  text() {
    return `${'{"not":'.repeat(DEPTH)}${JSON.stringify(this.leaf)}${'}'.repeat(DEPTH)}`;
  }
}
const DEPTH = 10_000;
const DEEP_MARK = '\u0000deep\u0000';
const deep = (leaf: unknown) => new Deep(leaf);
/** Sets an own `__proto__` key, as JSON.parse does for `{"__proto__": …}`. */
const ownProto = (o: object) => Object.defineProperty(o, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });

interface Case {
  readonly name: string;
  readonly base: Base;
  /** Corrupts the file; `l.rule` is the base rule and `l.i` its index. */
  readonly mutate: (l: Loaded) => void;
  /** The pointer below `/rules/<i>`; `copy` for a duplicated rule, reported at the copy's id. */
  readonly at: string | RegExp | 'copy';
  readonly says: RegExp;
}

const CASES: Case[] = [
  // ——— deadline: clock ———
  { name: 'an unknown stop event', base: 'clock', mutate: ({ rule }) => (rule.clock.stop[0] = 'answered'), at: '/clock/stop/0', says: /expected one of "acknowledged"/ },
  { name: 'an unknown start event', base: 'clock', mutate: ({ rule }) => (rule.clock.start = { event: 'lunch' }), at: '/clock/start', says: /must be "receivedAt", "documentsComplete" or \{ "event"/ },
  { name: 'an unknown start keyword', base: 'clock', mutate: ({ rule }) => (rule.clock.start = 'whenever'), at: '/clock/start', says: /must be "receivedAt"/ },
  { name: 'an unknown restart event', base: 'clock', mutate: ({ rule }) => (rule.clock.restartOn = 'full-moon'), at: '/clock/restartOn', says: /expected one of "acknowledged"/ },
  { name: 'an unknown extension event', base: 'clock', mutate: ({ rule }) => (rule.clock.extension.event = 'bribe'), at: '/clock/extension/event', says: /expected one of/ },
  { name: 'an unknown pause reason', base: 'clock', mutate: ({ rule }) => (rule.clock.excludePauses[0].reason = 'holiday'), at: '/clock/excludePauses/0/reason', says: /expected one of "external-appraisal"/ },
  { name: 'an unknown unit', base: 'clock', mutate: ({ rule }) => (rule.clock.unit = 'fortnights'), at: '/clock/unit', says: /expected one of "hours"\|"calendarDays"\|"workingDays"/ },
  { name: 'a negative length', base: 'clock', mutate: ({ rule }) => (rule.clock.length = -5), at: '/clock/length', says: />0/ },
  { name: 'a zero length', base: 'clock', mutate: ({ rule }) => (rule.clock.length = 0), at: '/clock/length', says: />0/ },
  { name: 'an absurd length', base: 'clock', mutate: ({ rule }) => (rule.clock.length = 1e9), at: '/clock/length', says: /<=3660/ },
  { name: 'a fractional length', base: 'clock', mutate: ({ rule }) => (rule.clock.length = 2.5), at: '/clock/length', says: /^must be a whole number$/ },
  { name: 'a length as text', base: 'clock', mutate: ({ rule }) => (rule.clock.length = '30'), at: '/clock/length', says: /^must be a number$/ },
  { name: 'a missing length', base: 'clock', mutate: ({ rule }) => delete rule.clock.length, at: '/clock/length', says: /^is required \(a number\)$/ },
  { name: 'a negative extension', base: 'clock', mutate: ({ rule }) => (rule.clock.extension.length = -30), at: '/clock/extension/length', says: />0/ },
  { name: 'roll-forward on working days', base: 'clock', mutate: ({ rule }) => Object.assign(rule.clock, { unit: 'workingDays', rollForward: true }), at: '/clock/rollForward', says: /calendar-day clocks only/ },
  { name: 'an unknown clock key', base: 'clock', mutate: ({ rule }) => (rule.clock.operator = 'gt'), at: '/clock', says: /unknown key "operator"/ },
  { name: 'a __proto__ key in the clock', base: 'clock', mutate: ({ rule }) => ownProto(rule.clock), at: '/clock/__proto__', says: /the key "__proto__" is not allowed/ },
  { name: 'a constructor key in the clock', base: 'clock', mutate: ({ rule }) => (rule.clock.constructor = { prototype: {} }), at: '/clock/constructor', says: /the key "constructor" is not allowed/ },
  { name: 'an unknown operator in when', base: 'clock', mutate: ({ rule }) => (rule.when.all[0].operator = 'matches'), at: '/when/all/0/operator', says: /unknown operator "matches"; use one of equal/ },
  { name: 'a path into __proto__ in when', base: 'clock', mutate: ({ rule }) => (rule.when.all[0].path = '$.__proto__.polluted'), at: '/when/all/0/path', says: /may not go through "__proto__"/ },
  { name: 'a 10,000-deep when', base: 'clock', mutate: ({ rule }) => (rule.when = deep(rule.when)), at: /^\/when(\/not)+$/, says: /nested deeper than 48 levels/ },
  { name: 'another check\'s fact in when', base: 'clock', mutate: ({ rule }) => (rule.when.all[0].fact = 'applicantAge'), at: '/when/all/0/fact', says: /unknown fact "applicantAge"/ },
  { name: 'a fact value outside its values', base: 'clock', mutate: ({ rule }) => (rule.when.all[0].value = 'gossip'), at: '/when/all/0/value', says: /not a value fact "kind" can take/ },
  { name: 'a duplicate deadline rule id', base: 'clock', mutate: ({ file, rule }) => file.rules.push(structuredClone(rule)), at: 'copy', says: /duplicate rule id "complaints-2020\.art18\.special" \(first used at \/rules\/\d+\/id\)/ },
  // ——— disclosure: disclose ———
  { name: 'an unknown item', base: 'items', mutate: ({ rule }) => (rule.disclose.items[0] = 'horoscope'), at: '/disclose/items/0', says: /expected one of "insurance-contract-nature"/ },
  { name: 'an item listed twice', base: 'items', mutate: ({ rule }) => rule.disclose.items.push(rule.disclose.items[0]), at: '/disclose/items', says: /lists an entry twice/ },
  { name: 'an absurdly long item list', base: 'items', mutate: ({ rule }) => (rule.disclose.items = Array.from({ length: 101 }, () => 'premium')), at: '/disclose/items', says: /<=100 items/ },
  { name: 'an empty item list', base: 'items', mutate: ({ rule }) => (rule.disclose.items = []), at: '/disclose/items', says: />=1 items/ },
  { name: 'an unknown deadline', base: 'items', mutate: ({ rule }) => (rule.disclose.deadline = 'payment'), at: '/disclose/deadline', says: /expected one of "application"\|"signature"/ },
  { name: 'an unknown confirmer', base: 'acknowledged', mutate: ({ rule }) => (rule.disclose.acknowledgement.by = ['robot']), at: '/disclose/acknowledgement/by/0', says: /expected one of "applicant"/ },
  { name: 'an unknown acknowledgement form', base: 'acknowledged', mutate: ({ rule }) => (rule.disclose.acknowledgement.forms = ['telepathy']), at: '/disclose/acknowledgement/forms/0', says: /expected one of "signature"/ },
  { name: 'an unknown operator in simplifyWhen', base: 'items', mutate: ({ rule }) => (rule.disclose.simplifyWhen.all[0].operator = 'matches'), at: '/disclose/simplifyWhen/all/0/operator', says: /unknown operator "matches"/ },
  { name: 'a path into constructor in simplifyWhen', base: 'items', mutate: ({ rule }) => (rule.disclose.simplifyWhen.all[0].path = '$.constructor.prototype'), at: '/disclose/simplifyWhen/all/0/path', says: /may not go through "constructor"/ },
  { name: 'a 10,000-deep simplifyWhen', base: 'items', mutate: ({ rule }) => (rule.disclose.simplifyWhen = deep(rule.disclose.simplifyWhen)), at: /^\/disclose\/simplifyWhen(\/not)+$/, says: /nested deeper than 48 levels/ },
  { name: 'an eligibility fact in simplifyWhen', base: 'items', mutate: ({ rule }) => (rule.disclose.simplifyWhen.all[0].fact = 'applicantAge'), at: '/disclose/simplifyWhen/all/0/fact', says: /unknown fact "applicantAge"/ },
  { name: 'a require condition on a disclosure rule', base: 'items', mutate: ({ rule }) => (rule.require = { fact: 'channel', operator: 'equal', value: 'agent' }), at: '/require', says: /has no "require": its requirement is "disclose" or "order"/ },
  { name: 'both disclose and order', base: 'items', mutate: ({ rule }) => (rule.order = { stages: [{ steps: ['recommendation'], ifMissing: 'fail' }, { steps: ['signature'], ifMissing: 'fail' }] }), at: '/order', says: /exactly one of "disclose" .* or "order"/ },
  { name: 'a duplicate disclosure rule id', base: 'items', mutate: ({ file, rule }) => file.rules.push(structuredClone(rule)), at: 'copy', says: /duplicate rule id "sales-conduct-2023\.art25\.prompts"/ },
  // ——— disclosure: order ———
  { name: 'an unknown step', base: 'order', mutate: ({ rule }) => (rule.order.stages[0].steps[0] = 'teleport'), at: '/order/stages/0/steps/0', says: /expected one of "first-contact"/ },
  { name: 'an unknown verification', base: 'order', mutate: ({ rule }) => (rule.order.stages[0].steps[0] = 'verification:dna'), at: '/order/stages/0/steps/0', says: /expected one of/ },
  { name: 'a step listed twice in a stage', base: 'order', mutate: ({ rule }) => rule.order.stages[0].steps.push(rule.order.stages[0].steps[0]), at: '/order/stages/0/steps', says: /lists an entry twice/ },
  { name: 'an unknown ifMissing', base: 'order', mutate: ({ rule }) => (rule.order.stages[0].ifMissing = 'ignore'), at: '/order/stages/0/ifMissing', says: /expected one of "fail"\|"indeterminate"\|"skip"/ },
  { name: 'a single stage', base: 'order', mutate: ({ rule }) => (rule.order.stages = [rule.order.stages[0]]), at: '/order/stages', says: />=2 items/ },
  { name: 'an absurd number of stages', base: 'order', mutate: ({ rule }) => (rule.order.stages = Array.from({ length: 21 }, () => rule.order.stages[0])), at: '/order/stages', says: /<=20 items/ },
  { name: 'an unknown operator in an order rule\'s when', base: 'order', mutate: ({ rule }) => (rule.when = { fact: 'channel', operator: 'regex', value: '.*' }), at: '/when/operator', says: /unknown operator "regex"/ },
  { name: 'a 10,000-deep when on an order rule', base: 'order', mutate: ({ rule }) => (rule.when = deep(rule.when)), at: /^\/when(\/not)+$/, says: /nested deeper than 48 levels/ },
  // ——— retention: period ———
  { name: 'a negative period', base: 'period', mutate: ({ rule }) => (rule.period.years = -5), at: '/period/years', says: />=1/ },
  { name: 'a zero period', base: 'period', mutate: ({ rule }) => (rule.period.years = 0), at: '/period/years', says: />=1/ },
  { name: 'an absurd period', base: 'period', mutate: ({ rule }) => (rule.period.years = 1000), at: '/period/years', says: /<=100/ },
  { name: 'a fractional period', base: 'period', mutate: ({ rule }) => (rule.period.years = 2.5), at: '/period/years', says: /^must be a whole number$/ },
  { name: 'a period of a million years', base: 'period', mutate: ({ rule }) => (rule.period.years = 1_000_000), at: '/period/years', says: /<=100/ },
  { name: 'an unknown trigger', base: 'period', mutate: ({ rule }) => (rule.period.trigger = 'birth'), at: '/period/trigger', says: /expected one of "contractTerminatedAt"/ },
  { name: 'neither period nor require', base: 'period', mutate: ({ rule }) => delete rule.period, at: '', says: /needs a "period", a "require" condition on disposal, or both/ },
  { name: 'a path into __proto__ in a retention when', base: 'period', mutate: ({ rule }) => Object.assign(rule.when, { path: '$.__proto__' }), at: '/when/path', says: /may not go through "__proto__"/ },
  { name: 'a duplicate retention rule id', base: 'period', mutate: ({ file, rule }) => file.rules.push(structuredClone(rule)), at: 'copy', says: /duplicate rule id "agency-ops\.retention\.archive"/ },
  // ——— retention: require ———
  { name: 'an unknown operator in require', base: 'disposal', mutate: ({ rule }) => (rule.require.all[0].operator = 'matches'), at: '/require/all/0/operator', says: /unknown operator "matches"/ },
  { name: 'a path into __proto__ in require', base: 'disposal', mutate: ({ rule }) => (rule.require.all[0].path = '$.__proto__'), at: '/require/all/0/path', says: /may not go through "__proto__"/ },
  { name: 'a 10,000-deep require', base: 'disposal', mutate: ({ rule }) => (rule.require = deep(rule.require)), at: /^\/require(\/not)+$/, says: /nested deeper than 48 levels/ },
  { name: 'a misspelt fact in require', base: 'disposal', mutate: ({ rule }) => (rule.require.all[0].fact = 'appraisalAproved'), at: '/require/all/0/fact', says: /did you mean "appraisalApproved"/ },
  { name: '__proto__ as a fact value', base: 'disposal', mutate: ({ rule }) => (rule.require.all[0].value = { fact: '__proto__' }), at: '/require/all/0/value/fact', says: /unknown fact "__proto__"/ },
  { name: 'a __proto__ key in require', base: 'disposal', mutate: ({ rule }) => ownProto(rule.require), at: '/require/__proto__', says: /the key "__proto__" is not allowed/ },
];

/** Applies a case; returns the JSON text (what a rule author saves) and the full pointer expected. */
function build(c: Case): { text: string; pointer: string | RegExp } {
  const l = load(c.base);
  c.mutate(l);
  const prefix = `/rules/${l.i}`;
  const pointer =
    c.at === 'copy'
      ? `/rules/${l.file.rules.length - 1}/id`
    : typeof c.at === 'string'
      ? `${prefix}${c.at}`
      : new RegExp(`^${prefix}${c.at.source.slice(1)}`);
  let text = JSON.stringify(l.file);
  const nested = findDeep(l.file);
  if (nested) text = text.replace(JSON.stringify(DEEP_MARK), nested.text());
  return { text, pointer };
}
function findDeep(v: unknown): Deep | undefined {
  if (v instanceof Deep) return v;
  if (v === null || typeof v !== 'object') return undefined;
  for (const x of Object.values(v)) {
    const d = findDeep(x);
    if (d) return d;
  }
  return undefined;
}
const matches = (pointer: string | RegExp, p: string) => (typeof pointer === 'string' ? p === pointer : pointer.test(p));

describe('validateRuleSet refuses hostile rule bodies with a pointer and a plain sentence', () => {
  it('accepts every base file unchanged', () => {
    for (const b of Object.keys(BASES) as Base[]) expect(validateRuleSet(load(b).file).issues).toEqual([]);
  });
  for (const c of CASES) {
    it(`${c.base}: ${c.name}`, () => {
      const { text, pointer } = build(c);
      for (const data of [JSON.parse(text), text]) {
        const v = validateRuleSet(data, { file: 'rules/hostile.json' });
        expect(v.valid).toBe(false);
        const hit = v.issues.find((i) => matches(pointer, i.pointer));
        expect(hit, `no issue at ${String(pointer)}: ${JSON.stringify(v.issues.slice(0, 3))}`).toBeDefined();
        expect(hit!.file).toBe('rules/hostile.json');
        expect(hit!.message).toMatch(c.says);
        for (const i of v.issues) expect(i.message, i.pointer).toMatch(/^(?!Invalid input$).{6,}/);
      }
      // Nothing compiles it either.
      expect(() => loadRuleSet(JSON.parse(text))).toThrow(RuleSetError);
      expect(() => createRulebook({ rulesets: [JSON.parse(text)] })).toThrow(RuleSetError);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('icr validate refuses them too', () => {
  const cli = join(root, 'dist', 'cli.js');
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });

  it('exits 2 and prints file#pointer: message for every hostile file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icr-hostile-rules-'));
    const files = CASES.map((c, n) => {
      const { text, pointer } = build(c);
      const name = `case-${String(n).padStart(2, '0')}.json`;
      writeFileSync(join(dir, name), text);
      return { name, pointer, c };
    });
    const r = spawnSync(process.execPath, [cli, 'validate', ...files.map((f) => f.name)], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    for (const { name, pointer, c } of files) {
      const mine = lines.filter((l) => l.startsWith(`${name}#`));
      const hit = mine.find((l) => matches(pointer, l.slice(name.length + 1, l.indexOf(': '))));
      expect(hit, `${c.base}: ${c.name} — ${mine.slice(0, 2).join(' | ')}`).toBeDefined();
      expect(hit!.slice(hit!.indexOf(': ') + 2)).toMatch(c.says);
    }
    expect(r.stdout).toMatch(new RegExp(`${files.length} rule file\\(s\\) checked: \\d+ problem\\(s\\) in ${files.length} file\\(s\\)`));
  });

  it('exits 2 on the same rule id in two otherwise valid files, naming the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icr-dup-rules-'));
    const text = readFileSync(join(root, 'rules', 'complaints-2020.json'), 'utf8');
    writeFileSync(join(dir, 'a.json'), text);
    writeFileSync(join(dir, 'b.json'), text);
    const r = spawnSync(process.execPath, [cli, 'validate', 'a.json', 'b.json'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('b.json#/rules/0/id: rule id "complaints-2020.art18.simple" is already used in a.json');
  });
});
