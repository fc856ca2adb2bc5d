/**
 * The deadline rule sets: every clock SPEC §8 lists is encoded from its own
 * source, and rule files with a malformed clock are refused with a pointer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRulebook, validateRuleSet, type DeadlineRule } from '../src/index.js';

const deadlineRules = defaultRulebook.rules.filter((r): r is DeadlineRule => r.check === 'deadline');
const find = (source: string, section: string) => deadlineRules.filter((r) => r.citation.source === source && r.citation.section === section);
const clockOf = (r: DeadlineRule) => `${r.clock.length} ${r.clock.unit}`;

describe('SPEC §8 deadline inventory', () => {
  // [source, section, the lengths the source sets there]
  const inventory: Array<[string, string, string[]]> = [
    ['mkt-service-2025', '3.2', ['24 hours', '10 workingDays']],
    ['mkt-service-2025', '3.3', ['2 workingDays', '7 workingDays']],
    ['mkt-service-2025', '6.2', ['24 hours']],
    ['mkt-service-2025', '6.4', ['24 hours', '72 hours']],
    ['agency-ops', '3.3', ['48 hours']],
    ['agency-ops', '5.1', ['24 hours', '48 hours']],
    ['agency-ops', '5.3', ['24 hours', '48 hours']],
    ['mkt-cs-guide', '2.3(1)', ['24 hours', '5 workingDays', '10 workingDays']],
    ['mkt-cs-guide', '3.1.2', ['10 workingDays', '30 workingDays']],
    ['mkt-cs-guide', '3.4.2', ['24 hours', '72 hours', '10 workingDays']],
    ['mkt-cs-guide', '4.1(1)', ['24 hours', '48 hours']],
    ['mkt-cs-guide', '4.3(1)', ['24 hours']],
    ['insurance-law-2015', 'art. 23', ['30 calendarDays', '10 calendarDays']],
    ['insurance-law-2015', 'art. 24', ['3 calendarDays']],
    ['insurance-law-2015', 'art. 25', ['60 calendarDays']],
    ['insurance-law-2015', 'art. 47', ['30 calendarDays']],
    ['life-service-2010', 'art. 10', ['5 workingDays']],
    ['life-service-2010', 'art. 11', ['5 workingDays', '15 workingDays']],
    ['life-service-2010', 'art. 19', ['2 workingDays', '5 workingDays']],
    ['life-service-2010', 'art. 20', ['5 workingDays', '5 workingDays']],
    ['life-service-2010', 'art. 23', ['5 workingDays', '30 calendarDays']],
    ['complaints-2020', 'art. 18', ['15 calendarDays', '30 calendarDays', '30 calendarDays']],
    ['complaints-2020', 'art. 20', ['30 calendarDays']],
    ['sales-conduct-2023', 'art. 36', ['30 calendarDays', '30 calendarDays']],
  ];
  for (const [source, section, lengths] of inventory) {
    it(`${source} ${section}: ${lengths.join(', ')}`, () => {
      expect(find(source, section).map(clockOf).sort()).toEqual([...lengths].sort());
    });
  }
  it('complaints-2020 art. 18 adds 30 more days on approval, restarts on new facts and excludes appraisal and mediation', () => {
    const special = deadlineRules.find((r) => r.id === 'complaints-2020.art18.special')!;
    expect(special.clock.extension).toEqual({ event: 'extension-approved', length: 30 });
    for (const r of find('complaints-2020', 'art. 18')) {
      expect(r.clock.restartOn).toBe('new-facts');
      expect(r.clock.excludePauses?.map((p) => p.reason)).toEqual(['external-appraisal', 'mediation']);
    }
  });
  it('rolls calendar-day periods forward for the Insurance Law only (civil-code art. 203), never for working days or hours', () => {
    for (const r of deadlineRules) {
      expect(r.clock.rollForward === true, r.id).toBe(r.citation.source === 'insurance-law-2015');
    }
  });
  it('gives every deadline rule a note explaining how the source was read, and dates the regulations', () => {
    for (const r of deadlineRules) {
      expect(r.note?.length ?? 0, r.id).toBeGreaterThan(40);
      const manual = ['mkt-service-2025', 'agency-ops', 'mkt-cs-guide'].includes(r.citation.source);
      expect(r.effective.from === null, r.id).toBe(manual);
    }
  });
  it('encodes the manual\'s example (§4.3) as a warning that never changes a verdict', () => {
    expect(deadlineRules.filter((r) => r.severity === 'warning').map((r) => r.id)).toEqual(['mkt-cs-guide.deadline.complaint-solution-example']);
  });
});

describe('deadline rule files are validated', () => {
  const file = () => JSON.parse(readFileSync(new URL('../rules/complaints-2020.json', import.meta.url), 'utf8'));
  const issueAt = (data: unknown, pointer: string) => {
    const v = validateRuleSet(data, { file: 'rules/x.json' });
    expect(v.valid).toBe(false);
    const found = v.issues.find((i) => i.pointer === pointer);
    expect(found, JSON.stringify(v.issues)).toBeDefined();
    return found!.message;
  };
  it('refuses an unknown event, unit or pause reason in a clock', () => {
    const a = file();
    a.rules[0].clock.stop = ['answered'];
    expect(issueAt(a, '/rules/0/clock/stop/0')).toMatch(/acknowledged/);
    const b = file();
    b.rules[0].clock.unit = 'businessDays';
    expect(issueAt(b, '/rules/0/clock/unit')).toMatch(/workingDays/);
    const c = file();
    c.rules[0].clock.excludePauses[0].reason = 'holiday';
    expect(issueAt(c, '/rules/0/clock/excludePauses/0/reason')).toMatch(/mediation/);
  });
  it('refuses roll-forward on a clock that is not counted in calendar days', () => {
    const a = file();
    a.rules[0].clock.unit = 'workingDays';
    a.rules[0].clock.rollForward = true;
    expect(issueAt(a, '/rules/0/clock/rollForward')).toMatch(/calendar-day clocks only/);
  });
  it('refuses a condition on a fact the deadline check does not derive', () => {
    const a = file();
    a.rules[0].when.all[1].fact = 'complexty';
    expect(issueAt(a, '/rules/0/when/all/1/fact')).toMatch(/unknown fact "complexty".*did you mean "complexity"/);
  });
  it('refuses a clock length that is not a positive whole number', () => {
    const a = file();
    a.rules[0].clock.length = 0;
    expect(issueAt(a, '/rules/0/clock/length')).toBeTruthy();
    a.rules[0].clock.length = 1.5;
    expect(issueAt(a, '/rules/0/clock/length')).toBeTruthy();
  });
});
