// Five languages: chosen from the browser's language, switchable on the
// page, kept in the URL, and complete: every string, chart label and
// number format comes from the language's catalogue.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { LANGS, catalogue, formatViolations, loadFigures, openPage, showFigures, useBrowser } from './helpers.mjs';

const env = useBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];


/** Waits until the page shows `code`'s words: its <html lang> and title. */
async function waitForLanguage(page, code) {
  const title = catalogue(code).get('levers.title');
  await page.waitForFunction(
    ([lang, text]) =>
      document.documentElement.lang === lang &&
      document.querySelector('.controls h2')?.textContent?.trim() === text,
    [code, title],
    { timeout: 15_000 },
  );
}

test('the static first paint (index.html) says what the English catalogue says', async () => {
  // English pages keep index.html's masthead and skip link as served, so
  // they must match the catalogue's words, or a reader sees two versions.
  const o = await openPage(env.browser, env.url);
  try {
    const en = catalogue('en');
    const { page } = o;
    assert.equal(await page.title(), en.get('page.title'));
    assert.equal((await page.textContent('.masthead .kicker')).trim(), en.get('page.kicker'));
    assert.equal((await page.textContent('.masthead h1')).trim(), en.get('page.title'));
    assert.equal((await page.innerHTML('.masthead .intro')).trim(), en.get('page.intro'));
    assert.equal((await page.textContent('.skip')).trim(), en.get('page.skip'));
    o.assertClean('English page');
  } finally {
    await o.close();
  }
});

test('the browser language chooses the page language, and the URL stays clean', async () => {
  const o = await openPage(env.browser, env.url, { wait: false, locale: 'fr-FR' });
  try {
    const fr = catalogue('fr');
    await waitForLanguage(o.page, 'fr');
    assert.equal(await o.page.title(), fr.get('page.title'));
    assert.equal((await o.page.textContent('.masthead h1')).trim(), fr.get('page.title'));
    const big = (await o.page.textContent('[data-testid="settlement"] .big')).trim();
    assert.match(big, /^\d{1,3}(,\d)?\u00a0%$/, `French percent format (as Intl.NumberFormat writes it): ${big}`);
    await o.page.waitForTimeout(400);
    assert.ok(!o.page.url().includes('lang='), `the browser's choice is not written to the URL: ${o.page.url()}`);
    o.assertClean('French page');
  } finally {
    await o.close();
  }
});

test('switching language on the page translates it and keeps the choice in the URL', async () => {
  const o = await openPage(env.browser, `${env.url}?pr=4`);
  try {
    await showFigures(o.page);
    const uk = catalogue('uk');
    await o.page.selectOption('#language', 'uk');
    await waitForLanguage(o.page, 'uk');
    await o.page.waitForFunction(() => location.search.includes('lang=uk'));
    assert.ok(o.page.url().includes('pr=4'), 'the state survives the switch');
    const label = (await o.page.textContent('label[for="in-presence"]')).trim();
    assert.equal(label, uk.get('input.presence.label'));
    const value = (await o.page.textContent('output[for="in-presence"]')).trim();
    assert.ok(value.startsWith(uk.get('rung.4')), `presence reads as a Ukrainian rung name: ${value}`);
    // Charts are drawn in the language too.
    const svg = await o.page.innerHTML('#fig-outcomes .chart');
    assert.ok(svg.includes(uk.get('chart.outcomes.top')), 'the outcomes chart speaks Ukrainian');
    // A reload (a shared link) keeps the chosen language over the browser's.
    await o.page.reload();
    await waitForLanguage(o.page, 'uk');
    // And back to English restores the static masthead text.
    await o.page.selectOption('#language', 'en');
    await waitForLanguage(o.page, 'en');
    assert.equal((await o.page.textContent('.masthead h1')).trim(), catalogue('en').get('page.title'));
    o.assertClean('language switch');
  } finally {
    await o.close();
  }
});

for (const code of LANGS) {
  test(`${code}: no untranslated key shows, and axe finds nothing`, async () => {
    const o = await openPage(env.browser, `${env.url}?lang=${code}&pr=3`, { wait: false });
    try {
      await waitForLanguage(o.page, code);
      // The figures and (in English) the rest of the text, as a reader
      // scrolling down gets them.
      await loadFigures(o.page);
      await o.page.waitForTimeout(300);
      const text = await o.page.evaluate(() => document.body.innerText);
      const keys = [...catalogue('en').keys()];
      const leaked = keys.filter((k) => k.includes('.') && text.includes(k));
      assert.deepEqual(leaked, [], `catalogue keys visible on the page: ${leaked.join(', ')}`);
      assert.ok(!/\{[a-z_]+\}/.test(text), 'no unfilled placeholder is visible');
      if (code !== 'en') {
        const decimals = await o.page.$$eval('.figure figcaption', (els) => els.map((e) => e.textContent).join(' '));
        assert.ok(!/\d\.\d/.test(decimals), `${code} chart descriptions use decimal commas`);
      }
      const { violations } = await new AxeBuilder({ page: o.page }).withTags(TAGS).analyze();
      assert.equal(violations.length, 0, formatViolations(violations));
      o.assertClean(`${code} page`);
    } finally {
      await o.close();
    }
  });
}

test('a language the page does not offer falls back with a notice', async () => {
  const o = await openPage(env.browser, `${env.url}?lang=xx`);
  try {
    const notice = await o.page.textContent('.notice');
    assert.ok(notice.includes('xx'), `the notice names the value: ${notice}`);
    assert.equal(await o.page.evaluate(() => document.documentElement.lang), 'en');
    o.assertClean('unknown language');
  } finally {
    await o.close();
  }
});

test('a catalogue that cannot be fetched leaves the page whole and says so', async () => {
  const o = await openPage(env.browser, env.url, {
    // The request fails as it would offline on a first visit. Routes do not
    // see a service worker's fetches, so the worker stays out of this one.
    serviceWorkers: 'block',
    beforeGoto: (page) => page.route('**/public/i18n/de.txt', (route) => route.abort('internetdisconnected')),
  });
  try {
    await o.page.selectOption('#language', 'de');
    await o.page.waitForSelector('.notice:not([hidden])');
    const notice = await o.page.textContent('.notice');
    assert.ok(notice.includes('Deutsch'), `the notice names the language: ${notice}`);
    assert.equal(await o.page.evaluate(() => document.documentElement.lang), 'en', 'the page stays in English');
    assert.equal((await o.page.textContent('.controls h2')).trim(), catalogue('en').get('levers.title'));
    // The aborted request (and the blocked worker) are the only complaints:
    // the page throws nothing.
    const others = o.problems.filter(
      (p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch|Service Worker registration blocked/.test(p),
    );
    assert.deepEqual(others, [], others.join('\n'));
  } finally {
    await o.close();
  }
});
