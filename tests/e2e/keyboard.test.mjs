// Keyboard-only use: the skip link comes first, Tab reaches the presets,
// the sliders and the reset button, sliders answer the arrow, Home and End
// keys, and focus is always visible.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, LEVERS, PRESETS, headline, openPage, sliderValues, useBrowser } from './helpers.mjs';

const env = useBrowser();
const VIEWPORT = { viewport: { width: 1280, height: 900 } };

/** What has focus, and whether its focus indicator is visible. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      preset: el.dataset?.preset ?? null,
      text: (el.textContent ?? '').trim().slice(0, 40),
      inResults: Boolean(el.closest('#results')),
      visibleFocus: outline || shadow,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
    };
  });

const describe = (f) => `${f.tag}${f.id ? `#${f.id}` : ''}${f.className ? `.${f.className.split(' ').join('.')}` : ''}${f.preset ? `[data-preset=${f.preset}]` : ''} "${f.text}"`;

/** Presses Tab until `match` is focused; returns every stop on the way. */
async function tabUntil(page, match, limit = 60) {
  const stops = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    stops.push(f);
    if (match(f)) return stops;
  }
  assert.fail(`Tab never reached the target in ${limit} presses; stops:\n${stops.map(describe).join('\n')}`);
}

test('Tab reaches the skip link first, then a preset, the first slider and the reset button, all with visible focus', async () => {
  const o = await openPage(env.browser, env.url, VIEWPORT);
  try {
    const { page } = o;
    await page.keyboard.press('Tab');
    const first = await focused(page);
    assert.equal(first.tag, 'a', `the first Tab stop is a link (got ${describe(first)})`);
    assert.match(first.className, /\bskip\b/, 'the first Tab stop is the skip link');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#results');
    assert.ok(first.visibleFocus, `the skip link shows focus (outline ${first.outline}, shadow ${first.boxShadow})`);
    assert.ok(
      await page.evaluate(() => {
        const box = document.activeElement.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight && box.width > 0;
      }),
      'the focused skip link is on screen',
    );

    const stops = [first, ...(await tabUntil(page, (f) => /\breset\b/.test(f.className)))];
    const index = (pred) => stops.findIndex(pred);
    const preset = index((f) => f.preset !== null);
    const slider = index((f) => f.id === 'in-momentum');
    const reset = index((f) => /\breset\b/.test(f.className));
    assert.ok(preset > 0, 'Tab reaches a preset button');
    assert.ok(slider > preset, `Tab reaches the first slider after the presets; stops:\n${stops.map(describe).join("\n")}`);
    assert.ok(reset > slider, 'Tab reaches the reset button after the sliders');
    const sliders = stops.filter((f) => f.tag === 'input' && f.id.startsWith('in-')).map((f) => f.id);
    // Every lever; horizon and uncertainty width are folded away in a <details>.
    for (const id of LEVERS) {
      assert.ok(sliders.includes(`in-${id}`), `Tab reaches in-${id}`);
    }
    const hidden = stops.filter((f) => !f.visibleFocus).map(describe);
    assert.deepEqual(hidden, [], 'every Tab stop shows a visible focus indicator');

    // Keyboard activation: Enter on a preset, then Space on the reset button.
    await page.locator('[data-preset="neutrality"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#in-presence').inputValue(), '1', 'Enter activates a preset');
    assert.equal(await page.locator('[data-preset="neutrality"]').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await sliderValues(page), PRESETS.neutrality, 'the preset moved the sliders');
    await page.locator('button.reset').focus();
    await page.keyboard.press('Space');
    assert.deepEqual(await sliderValues(page), DEFAULTS, 'Space activates reset');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('the skip link moves keyboard focus to the charts', async () => {
  const o = await openPage(env.browser, env.url, VIEWPORT);
  try {
    const { page } = o;
    await page.keyboard.press('Tab');
    assert.match((await focused(page)).className, /\bskip\b/);
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).hash, '#results');
    // The figures load as they come near the screen, so right after the
    // jump #results may hold nothing to focus yet, and Tab would go on to
    // the footer (seen once in five runs): wait until they are drawn.
    await page.locator('#fig-outcomes .chart svg').waitFor();
    await page.keyboard.press('Tab');
    const next = await focused(page);
    assert.ok(next.inResults, `after the skip link, Tab continues inside #results (got ${describe(next)})`);
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('a focused slider follows ArrowRight, ArrowLeft, Home and End, and the headline updates', async () => {
  const o = await openPage(env.browser, env.url, VIEWPORT);
  try {
    const { page } = o;
    await tabUntil(page, (f) => f.id === 'in-momentum');
    const slider = page.locator('#in-momentum');
    const boxes = () =>
      page.$$eval('[data-testid="settlement"], [data-testid="escalation"]', (els) => els.map((e) => e.textContent.trim()).join(' | '));
    const at = async () => ({ value: await slider.inputValue(), text: await slider.getAttribute('aria-valuetext'), head: await boxes(), nums: await headline(page) });

    const start = await at();
    assert.equal(start.value, DEFAULTS.momentum, 'momentum starts at its default');
    assert.equal(start.value, '0.05', 'the steps below start from 0.05');

    await page.keyboard.press('ArrowRight');
    const right = await at();
    assert.equal(right.value, '0.1', 'ArrowRight steps up by 0.05');
    assert.notEqual(right.head, start.head, 'ArrowRight: the headline updates');

    await page.keyboard.press('ArrowLeft');
    const left = await at();
    assert.equal(left.value, '0.05', 'ArrowLeft steps back down');
    assert.deepEqual(left.head, start.head, 'ArrowLeft: the headline returns to the start');

    await page.keyboard.press('Home');
    const home = await at();
    assert.equal(home.value, '-1', 'Home goes to the minimum');
    assert.match(home.text, /Russia gains ground fast/);
    assert.notEqual(home.nums.settle, start.nums.settle, 'Home: the settlement number updates');

    await page.keyboard.press('End');
    const end = await at();
    assert.equal(end.value, '1', 'End goes to the maximum');
    assert.match(end.text, /Ukraine gains ground fast/);
    assert.notEqual(end.head, home.head, 'End: the headline updates');
    assert.notEqual(end.nums.escalate, home.nums.escalate, 'End: the escalation number updates');

    const f = await focused(page);
    assert.equal(f.id, 'in-momentum', 'focus stays on the slider');
    assert.ok(f.visibleFocus, `the slider shows focus (outline ${f.outline}, shadow ${f.boxShadow})`);

    // A rung slider: the value text follows the keys.
    await page.locator('#in-presence').focus();
    await page.keyboard.press('End');
    assert.equal(await page.locator('#in-presence').inputValue(), '5');
    assert.match(await page.locator('#in-presence').getAttribute('aria-valuetext'), /^Combat formations/);
    o.assertClean();
  } finally {
    await o.close();
  }
});
