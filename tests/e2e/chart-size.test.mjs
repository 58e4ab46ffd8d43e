// Charts drawn for the width they are shown at (issue 12, part 4): in the
// page and in an embed, at 360, 600, 900 and 1280 px, chart text renders at
// a reading size (median 10–19 px, never above 24 px), no legend lies over
// the plotted data, and nothing scrolls sideways. Before, a drawing made for
// a phone or a desktop was scaled to its box, so a 600 px embed showed the
// phone drawing 1.7 times enlarged, with 28 px text and a legend over the
// curves. `CHART_SIZE_REPORT=1` prints the measured sizes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFigures, openPage, useBrowser } from './helpers.mjs';

const env = useBrowser();
const WIDTHS = [360, 600, 900, 1280];
const PLACES = [
  ['page', ''],
  ['embed', '?embed=1&show=outcomes,chasm,sensitivity'],
];

const FIGURES = ['fig-outcomes', 'fig-chasm', 'fig-sensitivity'];

/** Rendered text sizes and legend overlaps of one figure's chart. */
const measure = (page, id) =>
  page.evaluate((id) => {
    const overlap = (a, b) =>
      a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const svg = document.querySelector(`#${id} .chart svg`);
    // The rendered size of a text is its font size times the drawing's
    // scale (its box against its viewBox), which is what a reader sees.
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    // Data marks: plotters' lines and areas (legend swatches are <line>s).
    const data = [...svg.querySelectorAll('polyline, polygon, path')]
      .map((el) => el.getBoundingClientRect())
      .filter((b) => b.width > 0 || b.height > 0);
    const legends = [...svg.querySelectorAll('.legend')];
    const covered = legends.filter((legend) => data.some((d) => overlap(legend.getBoundingClientRect(), d))).length;
    return { sizes, covered, legends: legends.length };
  }, id);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

for (const [place, query] of PLACES) {
  test(`${place}: chart text is readable, legends stay off the data, no sideways scroll`, async () => {
    for (const width of WIDTHS) {
      const o = await openPage(env.browser, `${env.url}${query}`, { viewport: { width, height: 900 } });
      try {
        const { page } = o;
        const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
        assert.ok(scroll[0] <= scroll[1], `${place} ${width}: scrollWidth ${scroll[0]} <= ${scroll[1]}`);
        await loadFigures(page);
        for (const id of FIGURES) {
          // A figure out of view is not laid out (content-visibility):
          // bring it into view and let it draw for its box.
          await page.locator(`#${id}`).scrollIntoViewIfNeeded();
          await page.waitForTimeout(250);
          const c = await measure(page, id);
          const med = median(c.sizes);
          const max = Math.max(...c.sizes);
          if (process.env.CHART_SIZE_REPORT) {
            console.log(`${place} ${width} ${id}: median ${med.toFixed(1)} max ${max.toFixed(1)} px`);
          }
          assert.ok(med >= 10 && med <= 19, `${place} ${width} ${id}: median text ${med.toFixed(1)} px`);
          assert.ok(max <= 24, `${place} ${width} ${id}: largest text ${max.toFixed(1)} px`);
          assert.equal(c.covered, 0, `${place} ${width} ${id}: a legend covers data`);
          if (id === 'fig-outcomes') assert.equal(c.legends, 2, `${place} ${width}: both outcomes legends are marked`);
        }
        o.assertClean(`${place} at ${width}`);
      } finally {
        await o.close();
      }
    }
  });
}

test('a chart is redrawn for its new width when its box changes, and keeps it otherwise', async () => {
  const o = await openPage(env.browser, `${env.url}?embed=1&show=outcomes`, { viewport: { width: 1280, height: 900 } });
  try {
    const { page } = o;
    const drawnWidth = () => page.$eval('#fig-outcomes .chart svg', (svg) => svg.viewBox.baseVal.width);
    const wide = await drawnWidth();
    await page.setViewportSize({ width: 600, height: 900 });
    await page.waitForTimeout(300);
    const narrow = await drawnWidth();
    assert.ok(narrow < wide && narrow <= 600, `redrawn narrower: ${wide} -> ${narrow}`);
    // Within one step the drawing stays: a few pixels do not redraw it.
    const markup = await page.$eval('#fig-outcomes .chart', (c) => c.innerHTML);
    await page.setViewportSize({ width: 599, height: 900 });
    await page.waitForTimeout(300);
    const after = await page.$eval('#fig-outcomes .chart', (c) => c.innerHTML);
    assert.ok(after === markup || (await drawnWidth()) === narrow - 40, 'a redraw only on a step');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('the forecast layer draws dated markers off the legends, with its note, from nothing but this site', async () => {
  for (const width of [360, 1280]) {
    const o = await openPage(env.browser, env.url, { viewport: { width, height: 900 } });
    try {
      const { page } = o;
      await loadFigures(page);
      const note = page.locator('#fig-outcomes .figure-note');
      assert.equal(await note.isVisible(), false, 'the note waits for the layer');
      assert.equal(await page.locator('#fig-outcomes svg circle').count(), 0, 'no markers until asked');
      await page.locator('#fig-outcomes input[type="checkbox"]').check();
      await page.waitForTimeout(200);
      assert.equal(await note.isVisible(), true, 'the note shows with the layer');
      assert.equal(await note.locator('a[href="forecasts.html"]').count(), 1, 'it links to the table');
      const marks = await page.$$eval('#fig-outcomes svg circle.mark title', (ts) => ts.map((t) => t.textContent));
      assert.ok(marks.length >= 20, `${marks.length} markers`);
      assert.ok(marks.every((m) => /^.+, \d{4}-\d\d-\d\d: \d/.test(m)), marks.join('\n'));
      const c = await measure(page, 'fig-outcomes');
      assert.equal(c.covered, 0, `${width}: a legend covers data with the layer on`);
      const origin = new URL(env.url).origin;
      const elsewhere = o.requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
      assert.deepEqual(elsewhere, [], 'no request goes to another host');
      o.assertClean();
    } finally {
      await o.close();
    }
  }
});

test('the forecasts page shows the table and asks nothing of another host', async () => {
  const o = await openPage(env.browser, `${env.url}forecasts.html`, { wait: false });
  try {
    const { page } = o;
    await page.waitForSelector('table');
    const rows = await page.locator('table tbody tr').count();
    assert.ok(rows >= 20, `${rows} rows`);
    const origin = new URL(env.url).origin;
    assert.deepEqual(o.requests.filter((r) => !r.startsWith(origin)), [], 'no request goes to another host');
  } finally {
    await o.close();
  }
});
