// Moving the levers changes the numbers and the charts: keyboard, direct
// value changes, presets, reset and the chasm map's metric switch.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULTS,
  ESCALATE_BIG,
  PERCENT,
  PRESETS,
  SETTLE_BIG,
  catalogue,
  chartMarkup,
  headline,
  openPage,
  sliderValues,
  useBrowser,
  showFigures,
} from './helpers.mjs';

const env = useBrowser();

/** Waits until the text of `selector` differs from `previous`. */
async function textChanges(page, selector, previous) {
  await page.waitForFunction(
    ([s, p]) => document.querySelector(s)?.textContent.trim() !== p,
    [selector, previous],
    { timeout: 5_000 },
  );
  return (await page.locator(selector).textContent()).trim();
}

test('presence slider, moved with the keyboard, changes the settlement headline and redraws the outcomes chart', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    const presence = page.locator('#in-presence');
    // Charts off screen skip their redraw: bring this one into view first.
    await page.locator('#fig-outcomes').scrollIntoViewIfNeeded();
    const before = await headline(page);
    const chartBefore = await chartMarkup(page, 'fig-outcomes');
    // The defaults propose the coalition's reassurance force (rung 3) against
    // Moscow's stated tolerance of none: a step down the ladder is a smaller
    // gap between them, which in model 2 acts on the talks (the chance of a
    // ceasefire), not on the risk of the fighting.
    assert.equal(await presence.inputValue(), DEFAULTS.presence);
    assert.equal(DEFAULTS.presence, '3', 'the defaults propose the reassurance force');

    await presence.focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await presence.inputValue(), '2', 'ArrowLeft moves presence one rung down');
    const settle = await textChanges(page, SETTLE_BIG, before.settle);
    assert.match(settle, PERCENT);
    assert.notEqual(settle, before.settle, 'the settlement headline changed');
    assert.ok(parseFloat(settle) > parseFloat(before.settle), `a smaller gap makes a ceasefire likelier (${before.settle} → ${settle})`);
    const chartAfter = await chartMarkup(page, 'fig-outcomes');
    assert.ok(chartAfter.includes('role="img"'), 'the outcomes chart is still an svg image');
    assert.notEqual(chartAfter, chartBefore, 'the outcomes chart was redrawn');

    // The value is named in words: the rung of the presence ladder.
    const valuetext = await presence.getAttribute('aria-valuetext');
    assert.match(valuetext, /^Air and naval policing/, `aria-valuetext names the rung (got "${valuetext}")`);
    const shown = await page.locator('#in-presence').locator('xpath=..').locator('output').textContent();
    assert.match(shown, /Air and naval policing/, 'the visible value names the rung');

    await page.keyboard.press('ArrowRight');
    assert.equal(await presence.inputValue(), '3', 'ArrowRight moves it back up');
    await textChanges(page, SETTLE_BIG, settle);
    assert.deepEqual(await headline(page), before, 'back on the defaults, the headline is back too');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('presence slider, set by fill() and by an input event, changes headline and chart', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    const presence = page.locator('#in-presence');
    // Charts off screen skip their redraw: bring this one into view first.
    await page.locator('#fig-outcomes').scrollIntoViewIfNeeded();
    const start = await headline(page);
    const chart0 = await chartMarkup(page, 'fig-outcomes');

    // Playwright's fill() sets the value and fires input and change.
    await presence.fill('4');
    assert.equal(await presence.inputValue(), '4');
    const afterFill = await textChanges(page, SETTLE_BIG, start.settle);
    const chart1 = await chartMarkup(page, 'fig-outcomes');
    assert.notEqual(chart1, chart0, 'fill(): the outcomes chart was redrawn');
    assert.ok((await presence.getAttribute('aria-valuetext')).startsWith(catalogue('en').get('rung.4')), 'the value names rung 4');

    // What a drag does: set .value and dispatch a bubbling input event.
    await presence.evaluate((input) => {
      input.value = '2';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const afterEvent = await textChanges(page, SETTLE_BIG, afterFill);
    assert.notEqual(afterEvent, afterFill, 'input event: the settlement headline changed');
    const chart2 = await chartMarkup(page, 'fig-outcomes');
    assert.notEqual(chart2, chart1, 'input event: the outcomes chart was redrawn');
    assert.match(await presence.getAttribute('aria-valuetext'), /^Air and naval policing/);
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('a preset moves the sliders, presses its button and changes the numbers', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    const pressed = () =>
      page.$$eval('[data-preset]', (bs) => Object.fromEntries(bs.map((b) => [b.dataset.preset, b.getAttribute('aria-pressed')])));
    const initial = await pressed();
    assert.deepEqual(
      Object.keys(initial).sort(),
      [
        'breakthrough',
        'coalition',
        'fatigue',
        'frozen',
        'kyiv-terms',
        'limited-force',
        'moscow-terms',
        'neutrality',
        'russian-breakthrough',
        'today',
      ],
      'the ten presets',
    );
    assert.equal(initial.today, 'true', 'the defaults are "Positions today"');
    for (const [id, value] of Object.entries(initial)) if (id !== 'today') assert.equal(value, 'false', id);

    // The breakthrough (src/model/presets.rs) drops the proposed force and
    // moves the front: a collapsing Russian front raises the escalation
    // risk, and no presence above Moscow's line frees the talks.
    const before = await headline(page);
    await page.locator('[data-preset="breakthrough"]').click();
    assert.deepEqual(
      await sliderValues(page),
      PRESETS.breakthrough,
      'the breakthrough moves its sliders and leaves the rest at the defaults',
    );
    const after = await pressed();
    assert.equal(after.breakthrough, 'true', 'the breakthrough button is pressed');
    for (const [id, value] of Object.entries(after)) if (id !== 'breakthrough') assert.equal(value, 'false', id);
    await textChanges(page, ESCALATE_BIG, before.escalate);
    const now = await headline(page);
    assert.notEqual(now.escalate, before.escalate, 'the escalation number changed');
    assert.notEqual(now.settle, before.settle, 'the settlement number changed');

    // Moving any slider away from the scenario releases the button.
    await page.locator('#in-momentum').fill('0.5');
    assert.equal((await pressed()).breakthrough, 'false', 'a moved slider un-presses the preset');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('the reset button restores every default', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    const initial = await headline(page);
    await page.locator('[data-preset="breakthrough"]').click();
    await page.locator('#in-presence').fill('5');
    await page.locator('#in-horizon').evaluate((input) => {
      input.value = '96';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const moved = await sliderValues(page);
    assert.notDeepEqual(moved, DEFAULTS, 'the sliders were moved');
    assert.notDeepEqual(await headline(page), initial);

    const reset = page.getByRole('button', { name: "Reset to today's positions" });
    await reset.click();
    assert.deepEqual(await sliderValues(page), DEFAULTS, 'every slider is back at its default');
    await page
      .waitForFunction(
        ([s, e, i]) =>
          document.querySelector(s).textContent.trim() === i.settle &&
          document.querySelector(e).textContent.trim() === i.escalate,
        [SETTLE_BIG, ESCALATE_BIG, initial],
        { timeout: 5_000 },
      )
      .catch(() => {});
    assert.deepEqual(await headline(page), initial, 'the headline is back to its first numbers');
    assert.equal(await page.locator('[data-preset="today"]').getAttribute('aria-pressed'), 'true');
    assert.ok(
      (await page.locator('#in-presence').getAttribute('aria-valuetext')).startsWith(catalogue('en').get('rung.3')),
      'the presence slider names rung 3 again',
    );
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('the chasm map switch redraws the map by the chance of a ceasefire or peace', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    await showFigures(page);
    const mapTexts = () =>
      page.$eval('#fig-chasm .chart svg', (svg) => ({
        texts: [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()),
        desc: svg.querySelector('desc')?.textContent ?? '',
        markup: svg.outerHTML,
      }));
    const escalation = page.getByRole('radio', { name: 'Escalation risk' });
    const settlement = page.getByRole('radio', { name: 'Ceasefire or peace' });
    assert.ok(await escalation.isChecked(), 'escalation risk is the first shading');
    assert.ok(!(await settlement.isChecked()));
    const before = await mapTexts();
    assert.ok(
      before.texts.includes('Escalation risk by presence and tolerance'),
      `the map is titled by escalation risk (texts: ${before.texts.slice(0, 3).join(' | ')})`,
    );

    await settlement.check();
    assert.ok(await settlement.isChecked());
    assert.ok(!(await escalation.isChecked()));
    const after = await mapTexts();
    assert.ok(
      after.texts.includes('Ceasefire or peace by presence and tolerance'),
      `the map title inside the svg names the ceasefire metric (texts: ${after.texts.slice(0, 3).join(' | ')})`,
    );
    assert.ok(!after.texts.includes('Escalation risk by presence and tolerance'), 'the old title is gone');
    assert.match(after.desc, /chance of a ceasefire or peace/, 'the text alternative follows the switch');
    assert.notEqual(after.markup, before.markup);
    const caption = await page.locator('#fig-chasm figcaption').textContent();
    assert.match(caption, /chance of a ceasefire or peace/, 'the figcaption follows the switch');

    await escalation.check();
    assert.ok((await mapTexts()).texts.includes('Escalation risk by presence and tolerance'), 'and back');
    o.assertClean();
  } finally {
    await o.close();
  }
});
