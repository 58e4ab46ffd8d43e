// Layout: a phone gets no sideways scrolling and charts that fit, a desktop
// gets wide charts, dark mode changes the colours, the headline numbers do
// not shift the layout as they change, and touch works.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEVERS, PRESETS, openPage, setSlider, showFigures, sliderValues, useBrowser } from './helpers.mjs';

const env = useBrowser();
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

const chartWidths = (page) =>
  page.$$eval('.figure .chart svg', (svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      return { figure: svg.closest('.figure').id, left: box.left, right: box.right, width: box.width };
    }),
  );

test('at 360×780 on a phone there is no sideways scrolling and every chart fits', async () => {
  const o = await openPage(env.browser, env.url, PHONE);
  try {
    const { page } = o;
    await showFigures(page);
    const widths = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      inner: innerWidth,
    }));
    assert.equal(widths.inner, 360, 'the layout viewport is the device width');
    assert.ok(widths.doc <= 360, `document scrollWidth ${widths.doc} <= 360`);
    assert.ok(widths.body <= 360, `body scrollWidth ${widths.body} <= 360`);

    const charts = await chartWidths(page);
    assert.equal(charts.length, 3, 'three charts');
    for (const c of charts) {
      assert.ok(c.width > 200, `${c.figure}: the chart is drawn (${c.width}px wide)`);
      assert.ok(c.width <= 360, `${c.figure}: svg width ${c.width} <= 360`);
      assert.ok(c.left >= 0 && c.right <= 360, `${c.figure}: svg lies inside the screen (${c.left}..${c.right})`);
    }

    // body has overflow-x: hidden, which would hide (not prevent) content
    // poking out to the right; check that nothing visible does.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => {
          if (el.closest('.visually-hidden, details:not([open]) > :not(summary)')) return false;
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && box.right > innerWidth + 0.5;
        })
        .slice(0, 10)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} right=${el.getBoundingClientRect().right}`),
    );
    assert.deepEqual(overflowing, [], 'no visible element reaches past the right edge');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('at 1280×900 the charts are wider than 500 px', async () => {
  const o = await openPage(env.browser, env.url, DESKTOP);
  try {
    await showFigures(o.page);
    assert.equal((await chartWidths(o.page)).length, 3);
    // Each in view when measured: figures far below the fold skip their
    // layout (content-visibility: auto) and measure nothing.
    for (const id of ['fig-outcomes', 'fig-chasm', 'fig-sensitivity']) {
      await o.page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const [c] = (await chartWidths(o.page)).filter((c) => c.figure === id);
      assert.ok(c.width > 500, `${c.figure}: ${c.width}px > 500`);
    }
    const scroll = await o.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= 1280, `no sideways scrolling on a desktop (${scroll})`);
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('dark colour scheme changes the page colours', async () => {
  const colours = async (colorScheme) => {
    const o = await openPage(env.browser, env.url, { ...DESKTOP, colorScheme });
    try {
      const c = await o.page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        panel: getComputedStyle(document.querySelector('.headline')).backgroundColor,
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
      }));
      o.assertClean(`${colorScheme} mode`);
      return c;
    } finally {
      await o.close();
    }
  };
  const light = await colours('light');
  const dark = await colours('dark');
  assert.equal(light.dark, false);
  assert.equal(dark.dark, true);
  assert.notEqual(dark.body, light.body, `body background differs (light ${light.body}, dark ${dark.body})`);
  assert.notEqual(dark.text, light.text, 'text colour differs');
  assert.notEqual(dark.panel, light.panel, 'panel background differs');
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  assert.ok(luminance(dark.body) < luminance(light.body), 'the dark background is darker');
});

/** Values that move the numbers a lot, including the horizon (which
 *  changes the "within N months" text) and the width of uncertainty. */
const MOVES = [
  ['presence', 5],
  ['momentum', -1],
  ['presence', 1],
  ['horizon', 120],
  ['momentum', 1],
  ['uncertainty', 1],
  ['presence', 0],
  ['horizon', 6],
  ['aid', 0],
  ['escalation', 1],
  ['tolerance', 5],
  ['attrition', 0],
];

for (const [name, options] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
]) {
  test(`headline numbers do not shift the layout when they change (${name})`, async () => {
    const o = await openPage(env.browser, env.url, options);
    try {
      const { page } = o;
      await page.evaluate(() => {
        window.__shift = { total: 0, entries: [] };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            window.__shift.total += entry.value;
            window.__shift.entries.push({
              value: entry.value,
              sources: (entry.sources ?? []).map((s) => {
                const n = s.node;
                return n ? `${n.nodeName.toLowerCase()}${n.className ? `.${n.className.baseVal ?? n.className}` : ''}` : '?';
              }),
            });
          }
        }).observe({ type: 'layout-shift', buffered: false });
      });
      const box = () =>
        page.$eval('[data-testid="settlement"]', (el) => {
          const r = el.getBoundingClientRect();
          return { height: r.height, top: r.top + scrollY };
        });
      const start = await box();
      const seen = new Set();
      for (const [id, value] of MOVES) {
        await setSlider(page, id, value);
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        seen.add(await page.locator('[data-testid="settlement"] .big').textContent());
        const now = await box();
        assert.equal(now.height, start.height, `settlement box keeps its height after ${id}=${value}`);
        assert.equal(now.top, start.top, `settlement box stays put after ${id}=${value}`);
      }
      assert.ok(seen.size >= 4, `the number changed (${[...seen].join(', ')})`);
      await page.waitForTimeout(300);
      const shift = await page.evaluate(() => window.__shift);
      const detail = shift.entries.map((e) => `${e.value.toFixed(4)} ${e.sources.join(' ')}`).join('\n');
      console.log(`CLS ${name} total=${shift.total.toFixed(4)} entries=${shift.entries.length}${detail ? `\n${detail}` : ""}`);
      assert.ok(shift.total < 0.05, `cumulative layout shift ${shift.total.toFixed(4)} < 0.05:\n${detail}`);
      o.assertClean();
    } finally {
      await o.close();
    }
  });
}

test('tapping a preset works on a touch screen', async () => {
  const o = await openPage(env.browser, env.url, PHONE);
  try {
    const { page } = o;
    assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'a touch device');
    const button = page.locator('[data-preset="coalition"]');
    const size = await button.boundingBox();
    assert.ok(size.height >= 24 && size.width >= 24, `the preset is a big enough target (${size.width}×${size.height})`);
    await page.tap('[data-preset="coalition"]');
    assert.equal(await button.getAttribute('aria-pressed'), 'true', 'the tapped preset is pressed');
    assert.deepEqual(await sliderValues(page), PRESETS.coalition, 'the tap moved the sliders to the scenario');
    await page.tap('[data-preset="neutrality"]');
    assert.equal(await page.locator('[data-preset="neutrality"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('#in-presence').inputValue(), '1');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('print: one A4 page with the numbers, the settings in words and all three charts', async () => {
  const o = await openPage(env.browser, `${env.url}?pr=3`, { viewport: { width: 1280, height: 900 } });
  try {
    const { page } = o;
    await page.emulateMedia({ media: 'print' });
    // Browsers fire beforeprint when printing; charts off screen redraw on it.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.waitForTimeout(200);
    const shown = await page.evaluate(() => {
      // Rendered at all: an element inside a hidden parent has no boxes.
      const visible = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).length;
      return {
        charts: visible('.figure .chart svg'),
        ranges: visible('input[type=range]'),
        values: visible('.slider .value'),
        presets: visible('.presets'),
      };
    });
    // Every lever's value in words; the folded-away model settings stay out.
    assert.deepEqual(shown, { charts: 3, ranges: 0, values: LEVERS.length, presets: 0 }, 'what the printout shows');
    const escalation = await page.locator('#fig-chasm svg title').textContent();
    assert.match(escalation, /chasm map/i);
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, `the summary fits one page (got ${pages})`);
    o.assertClean();
  } finally {
    await o.close();
  }
});
