/**
 * The audit report as an auditor sees it: rendered from disk by headless
 * Chromium (Debian's `chromium`, driven by playwright-core), with no network.
 *
 * Chromium must be installed (`.ci/run` installs it). Under CI a missing
 * browser fails this suite; locally it is skipped with a note.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_RULE, HOSTILE, HOSTILE_RULE, OWN_FIXTURES, buildAuditReport } from './support/audit.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(executablePath);
const inCI = Boolean(process.env.CI);

if (!haveChromium && !inCI) {
  console.warn(`report.browser.test.ts skipped: no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

describe.skipIf(!haveChromium && !inCI)('the HTML audit report in a browser', () => {
  const { rulebook, report, html } = buildAuditReport();
  const file = join(mkdtempSync(join(tmpdir(), 'icr-report-browser-')), 'audit-report.html');
  const url = pathToFileURL(file).href;
  let browser: Browser;
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  let page: Page;

  beforeAll(async () => {
    if (!haveChromium) {
      throw new Error(
        `Chromium is required for the audit report's browser test but ${executablePath} does not exist. ` +
          'Install it (apt-get install -y chromium; .ci/run does this) or set CHROMIUM_PATH.',
      );
    }
    writeFileSync(file, html);
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const ruleCard = (id: string) => page.locator(`article.rule[data-rule-id="${id}"]`);
  const visibleSources = () => page.locator('section.source:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-source')));
  const visibleRules = () => page.locator('article.rule:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-rule-id')));
  const resetFilters = async () => {
    await page.fill('#f-q', '');
    await page.selectOption('#f-source', '');
    await page.selectOption('#f-check', '');
    await page.selectOption('#f-status', '');
  };

  it('shows every source that has rules as a section heading, with every rule', async () => {
    const withRules = rulebook.ruleSets.filter((s) => s.rules.length > 0);
    expect(withRules.length).toBeGreaterThanOrEqual(9);
    for (const set of withRules) {
      const heading = page.locator(`#src-${set.source} h2`);
      await expect.poll(() => heading.isVisible()).toBe(true);
      expect(await heading.innerText()).toContain(set.source);
      expect(await heading.innerText()).toContain(set.document.title.zh);
      for (const rule of set.rules) expect(await page.locator(`#src-${set.source} article.rule[data-rule-id="${rule.id}"]`).count()).toBe(1);
    }
  });

  it("shows a rule's citation with its exact quote", async () => {
    const rule = rulebook.rules.find((r) => r.id === 'recording-2017.dual-recording.elderly')!;
    const quote = ruleCard(rule.id).locator('blockquote.quote');
    expect(await quote.isVisible()).toBe(true);
    expect(await quote.innerText()).toContain(rule.citation.quote);
    expect(await quote.innerText()).toContain('recording-2017 art. 6');
  });

  it('shows a fixture under the rule it exercises, with its pass mark, verdict and message', async () => {
    const card = ruleCard(CONSENT_RULE);
    const entry = card.locator('li.fx', { hasText: OWN_FIXTURES.failing.description });
    if (!(await entry.isVisible())) await card.locator('details.g-fail > summary').click();
    expect(await entry.isVisible()).toBe(true);
    expect(await entry.locator('.st').innerText()).toBe('✓ passed');
    expect(await entry.locator('.v').innerText()).toBe('rule fail');
    expect(await entry.locator('.msg').innerText()).toMatch(/consent/i);
  });

  it('lists every fixture, and the failing and invalid ones at the top with their problems', async () => {
    expect(await page.locator('#fixtures li.fixture').count()).toBe(report.outcomes.length);
    const top = page.locator('#problems');
    expect(await top.isVisible()).toBe(true);
    const text = await top.innerText();
    expect(text).toContain(OWN_FIXTURES.wrong.description);
    expect(text).toContain('verdict is pass, expected fail');
    expect(text).toContain('report-test/broken.json#0');
    expect(text).not.toContain(OWN_FIXTURES.failing.description);
  });

  it('shows hostile text from rule files and fixtures as text, running nothing', async () => {
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await ruleCard(HOSTILE_RULE).locator('.title').innerText()).toContain(HOSTILE);
    expect(await page.locator('#fixtures').innerText()).toContain(OWN_FIXTURES.passing.description);
  });

  it('filters by search text: a rule id hides every other rule', async () => {
    await resetFilters();
    await page.fill('#f-q', 'recording-2017.dual-recording.elderly');
    expect(await visibleRules()).toEqual(['recording-2017.dual-recording.elderly']);
    expect(await visibleSources()).toEqual(['recording-2017']);
    expect(await page.locator('#f-count').innerText()).toBe(`1 of ${rulebook.rules.length} rules shown`);
    await page.fill('#f-q', 'xyzzy-matches-nothing');
    expect(await visibleRules()).toEqual([]);
    expect(await page.locator('#f-empty').isVisible()).toBe(true);
  });

  it('filters by source, check and status', async () => {
    await resetFilters();
    await page.selectOption('#f-source', 'insurance-law-2015');
    expect(await visibleSources()).toEqual(['insurance-law-2015']);
    expect(await visibleRules()).toEqual(rulebook.rules.filter((r) => r.citation.source === 'insurance-law-2015').map((r) => r.id));
    await resetFilters();
    await page.selectOption('#f-check', 'eligibility');
    expect(await visibleRules()).toEqual(rulebook.rules.filter((r) => r.check === 'eligibility').map((r) => r.id));
    await resetFilters();
    await page.selectOption('#f-status', 'failing');
    // Only the wrong-on-purpose fixture fails among the report test's own; it exercises the consent rule.
    expect(await visibleRules()).toContain(CONSENT_RULE);
    for (const id of await visibleRules()) expect(await ruleCard(id!).locator('li.fx.fx-failed').count()).toBeGreaterThan(0);
    await page.selectOption('#f-status', 'uncovered');
    const uncovered = report.coverage.filter((c) => !c.failedIn.length || !c.passedIn.length).map((c) => c.ruleId);
    expect(await visibleRules()).toEqual(uncovered);
    await resetFilters();
    expect(await visibleRules()).toHaveLength(rulebook.rules.length);
  });

  it('shows, for every source, shipped fixtures under its rules', async () => {
    for (const set of rulebook.ruleSets.filter((s) => s.rules.length > 0)) {
      expect(await page.locator(`#src-${set.source} li.fx`).count(), set.source).toBeGreaterThan(0);
    }
  });

  it('made no network request and no script error', () => {
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
  });

  it('is complete and readable with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(url);
    expect(await noJs.locator('#filters').isVisible()).toBe(false);
    expect(await noJs.locator('article.rule:visible').count()).toBe(rulebook.rules.length);
    expect(await noJs.locator('section.source:visible').count()).toBe(rulebook.ruleSets.filter((s) => s.rules.length > 0).length);
    await context.close();
  });
});
