// Moving the levers changes the numbers and the charts: keyboard, direct
// value changes, presets, reset and the chasm map's metric switch.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULTS,
  ESCALATE_BIG,
  PERCENT,
  SETTLE_BIG,
  chartMarkup,
  headline,
  openPage,
  sliderValues,
  useBrowser,
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

test('presence slider, moved with the keyboard, changes the escalation headline and redraws the outcomes chart', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    const presence = page.locator('#in-presence');
    const before = await headline(page);
    const chartBefore = await chartMarkup(page, 'fig-outcomes');
    assert.equal(await presence.inputValue(), '0');

    await presence.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await presence.inputValue(), '1', 'ArrowRight moves presence one rung');
    const escalate = await textChanges(page, ESCALATE_BIG, before.escalate);
    assert.match(escalate, PERCENT);
    assert.notEqual(escalate, before.escalate, 'the escalation headline changed');
    const chartAfter = await chartMarkup(page, 'fig-outcomes');
    assert.ok(chartAfter.includes('role="img"'), 'the outcomes chart is still an svg image');
    assert.notEqual(chartAfter, chartBefore, 'the outcomes chart was redrawn');

    // The value is named in words: the rung of the presence ladder.
    const valuetext = await presence.getAttribute('aria-valuetext');
    assert.match(valuetext, /^Trainers and advisers/, `aria-valuetext names the rung (got "${valuetext}")`);
    const shown = await page.locator('#in-presence').locator('xpath=..').locator('output').textContent();
    assert.match(shown, /Trainers and advisers/, 'the visible value names the rung');
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
    const start = await headline(page);
    const chart0 = await chartMarkup(page, 'fig-outcomes');

    // Playwright's fill() sets the value and fires input and change.
    await presence.fill('4');
    assert.equal(await presence.inputValue(), '4');
    const afterFill = await textChanges(page, ESCALATE_BIG, start.escalate);
    const chart1 = await chartMarkup(page, 'fig-outcomes');
    assert.notEqual(chart1, chart0, 'fill(): the outcomes chart was redrawn');
    assert.match(await presence.getAttribute('aria-valuetext'), /^Tripwire brigades near the line/);

    // What a drag does: set .value and dispatch a bubbling input event.
    await presence.evaluate((input) => {
      input.value = '2';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const afterEvent = await textChanges(page, ESCALATE_BIG, afterFill);
    assert.notEqual(afterEvent, afterFill, 'input event: the escalation headline changed');
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
      ['breakthrough', 'coalition', 'fatigue', 'frozen', 'neutrality', 'today'],
      'the six presets',
    );
    assert.equal(initial.today, 'true', 'the defaults are "Positions today"');
    for (const [id, value] of Object.entries(initial)) if (id !== 'today') assert.equal(value, 'false', id);

    const before = await headline(page);
    await page.locator('[data-preset="coalition"]').click();
    assert.equal(await page.locator('#in-presence').inputValue(), '3', 'coalition puts presence on rung 3');
    assert.equal(await page.locator('#in-aid').inputValue(), '0.7');
    assert.equal(await page.locator('#in-staying').inputValue(), '72');
    const after = await pressed();
    assert.equal(after.coalition, 'true', 'the coalition button is pressed');
    for (const [id, value] of Object.entries(after)) if (id !== 'coalition') assert.equal(value, 'false', id);
    await textChanges(page, ESCALATE_BIG, before.escalate);
    const now = await headline(page);
    assert.notEqual(now.escalate, before.escalate, 'the escalation number changed');
    assert.notEqual(now.settle, before.settle, 'the settlement number changed');

    // Moving any slider away from the scenario releases the button.
    await page.locator('#in-momentum').fill('0.5');
    assert.equal((await pressed()).coalition, 'false', 'a moved slider un-presses the preset');
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
    assert.match(await page.locator('#in-presence').getAttribute('aria-valuetext'), /^None/);
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('the chasm map switch redraws the map by settlement likelihood', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    const mapTexts = () =>
      page.$eval('#fig-chasm .chart svg', (svg) => ({
        texts: [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()),
        desc: svg.querySelector('desc')?.textContent ?? '',
        markup: svg.outerHTML,
      }));
    const escalation = page.getByRole('radio', { name: 'Escalation risk' });
    const settlement = page.getByRole('radio', { name: 'Settlement likelihood' });
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
      after.texts.includes('Settlement likelihood by presence and tolerance'),
      `the map title inside the svg names settlement likelihood (texts: ${after.texts.slice(0, 3).join(' | ')})`,
    );
    assert.ok(!after.texts.includes('Escalation risk by presence and tolerance'), 'the old title is gone');
    assert.match(after.desc, /settlement likelihood/, 'the text alternative follows the switch');
    assert.notEqual(after.markup, before.markup);
    const caption = await page.locator('#fig-chasm figcaption').textContent();
    assert.match(caption, /settlement likelihood/, 'the figcaption follows the switch');

    await escalation.check();
    assert.ok((await mapTexts()).texts.includes('Escalation risk by presence and tolerance'), 'and back');
    o.assertClean();
  } finally {
    await o.close();
  }
});
