// The printable pages rendered at build time from docs/teach, docs/summary
// and docs/positions (xtask/src/finalize.rs): a teacher guide, the model
// in one page, and the sides' stated positions with a background timeline,
// in each of the five languages. Each loads cleanly in its own language,
// links back to the explorer, passes axe and prints without its
// navigation; the about section and the share panel link to them in the
// reader's language.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { LANGS, catalogue, engage, formatViolations, openPage, useBrowser } from './helpers.mjs';

const env = useBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** The story steps' ids, in order: each has its caption in the English
 *  catalogue (`story.<id>.caption`, in the steps' order, which
 *  tests/i18n.rs checks against src/story.rs), read here rather than the
 *  Rust source. */
const STEPS = [...catalogue('en').keys()].flatMap((key) => key.match(/^story\.(\w+)\.caption$/)?.[1] ?? []);


/** How each guide names the two European parties that have a role card each. */
const EUROPEAN_CARDS = {
  en: ['the coalition of the willing', 'the European Union'],
  de: ['die Koalition der Willigen', 'die Europäische Union'],
  fr: ['la coalition des volontaires', 'l’Union européenne'],
  ru: ['коалиция желающих', 'Европейский союз'],
  uk: ['коаліція охочих', 'Європейський Союз'],
};

test('the story has seven steps to ask about', () => {
  assert.deepEqual(STEPS, ['today', 'redline', 'presence', 'aims', 'moscow', 'pressure', 'power']);
});

for (const kind of ['teach', 'summary', 'positions']) {
  for (const lang of LANGS) {
    test(`${kind}-${lang}.html loads in its language, links back and passes axe`, async () => {
      const o = await openPage(env.browser, `${env.url}${kind}-${lang}.html`, { ...DESKTOP, wait: false });
      try {
        const { page } = o;
        await page.waitForSelector('main h1');
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1, 'the strict policy');
        assert.ok((await page.title()).length > 10, 'a title');
        const home = lang === 'en' ? './' : `./?lang=${lang}`;
        assert.equal(await page.locator(`main > .back a[href="${home}"]`).count(), 2, 'links back to the explorer, top and bottom');
        const text = await page.locator('main').textContent();
        const words = catalogue(lang);
        if (kind === 'teach') {
          for (const id of STEPS) {
            const title = words.get(`story.${id}.title`);
            assert.ok(text.includes(title), `the guide asks about step "${title}"`);
          }
          // Five role cards: the coalition of the willing and the EU have
          // one each (tests/guides.rs checks the order and the wording).
          const cards = await page.locator('main h3').allTextContents();
          assert.ok(cards.length >= 5, `five role cards: ${cards}`);
          for (const party of EUROPEAN_CARDS[lang]) {
            assert.equal(cards.filter((c) => c.includes(party)).length, 1, `one role card for ${party}: ${cards}`);
          }
          assert.equal(await page.locator(`a[href="summary-${lang}.html"]`).count(), 1, 'links to the summary');
          assert.equal(await page.locator(`a[href="positions-${lang}.html"]`).count(), 1, 'links to the positions');
        } else if (kind === 'summary') {
          assert.equal(await page.locator(`a[href="teach-${lang}.html"]`).count(), 1, 'links to the guide');
          assert.equal(await page.locator(`a[href="positions-${lang}.html"]`).count(), 1, 'links to the positions');
        } else {
          // One dated, sourced entry for each of the five parties, a
          // timeline and the contested figures, each in a table or list.
          assert.ok((await page.locator('main h2').count()) >= 8, 'five parties, the timeline and the figures');
          assert.ok((await page.locator('main table').count()) >= 3, 'the timeline and the figures as tables');
          assert.ok((await page.locator('main a[href^="https://"]').count()) >= 40, 'each entry links its source');
          assert.ok(text.includes('ES-11/1') && text.includes('141'), 'the General Assembly vote of 2 March 2022');
          assert.ok(text.includes('ES-11/4') && text.includes('143'), 'the General Assembly vote of 12 October 2022');
          assert.ok((await page.locator('main a[href^="https://undocs.org/A/RES/ES-11/1"]').count()) >= 1, 'ES-11/1 linked from un.org');
          assert.ok((await page.locator('main a[href^="https://www.icj-cij.org/"]').count()) >= 1, 'the ICJ order linked from icj-cij.org');
          // Sources a class can open (docs/STYLE.md): no aggregator or encyclopaedia.
          const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.href));
          for (const banned of ['cccv.info', 'worthy.support', 'dirs.info', 'alexa.ng', 'hamidiz.com', 'weltexpress.info', 'stabroeknews.com', 'miragenews.com', 'bellenews.com', 'wikimili.com', 'wikipedia.org']) {
            assert.ok(!hrefs.some((h) => h.includes(banned)), `no link to ${banned}`);
          }
          assert.equal(await page.locator(`a[href="teach-${lang}.html"]`).count(), 1, 'links to the guide');
        }
        assert.equal(await page.locator('a[href="methods.html"]').count(), 1, 'links to the methods page');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 1280, `no sideways scrolling (${width})`);
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        assert.equal(violations.length, 0, formatViolations(violations));
        // In print the way back is left out and nothing runs off the page.
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('main > .back').first().evaluate((e) => getComputedStyle(e).display), 'none');
        o.assertClean(`${kind}-${lang}.html`);
      } finally {
        await o.close();
      }
    });
  }
}

test('the link back from a guide opens the explorer in the guide\'s language', async () => {
  const o = await openPage(env.browser, `${env.url}teach-uk.html`, { ...DESKTOP, wait: false });
  try {
    await o.page.locator('main > .back a').first().click();
    await o.page.waitForFunction(() => document.documentElement.lang === 'uk' && document.querySelector('#about'), null, {
      timeout: 15_000,
    });
    o.assertClean('the explorer after the link back');
  } finally {
    await o.close();
  }
});

for (const lang of LANGS) {
  test(`the about section and the share panel link to the guides in ${lang}`, async () => {
    // The headline's number format is the language's, so wait for the
    // language and the link instead of the English-format headline.
    const o = await openPage(env.browser, `${env.url}?lang=${lang}`, { ...DESKTOP, wait: false });
    try {
      const { page } = o;
      // English's about section is in the rest of English, which waits for this.
      await engage(page);
      await page.waitForFunction(
        (code) => document.documentElement.lang === code && document.querySelector(`#about a[href="teach-${code}.html"]`),
        lang,
        { timeout: 15_000 },
      );
      assert.equal(await page.locator(`#about a[href="summary-${lang}.html"]`).count(), 1, 'the about section links to the summary');
      // From its heading, and from the sources for the contested figures.
      assert.equal(await page.locator(`#about a[href="positions-${lang}.html"]`).count(), 2, 'the about section links to the positions');
      // The panel's contents load the first time it opens.
      const share = page.locator(`details.share a[href="teach-${lang}.html"]`);
      await page.locator('details.share > summary').click();
      await share.waitFor();
      assert.equal(await share.count(), 1, 'the share panel links to the guide');
      assert.ok(await share.isVisible(), 'the link shows when the panel is open');
      for (const href of [`teach-${lang}.html`, `summary-${lang}.html`, `positions-${lang}.html`]) {
        const response = await page.request.get(new URL(href, env.url).href);
        assert.equal(response.status(), 200, `${href} is served`);
      }
      o.assertClean(`the page in ${lang}`);
    } finally {
      await o.close();
    }
  });
}
