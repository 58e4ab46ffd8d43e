// Accessibility: axe-core finds no WCAG 2.1 A/AA violation on the whole
// page in light and dark mode, on a phone, with the tables open, and with
// a notice showing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { formatViolations, openPage, useBrowser } from './helpers.mjs';

const env = useBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { viewport: { width: 1280, height: 900 } };

async function audit(name, options, prepare = async () => {}, query = '') {
  const o = await openPage(env.browser, env.url + query, options);
  try {
    await prepare(o.page);
    // Let transitions and the debounced URL update settle.
    await o.page.waitForTimeout(300);
    const results = await new AxeBuilder({ page: o.page }).withTags(TAGS).analyze();
    const { violations } = results;
    if (violations.length) console.log(`axe (${name}):\n${formatViolations(violations)}`);
    assert.equal(
      violations.length,
      0,
      `axe found ${violations.length} violation(s) in ${name}:\n${formatViolations(violations)}`,
    );
    assert.ok(results.passes.length > 10, `axe ran its checks (${results.passes.length} passed)`);
    o.assertClean(name);
  } finally {
    await o.close();
  }
}

test('axe: no violations in light mode', () => audit('light mode', { ...DESKTOP, colorScheme: 'light' }));

test('axe: no violations in dark mode', () => audit('dark mode', { ...DESKTOP, colorScheme: 'dark' }));

test('axe: no violations at 360 px', () =>
  audit('360 px phone', { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }));

test('axe: no violations with "Show as table" and the other details opened', () =>
  audit('details opened', DESKTOP, async (page) => {
    // The figures, and so their tables, arrive with their own chunk.
    await page.waitForFunction(() => document.querySelectorAll('details > summary').length >= 3, undefined, { timeout: 15_000 }).catch(() => {});
    const summaries = page.locator('details > summary');
    const n = await summaries.count();
    assert.ok(n >= 3, 'there are details to open');
    for (let i = 0; i < n; i++) await summaries.nth(i).click();
    const open = await page.$$eval('details', (ds) => ds.filter((d) => d.open).length);
    assert.equal(open, n, 'every details element is open');
    // A figure fills its table once it has come into view (clicking its
    // summary scrolls it there), so wait for the last one.
    const shown = () => [...document.querySelectorAll('details.table table')].filter((t) => t.getBoundingClientRect().height > 0).length;
    await page.waitForFunction(`(${shown})() >= 3`, undefined, { timeout: 10_000 }).catch(() => {});
    const tables = await page.evaluate(shown);
    assert.equal(tables, 3, 'the three chart tables are shown');
  }));

test('axe: no violations in dark mode with the tables opened and a notice showing', () =>
  audit(
    'dark mode, tables open, notice',
    { ...DESKTOP, colorScheme: 'dark' },
    async (page) => {
      assert.equal(await page.getByRole('status').count(), 1, 'the notice shows');
      const summaries = page.locator('details.table > summary');
      for (let i = 0; i < (await summaries.count()); i++) await summaries.nth(i).click();
    },
    '?pr=99&zz=1',
  ));

test('the methods page renders docs/MODEL.md readably, links back, and passes axe', async () => {
  const o = await openPage(env.browser, `${env.url}methods.html`, { ...DESKTOP, wait: false });
  try {
    const { page } = o;
    await page.waitForSelector('main.methods h1');
    assert.match(await page.locator('h1').textContent(), /how the model works/i);
    assert.ok((await page.locator('main h2').count()) >= 12, 'every section has its heading');
    assert.ok((await page.locator('main table').count()) >= 3, 'the tables are tables');
    // Equations are MathML typeset at build time: no script, no code blocks.
    // The calibration report is printed text on purpose; any other block
    // would be an equation left as code.
    assert.equal(await page.locator('main pre:not(:has(> code.language-text))').count(), 0, 'no equation is left as code');
    const equations = await page.locator('main math[display="block"]').count();
    assert.ok(equations >= 20, `the equations are display MathML (${equations})`);
    const unlabelled = await page.$$eval('main math', (ms) => ms.filter((m) => !m.getAttribute('alttext')).length);
    assert.equal(unlabelled, 0, 'every equation carries its source as alttext');
    assert.equal(await page.locator('script').count(), 0, 'the page runs no script');
    assert.match(await page.locator('main').textContent(), /a model for thinking, not a forecast/i);
    assert.equal(await page.locator('a[href="./"]').count(), 2, 'links back to the explorer');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1280, `no sideways scrolling (${width})`);
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.equal(violations.length, 0, formatViolations(violations));
    o.assertClean('methods page');
  } finally {
    await o.close();
  }
});

test('the methods page lays out its equations as mathematics, in its own stylesheet, and fits a phone', async () => {
  const o = await openPage(env.browser, `${env.url}methods.html`, {
    viewport: { width: 360, height: 780 },
    isMobile: true,
    hasTouch: true,
    wait: false,
  });
  try {
    const { page } = o;
    await page.waitForSelector('main math');
    const layout = await page.evaluate(() => {
      const box = (e) => e.getBoundingClientRect();
      const fractions = [...document.querySelectorAll('main math[display="block"] mfrac')];
      return {
        // A fraction's numerator sits above its denominator only where the
        // engine lays out MathML; as plain text the two would share a line.
        stacked: fractions.filter((f) => box(f.children[0]).bottom <= box(f.children[1]).top + 1).length,
        fractions: fractions.length,
        empty: [...document.querySelectorAll('main math')].filter((m) => box(m).width < 4 || box(m).height < 4).length,
        font: getComputedStyle(document.querySelector('main math')).fontFamily,
        width: document.documentElement.scrollWidth,
      };
    });
    assert.ok(layout.fractions >= 5, `the display equations have fractions (${layout.fractions})`);
    assert.equal(layout.stacked, layout.fractions, 'every fraction is stacked');
    assert.equal(layout.empty, 0, 'every equation is drawn');
    assert.match(layout.font, /Math/, 'equations ask for a math font (style/pages.css)');
    assert.ok(layout.width <= 360, `long equations scroll in their own box, not the page (${layout.width})`);
    o.assertClean('methods page on a phone');
  } finally {
    await o.close();
  }
});
