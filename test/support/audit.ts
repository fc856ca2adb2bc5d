/**
 * Builds an audit report the way `icr report` does — the shipped fixtures
 * (when the repository has them) run through `runFixtures` — plus a few
 * fixtures of its own: one passing and one failing on a known rule, one whose
 * expectation is wrong on purpose, one unreadable file, and hostile text in a
 * rule and a fixture description.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRulebook, defaultRulebook } from '../../src/rulebook/rulebook.js';
import { type FixtureSource, runFixtures } from '../../src/fixtures/runner.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { compliantSale } from './sales.js';

export const root = new URL('../..', import.meta.url).pathname;
export const shippedFixturesDir = join(root, 'fixtures');

/** Markup that would run script if the report inserted text unescaped. */
export const HOSTILE = '</script><img src=x onerror=alert(1)>';

export const CONSENT_RULE = 'insurance-law-2015.art34.insured-consent';
export const HOSTILE_RULE = 'health-2019.long-term-cooling-off';

const spouse = (consent: boolean) =>
  compliantSale({
    id: consent ? 'RPT-CONSENT' : 'RPT-NO-CONSENT',
    insured: { kind: 'person', birthDate: '1984-05-05', civilCapacity: 'full', relationToApplicant: 'spouse', consentToDeathCover: consent },
  });

export const OWN_FIXTURES = {
  passing: {
    description: `Report test: a wife insures her husband's life and he consented in writing ${HOSTILE}`,
    check: 'eligibility',
    rulesets: ['insurance-law-2015'],
    input: spouse(true),
    expect: { verdict: 'pass', passed: [CONSENT_RULE] },
  },
  failing: {
    description: "Report test: a wife insures her husband's life without his consent to death cover",
    check: 'eligibility',
    rulesets: ['insurance-law-2015'],
    input: spouse(false),
    expect: { verdict: 'fail', violations: [CONSENT_RULE] },
  },
  wrong: {
    description: 'Report test: a fixture whose expectation is wrong on purpose (a consented sale expected to fail)',
    check: 'eligibility',
    rulesets: ['insurance-law-2015'],
    input: spouse(true),
    expect: { verdict: 'fail' },
  },
} as const;

/** Every `.json` file under a directory, sorted, as fixture sources named relative to the repository. */
function readFixtureDir(dir: string): FixtureSource[] {
  const out: FixtureSource[] = [];
  const walk = (p: string) => {
    for (const name of readdirSync(p).sort()) {
      const child = join(p, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (name.endsWith('.json')) out.push({ file: relative(root, child), data: JSON.parse(readFileSync(child, 'utf8')) });
    }
  };
  walk(dir);
  return out;
}

/** The shipped rulebook with hostile text in one rule's English title and note. */
export function hostileRulebook() {
  const sets = defaultRulebook.ruleSets.map((set) =>
    set.source !== 'health-2019'
      ? set
      : {
          ...set,
          rules: set.rules.map((r) =>
            r.id === HOSTILE_RULE ? { ...r, title: { ...r.title, en: `${r.title.en} ${HOSTILE}` }, note: `${r.note ?? ''} ${HOSTILE}` } : r,
          ),
        },
  );
  return createRulebook({ rulesets: sets, id: 'default' });
}

export function buildAuditReport() {
  const rulebook = hostileRulebook();
  const sources: FixtureSource[] = [
    ...readFixtureDir(shippedFixturesDir),
    { file: 'report-test/own.json', data: [OWN_FIXTURES.passing, OWN_FIXTURES.failing] },
    { file: 'report-test/wrong.json', data: OWN_FIXTURES.wrong },
    { file: 'report-test/broken.json', error: 'is not valid JSON: Unexpected token' },
  ];
  const report = runFixtures(sources, { rulebook });
  const html = renderHtmlReport({ rulebook, report, libraryVersion: '9.9.9-test', generatedAt: '2026-03-02T10:00:00+08:00' });
  return { rulebook, report, html };
}
