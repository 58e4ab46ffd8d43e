// Code the first paint does not need loads on demand (xtask/src/split.rs):
// a reader who has not scrolled to the charts, opened the story, the
// share panel or a comparison has downloaded none of their modules,
// and each arrives, works and says nothing in the console when it is
// first needed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFigures, openPage, setSlider, useBrowser } from './helpers.mjs';

const env = useBrowser();
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** The split modules requested so far, by the name of their split point. */
function chunks(requests) {
  return requests
    .map((url) => new URL(url).pathname.split('/').pop())
    .filter((name) => /^split_.*\.wasm$/.test(name))
    .map((name) => name.replace(/^split_([a-z_]+?)(_\d+)?-[0-9a-f]+\.wasm$/, '$1'))
    .sort();
}

test('a phone visit loads no chunk until the reader needs one, then each part works', async () => {
  const o = await openPage(env.browser, env.url, PHONE);
  try {
    const { page, requests } = o;
    await page.waitForTimeout(500);
    assert.deepEqual(chunks(requests), [], 'the first paint fetches only the main module');

    await page.locator('#results').scrollIntoViewIfNeeded();
    await page.locator('#fig-outcomes .chart svg').waitFor();
    assert.deepEqual(chunks(requests), ['figures'], 'the charts load as they come near');

    await page.locator('#story-open').click();
    await page.locator('#story-title').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'story-title');
    assert.match(await page.locator('#story-title').textContent(), /\S/, 'the first step has its title');
    assert.ok(chunks(requests).includes('panel'), 'the story panel loads when the story opens');

    await page.locator('details.share > summary').click();
    await page.locator('#share-link').waitFor();
    assert.ok(chunks(requests).includes('contents'), 'the share panel loads when it opens');

    await page.locator('button.compare').click();
    await setSlider(page, 'tolerance', 5);
    await page.waitForFunction(() => document.querySelector('[data-testid="moved"]')?.textContent.trim() !== '');
    assert.ok(chunks(requests).includes('explanation'), 'the explanation loads with the first comparison');
    o.assertClean('the page with every part loaded');
  } finally {
    await o.close();
  }
});

test('a laptop, whose first screen ends just above the charts, loads them on the first key press; a screen that shows them, at once', async () => {
  const laptop = await openPage(env.browser, env.url, { viewport: { width: 1280, height: 800 }, rest: false });
  try {
    const { page, requests } = laptop;
    const top = await page.evaluate(() => document.querySelector('#results').getBoundingClientRect().top);
    assert.ok(top > 800, `the charts start below a 1280×800 screen (at ${top} px)`);
    await page.waitForTimeout(500);
    assert.deepEqual(chunks(requests), [], 'nothing below the first screen is fetched while the reader only looks');
    // A key, not a scroll: the charts stay off screen, so this is the
    // reader's engagement alone (a phone's scroll is tested above).
    await page.keyboard.press('Shift');
    // Fetched, not yet drawn: a chart draws once it is on screen.
    await page.locator('#fig-outcomes').waitFor({ state: 'attached' });
    assert.deepEqual(chunks(requests), ['figures'], 'the first key press fetches the figures');
    laptop.assertClean();
  } finally {
    await laptop.close();
  }
  const wide = await openPage(env.browser, env.url, { viewport: { width: 1920, height: 1080 }, rest: false });
  try {
    await wide.page.locator('#fig-outcomes .chart svg').waitFor();
    assert.deepEqual(chunks(wide.requests), ['figures'], 'a screen that shows the first chart loads the figures at once');
    wide.assertClean();
  } finally {
    await wide.close();
  }
});

test('a link that opens a story step loads its panel at once', async () => {
  const o = await openPage(env.browser, `${env.url}?story=2`, PHONE);
  try {
    const { page } = o;
    await page.locator('#story-title').waitFor();
    assert.match(await page.locator('.story-count').textContent(), /2/);
    o.assertClean();
  } finally {
    await o.close();
  }
});

/** Whether the rest of English (public/i18n/en.txt) has been requested. */
const restOfEnglish = (requests) => requests.some((url) => new URL(url).pathname.endsWith('/i18n/en.txt'));

test('the rest of English waits for the reader: a first look fetches none of it, the first scroll fetches it', async () => {
  const o = await openPage(env.browser, env.url, { ...PHONE, rest: false });
  try {
    const { page, requests } = o;
    await page.waitForTimeout(500);
    assert.ok(!restOfEnglish(requests), 'a phone that is only looked at does not fetch the rest of English');
    assert.equal(await page.locator('#glossary').count(), 0, 'the about footer waits for it');
    await page.mouse.wheel(0, 400);
    await page.locator('#glossary').waitFor({ state: 'attached' });
    assert.ok(restOfEnglish(requests), 'the first scroll fetched it');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('a first visit in a language whose text cannot be fetched falls back to English, figures and all', async () => {
  const o = await openPage(env.browser, `${env.url}?lang=de`, {
    wait: false,
    beforeGoto: (page) => page.route('**/i18n/de.txt', (route) => route.abort()),
  });
  try {
    const { page } = o;
    await page.waitForFunction(() => /Deutsch/.test(document.querySelector('[role="status"]')?.textContent ?? ''));
    await loadFigures(page);
    await page.locator('#fig-outcomes').scrollIntoViewIfNeeded();
    await page.locator('#fig-outcomes .chart svg').waitFor();
    assert.match(await page.locator('#fig-outcomes h3').textContent(), /Outcomes over time/, 'the figures, in English');
  } finally {
    await o.close();
  }
});

test('a view that needs the rest of English sends for it with no help: a bad link notice on a phone', async () => {
  const o = await openPage(env.browser, `${env.url}?mo=abc`, { ...PHONE, rest: false });
  try {
    const { page, requests } = o;
    const notice = page.getByRole('status');
    await page.waitForFunction(() => /“mo”.*abc/.test(document.querySelector('[role="status"]')?.textContent ?? ''));
    assert.ok(restOfEnglish(requests), 'the notice asked for the rest of English');
    assert.doesNotMatch(await notice.textContent(), /notice\./, 'no catalogue key shows in its place');
    o.assertClean();
  } finally {
    await o.close();
  }
});
