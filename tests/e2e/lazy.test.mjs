// Code the first paint does not need loads on demand (xtask/src/split.rs):
// a phone reader who has not scrolled to the charts, opened the story,
// the share panel or a comparison has downloaded none of their modules,
// and each arrives, works and says nothing in the console when it is
// first needed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, setSlider, useBrowser } from './helpers.mjs';

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
