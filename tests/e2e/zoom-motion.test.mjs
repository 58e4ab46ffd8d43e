// Zoom, motion, focus and colour (WCAG 1.4.10 reflow, 2.3.3 animation from
// interactions, 2.4.7 focus visible, 1.4.1 use of colour): the page works
// at 200% zoom without sideways scrolling, moves nothing for readers who
// ask for reduced motion, always shows where keyboard focus is, and says in
// words what its colours mean.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, openPage, showFigures, useBrowser } from './helpers.mjs';

const env = useBrowser();

/** A 1280×900 screen at 200% zoom: half the CSS pixels, twice the density. */
const ZOOM_200 = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** Opens every <details> without moving focus. */
const openAllDetails = (page) =>
  page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });

/** Both headline boxes' full text: numbers, ranges and horizon. */
const headlineText = (page) =>
  page.$$eval('[data-testid="settlement"], [data-testid="escalation"]', (els) =>
    els.map((e) => e.textContent.trim()).join(' | '),
  );

/** Elements whose right edge passes the viewport, for failure messages. */
const overflowing = (page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 0.5;
      })
      .slice(0, 15)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
  });

const scrollWidths = (page) =>
  page.evaluate(() => ({
    html: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    client: document.documentElement.clientWidth,
  }));

test('at 200% zoom nothing scrolls sideways and every slider can be reached and set by keyboard', async () => {
  const o = await openPage(env.browser, env.url, ZOOM_200);
  try {
    const { page } = o;
    assert.equal(await page.evaluate(() => devicePixelRatio), 2, 'the zoom emulation is in effect');
    const checkWidth = async (when) => {
      const w = await scrollWidths(page);
      const detail = `${when}: scrollWidth html ${w.html}, body ${w.body}, viewport ${w.client}; too wide: ${(await overflowing(page)).join(', ')}`;
      assert.ok(w.html <= 640 && w.body <= 640, `no horizontal scrolling ${detail}`);
    };
    await checkWidth('as loaded');
    await openAllDetails(page);
    await checkWidth('with every <details> open');

    // Reachable: Tab alone visits every slider.
    const sliderIds = await page.$$eval('input[type=range]', (inputs) => inputs.map((i) => i.id));
    assert.equal(sliderIds.length, Object.keys(DEFAULTS).length, 'one slider per model input');
    const tabbed = new Set();
    for (let i = 0; i < 80 && tabbed.size < sliderIds.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => (document.activeElement?.type === 'range' ? document.activeElement.id : ''));
      if (id) tabbed.add(id);
    }
    assert.deepEqual(
      sliderIds.filter((id) => !tabbed.has(id)),
      [],
      'sliders that Tab never reached at 200% zoom',
    );

    for (const id of sliderIds) {
      // From a scenario where every lever matters: one that proposes a
      // Western presence, without which Moscow's tolerance changes nothing.
      await page.locator('[data-preset="coalition"]').click();
      const slider = page.locator(`#${id}`);
      await slider.focus();
      await slider.scrollIntoViewIfNeeded();
      const place = await slider.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {
          left: box.left,
          right: box.right,
          width: box.width,
          height: box.height,
          top: box.top,
          bottom: box.bottom,
          onTop: hit === el || el.contains(hit) || (el.labels && [...el.labels].some((l) => l.contains(hit))),
          hit: hit ? `${hit.tagName.toLowerCase()}${hit.className ? `.${String(hit.className).split(' ').join('.')}` : ''}` : 'nothing',
          min: el.min,
          max: el.max,
        };
      });
      assert.ok(place.width >= 44 && place.height > 0, `${id} is a usable size (${place.width}×${place.height})`);
      assert.ok(place.left >= 0 && place.right <= 640, `${id} lies within the 640px viewport (${place.left}–${place.right})`);
      assert.ok(place.top >= 0 && place.bottom <= 450, `${id} scrolls fully into view (${place.top}–${place.bottom})`);
      assert.ok(place.onTop, `${id} is not covered by another element (the point at its centre is ${place.hit})`);

      await page.keyboard.press('Home');
      assert.equal(Number(await slider.inputValue()), Number(place.min), `Home sets ${id} to its minimum`);
      const low = await headlineText(page);
      await page.keyboard.press('End');
      assert.equal(Number(await slider.inputValue()), Number(place.max), `End sets ${id} to its maximum`);
      await page.waitForFunction(
        (before) =>
          [...document.querySelectorAll('[data-testid="settlement"], [data-testid="escalation"]')]
            .map((e) => e.textContent.trim())
            .join(' | ') !== before,
        low,
        { timeout: 5_000 },
      ).catch(() => {});
      assert.notEqual(await headlineText(page), low, `moving ${id} from its minimum to its maximum changes the headline`);
    }
    await checkWidth('after using every slider');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('with prefers-reduced-motion: reduce, no element has a transition or an animation', async () => {
  const o = await openPage(env.browser, env.url, { ...DESKTOP, reducedMotion: 'reduce' });
  try {
    const { page } = o;
    assert.equal(
      await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches),
      true,
      'the reduced-motion emulation is in effect',
    );
    await openAllDetails(page);
    // Hover and focus states can carry their own transitions.
    await page.locator('[data-preset]').first().hover();
    await page.locator('input[type=range]').first().focus();
    const moving = await page.evaluate(() => {
      const zero = (value) => value.split(',').every((v) => v.trim() === 'auto' || parseFloat(v) === 0);
      const out = [];
      let sampled = 0;
      for (const el of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(el, pseudo);
          if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
          sampled++;
          const transition = style.transitionDuration;
          const animation = style.animationDuration;
          if (!zero(transition) || !zero(animation)) {
            const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''}${pseudo ?? ''}`;
            out.push(`${name}: transition-duration ${transition}, animation-duration ${animation}`);
          }
        }
      }
      return { out, sampled, scroll: getComputedStyle(document.documentElement).scrollBehavior };
    });
    assert.ok(moving.sampled > 100, `sampled the whole page (${moving.sampled} elements)`);
    assert.deepEqual(moving.out, [], 'elements that still transition or animate under reduced motion');
    assert.notEqual(moving.scroll, 'smooth', 'no smooth scrolling under reduced motion');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('keyboard focus is visible on each of the first 40 Tab stops', async () => {
  const o = await openPage(env.browser, env.url, DESKTOP);
  try {
    const { page } = o;
    await openAllDetails(page);
    const stops = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return null;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        const outline =
          style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
        const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
        return {
          name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
          visible: outline || shadow,
          onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
          style: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow ${style.boxShadow}`,
        };
      });
      // Past the last stop focus leaves the document: the cycle is done.
      if (!f || (stops.length > 0 && f.name === stops[0].name)) break;
      stops.push(f);
    }
    assert.ok(stops.length >= 20, `Tab visited the page's controls (${stops.length} stops)`);
    const hidden = stops.filter((f) => !f.visible).map((f) => `${f.name}: ${f.style}`);
    assert.deepEqual(hidden, [], 'Tab stops without a visible focus indicator (outline or box-shadow)');
    const offscreen = stops.filter((f) => !f.onScreen).map((f) => f.name);
    assert.deepEqual(offscreen, [], 'Tab stops that stay off screen when focused');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('colour is never the only carrier of meaning: charts and numbers are labelled in words', async () => {
  const o = await openPage(env.browser, env.url, DESKTOP);
  try {
    const { page } = o;
    await showFigures(page);
    const words = await page.evaluate(() =>
      Object.fromEntries(
        ['fig-outcomes', 'fig-chasm', 'fig-sensitivity'].map((id) => [
          id,
          [...document.querySelectorAll(`#${id} .chart svg text`)].map((t) => t.textContent.trim()).join(' | '),
        ]),
      ),
    );
    const expect = {
      // Each series of the outcome lines is named in a legend.
      'fig-outcomes': [
        'Ceasefire holding or durable peace',
        'A ceasefire reached',
        'A ceasefire broke down',
        'Still fighting',
        'Escalated',
        'Months from now',
      ],
      // The heat map's axes are named and its colour scale has numbers: it
      // runs from 0% to a round top that follows the map's highest value.
      'fig-chasm': ['presence', 'tolerance', '0%', /(^| )[1-9]\d*%( |$)/],
      // The two bar colours are named.
      'fig-sensitivity': ['Lever one step down', 'Lever one step up', 'Change (percentage points)'],
    };
    for (const [id, needed] of Object.entries(expect)) {
      for (const word of needed) {
        const found = typeof word === 'string' ? words[id].includes(word) : word.test(words[id]);
        assert.ok(found, `${id}'s svg has <text> "${word}" (its texts: ${words[id] || 'none'})`);
      }
    }
    // Each number's label names what it counts (src/i18n/en.txt, headline.*).
    const WORD = { settlement: 'ceasefire', escalation: 'escalation' };
    const labels = await page.evaluate(() =>
      ['settlement', 'escalation'].map((id) => {
        const box = document.querySelector(`[data-testid="${id}"]`);
        const big = box?.querySelector('.big');
        // The words shown with the number, outside the number itself (not
        // the unseen copy that holds the label's room).
        const shown = [...(box?.children ?? [])].filter(
          (c) => c !== big && c.getBoundingClientRect().height > 0 && getComputedStyle(c).visibility !== 'hidden',
        );
        const text = shown.map((c) => c.textContent).join(' ');
        return { id, text, shown: shown.length };
      }),
    );
    for (const { id, text, shown } of labels) {
      assert.match(text, new RegExp(WORD[id], 'i'), `the ${id} number has a visible text label that says "${WORD[id]}" (got "${text.trim()}")`);
      assert.ok(shown > 0, `the ${id} label is rendered`);
    }
    o.assertClean();
  } finally {
    await o.close();
  }
});
