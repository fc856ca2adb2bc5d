/**
 * Rule files are untrusted data: every malformed or hostile file is refused
 * with the file, a JSON pointer and a plain sentence — never executed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleSetError, createRulebook, defaultRulebook, loadRuleSet, validateRuleSet } from '../src/index.js';

const health = () => JSON.parse(readFileSync(new URL('../rules/health-2019.json', import.meta.url), 'utf8'));

function problems(data: unknown) {
  const v = validateRuleSet(data, { file: 'rules/x.json' });
  expect(v.valid).toBe(false);
  return v.issues;
}
const at = (data: unknown, pointer: string) => {
  const found = problems(data).find((i) => i.pointer === pointer);
  expect(found, `no issue at ${pointer}: ${JSON.stringify(problems(data))}`).toBeDefined();
  expect(found!.file).toBe('rules/x.json');
  return found!.message;
};

describe('validateRuleSet', () => {
  it('accepts every shipped rule file', () => {
    for (const set of defaultRulebook.ruleSets) {
      const raw = JSON.parse(readFileSync(new URL(`../rules/${set.source}.json`, import.meta.url), 'utf8'));
      expect(validateRuleSet(raw).issues).toEqual([]);
    }
  });
  it('rejects an unknown operator and lists the known ones', () => {
    const f = health();
    f.rules[0].require.operator = 'matches';
    expect(at(f, '/rules/0/require/operator')).toMatch(/unknown operator "matches".*greaterThanInclusive/);
  });
  it('rejects an unknown fact and suggests the nearest', () => {
    const f = health();
    f.rules[0].require.fact = 'productCoolingOfDays';
    expect(at(f, '/rules/0/require/fact')).toMatch(/did you mean "productCoolingOffDays"/);
  });
  it('rejects a value of the wrong type or outside the fact\'s values', () => {
    const f = health();
    f.rules[0].require.value = '15';
    expect(at(f, '/rules/0/require/value')).toMatch(/finite number/);
    const g = health();
    g.rules[0].when.all[0].value = 'healthcare';
    expect(at(g, '/rules/0/when/all/0/value')).toMatch(/not a value fact "productLine" can take/);
  });
  it('rejects numeric operators on non-numeric facts', () => {
    const f = health();
    f.rules[0].require = { fact: 'productLine', operator: 'greaterThan', value: 3 };
    expect(at(f, '/rules/0/require/operator')).toMatch(/numeric fact/);
  });
  it('rejects an unknown source, a bad date and a misplaced citation style', () => {
    const f = health();
    f.source = 'made-up-2099';
    expect(at(f, '/source')).toBeTruthy();
    const g = health();
    g.rules[0].effective.from = '2019-02-30';
    expect(at(g, '/rules/0/effective/from')).toMatch(/not a date in the calendar/);
    const h = health();
    h.rules[0].citation.section = '3.1';
    expect(at(h, '/rules/0/citation/section')).toMatch(/art\. N/);
    const k = health();
    k.rules[0].effective = { from: '2020-01-01', to: '2019-01-01' };
    expect(at(k, '/rules/0/effective')).toMatch(/after/);
  });
  it('rejects a duplicate rule id and says where the first one is', () => {
    const f = health();
    f.rules.push(structuredClone(f.rules[0]));
    expect(at(f, '/rules/1/id')).toBe('duplicate rule id "health-2019.long-term-cooling-off" (first used at /rules/0/id)');
  });
  it('rejects an id outside the file\'s source and a citation of another source', () => {
    const f = health();
    f.rules[0].id = 'recording-2017.sneaky';
    expect(at(f, '/rules/0/id')).toMatch(/must start with the file's source/);
  });
  it('rejects __proto__ and constructor keys anywhere, and paths through them', () => {
    const text = JSON.stringify(health()).replace('"fact":"productCoolingOffDays"', '"__proto__":{"x":1},"fact":"productCoolingOffDays"');
    expect(at(JSON.parse(text), '/rules/0/require/__proto__')).toMatch(/not allowed/);
    const f = health();
    f.rules[0].constructor = 1;
    expect(at(f, '/rules/0/constructor')).toMatch(/not allowed/);
    const g = health();
    g.rules[0].require.path = '$.__proto__.polluted';
    expect(problems(g).some((i) => i.pointer === '/rules/0/require/path' && /may not go through "__proto__"/.test(i.message))).toBe(true);
  });
  it('refuses a 10,000-deep condition without overflowing the stack', () => {
    const f = health();
    let cond: unknown = { fact: 'productCoolingOffDays', operator: 'greaterThanInclusive', value: 15 };
    for (let i = 0; i < 10_000; i++) cond = { not: cond };
    f.rules[0].require = cond;
    const issues = problems(f);
    expect(issues[0]!.message).toMatch(/nested deeper than/);
    expect(issues[0]!.pointer.startsWith('/rules/0/require')).toBe(true);
  });
  it('rejects text that is not JSON, and unknown keys', () => {
    expect(problems('{ "source": ')[0]!.message).toMatch(/not valid JSON/);
    const f = health();
    f.rules[0].priority = 5;
    expect(at(f, '/rules/0')).toMatch(/unknown key "priority"/);
  });
  it('rejects message placeholders that name no fact', () => {
    const f = health();
    f.rules[0].message.en = 'Cooling-off of {coolingDays} days';
    expect(at(f, '/rules/0/message/en')).toMatch(/\{coolingDays\}/);
  });
  it('loadRuleSet throws a RuleSetError carrying the issues', () => {
    const f = health();
    f.rules[0].require.operator = 'nope';
    expect(() => loadRuleSet(f, { file: 'x.json' })).toThrow(RuleSetError);
    try {
      loadRuleSet(f, { file: 'x.json' });
    } catch (e) {
      expect((e as RuleSetError).issues[0]).toMatchObject({ file: 'x.json', pointer: '/rules/0/require/operator' });
    }
  });
});

describe('createRulebook', () => {
  it('rejects the same rule id in two rule sets', () => {
    const copy = health();
    copy.version = '9.9.9';
    expect(() => createRulebook({ rulesets: ['health-2019', copy] })).toThrow(/already used/);
  });
  it('drops excluded rules and sources, and refuses names it does not know', () => {
    const rb = createRulebook({ exclude: ['suitability-2025', 'health-2019.long-term-cooling-off'] });
    expect(rb.rules.some((r) => r.id.startsWith('suitability-2025') || r.id === 'health-2019.long-term-cooling-off')).toBe(false);
    expect(rb.rules.length).toBeGreaterThan(10);
    expect(() => createRulebook({ exclude: ['nothing.like.this'] })).toThrow(/names no rule or source/);
    expect(() => createRulebook({ rulesets: ['made-up'] })).toThrow(/no shipped rule set/);
  });
  it('fingerprints its content: the same rules hash the same, a change hashes differently', () => {
    expect(createRulebook().hash).toBe(defaultRulebook.hash);
    const changed = health();
    changed.rules[0].require.value = 10;
    const others = defaultRulebook.ruleSets.filter((s) => s.source !== 'health-2019');
    expect(createRulebook({ rulesets: [...others, changed] }).hash).not.toBe(defaultRulebook.hash);
  });
});
