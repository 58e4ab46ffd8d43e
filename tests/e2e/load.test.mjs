// The page loads from the release build and shows everything a reader
// needs: title, headline, the slider groups, labelled sliders and three
// charts with text alternatives, without calling any other host.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, INPUTS, PERCENT, headline, openPage, showFigures, useBrowser } from './helpers.mjs';

const env = useBrowser();
const TITLE = 'Red Lines: how the war in Ukraine could end, or escalate';

test('page loads with its title, heading, intro and headline numbers', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    assert.equal(await page.title(), TITLE);
    const h1 = page.locator('h1');
    assert.equal(await h1.count(), 1, 'exactly one h1');
    assert.equal((await h1.textContent()).trim(), TITLE);
    assert.ok(await h1.isVisible(), 'the h1 is visible');
    const intro = (await page.locator('.masthead .intro').textContent()) ?? '';
    assert.match(intro, /not a forecast/, 'the intro says the model is not a forecast');
    const numbers = await headline(page);
    assert.match(numbers.settle, PERCENT);
    assert.match(numbers.escalate, PERCENT);
    // A page without problems in its link shows no notice.
    assert.equal(await page.getByRole('status').count(), 0, 'no notice for a plain URL');
    assert.equal(await page.locator('#unsupported').isVisible(), false, 'no notice of a missing SIMD');
    o.assertClean();
  } finally {
    await o.close();
  }
});

// The model's WebAssembly uses SIMD (src/model/simulate/pair.rs): a
// browser without it cannot compile the module, and must say so rather
// than show a page without sliders. The test browser has SIMD, so the
// check it runs is made to fail.
test('a browser without WebAssembly SIMD is told which browsers run the model', async () => {
  const o = await openPage(env.browser, env.url, {
    wait: false,
    beforeGoto: (page) =>
      page.addInitScript(() => {
        const validate = WebAssembly.validate;
        WebAssembly.validate = (bytes) => (bytes.length < 64 ? false : validate(bytes));
      }),
  });
  try {
    const notice = o.page.locator('#unsupported');
    await notice.waitFor({ state: 'visible' });
    assert.match(await notice.textContent(), /WebAssembly with SIMD.*Safari since 16\.4/s);
    assert.equal(await notice.getAttribute('role'), 'alert');
  } finally {
    await o.close();
  }
});

test('slider groups are fieldsets with the debate legends', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const legends = await o.page.$$eval('fieldset > legend', (ls) => ls.map((l) => l.textContent.trim()));
    // The group titles (src/i18n/en.txt, group.*), by the model's groups.
    const TITLES = {
      Battlefield: 'Battlefield realities',
      Western: 'Western support',
      Russian: "Russia's aims and limits",
      Ukrainian: "Ukraine's aims and limits",
    };
    for (const title of Object.values(TITLES)) {
      assert.ok(legends.includes(title), `a fieldset legend "${title}" (found: ${legends.join(' | ')})`);
    }
    // Each group legend holds at least one slider, and each lever sits in
    // its model group (`spec().group` in src/model/inputs.rs).
    const groups = await o.page.$$eval('fieldset.group', (fs) =>
      fs.map((f) => [
        f.querySelector('legend')?.textContent.trim(),
        [...f.querySelectorAll('input[type=range]')].map((i) => i.id.replace(/^in-/, '')),
      ]),
    );
    for (const [legend, ids] of groups) assert.ok(ids.length > 0, `fieldset "${legend}" has sliders`);
    const found = Object.fromEntries(groups);
    for (const [group, title] of Object.entries(TITLES)) {
      const expected = INPUTS.filter((i) => i.group === group).map((i) => i.id);
      assert.deepEqual(found[title]?.slice().sort(), expected.slice().sort(), `the sliders under "${title}"`);
    }
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('every slider is a native range input with a visible label and aria-valuetext', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    // The model settings are folded away in a <details>; open it so their
    // labels can be seen.
    await page.locator('details.advanced > summary').click();
    const sliders = await page.$$eval('input[type=range]', (inputs) =>
      inputs.map((input) => {
        const visible = (el) => {
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
            && Number(style.opacity) > 0;
        };
        const labels = [...(input.labels ?? [])];
        return {
          id: input.id,
          type: input.type,
          value: input.value,
          labels: labels.length,
          labelText: labels.map((l) => l.textContent.trim()).join(' '),
          labelVisible: labels.some(visible),
          valuetext: input.getAttribute('aria-valuetext') ?? '',
          visible: visible(input),
        };
      }),
    );
    assert.deepEqual(
      sliders.map((s) => s.id).sort(),
      Object.keys(DEFAULTS).map((id) => `in-${id}`).sort(),
      'one slider per model input, with id in-<spec.id>',
    );
    for (const s of sliders) {
      assert.equal(s.type, 'range', `${s.id} is input[type=range]`);
      assert.ok(s.labels > 0, `${s.id} has an associated <label> (input.labels.length > 0)`);
      assert.ok(s.labelText.length > 0, `${s.id}'s label has text`);
      assert.ok(s.labelVisible, `${s.id}'s label is visible`);
      assert.ok(s.visible, `${s.id} is visible`);
      assert.ok(s.valuetext.trim().length > 0, `${s.id} has a non-empty aria-valuetext`);
      assert.equal(s.value, DEFAULTS[s.id.slice(3)], `${s.id} starts at its default`);
    }
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('three chart figures, each an svg role=img with a title and a figcaption', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    await showFigures(o.page);
    const figures = await o.page.$$eval('.figure', (fs) =>
      fs.map((f) => {
        const svg = f.querySelector('svg');
        const title = svg ? [...svg.children].find((c) => c.tagName.toLowerCase() === 'title') : null;
        return {
          id: f.id,
          svg: Boolean(svg),
          role: svg?.getAttribute('role') ?? null,
          title: title?.textContent.trim() ?? '',
          caption: f.querySelector('figcaption')?.textContent.trim() ?? '',
          shapes: svg ? svg.querySelectorAll('rect, path, polygon, polyline, line, circle').length : 0,
        };
      }),
    );
    assert.deepEqual(
      figures.map((f) => f.id),
      ['fig-outcomes', 'fig-chasm', 'fig-sensitivity'],
      'the three chart figures, in order',
    );
    for (const f of figures) {
      assert.ok(f.svg, `${f.id} contains an svg`);
      assert.equal(f.role, 'img', `${f.id}'s svg has role=img`);
      assert.ok(f.title.length > 0, `${f.id}'s svg has a non-empty <title>`);
      assert.ok(f.caption.length > 20, `${f.id} has a figcaption text alternative (got "${f.caption}")`);
      assert.ok(f.shapes > 10, `${f.id}'s svg has drawn marks (${f.shapes})`);
    }
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('no request leaves the loopback server', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    await page.waitForLoadState('networkidle');
    // Interact a little, in case something is fetched lazily.
    await page.locator('[data-preset="coalition"]').click();
    await page.locator('details.table > summary').first().click();
    await page.waitForTimeout(400);
    const origin = new URL(env.url).origin;
    assert.ok(o.requests.length >= 3, `the page requested its files (${o.requests.length})`);
    const elsewhere = o.requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      return new URL(u).origin !== origin;
    });
    assert.deepEqual(elsewhere, [], `requests to other hosts than ${origin}`);
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('social preview: Open Graph and Twitter card tags, and a 1200×630 image shipped in public/', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    const meta = async (attr, key) => page.locator(`meta[${attr}="${key}"]`).getAttribute('content');
    assert.match(await meta('property', 'og:title'), /Red Lines/);
    assert.match(await meta('property', 'og:description'), /not a forecast/);
    assert.equal(await meta('name', 'twitter:card'), 'summary_large_image');
    const image = await meta('property', 'og:image');
    assert.equal(await meta('name', 'twitter:image'), image);
    const response = await page.request.get(new URL(image, env.url).href);
    assert.equal(response.status(), 200, `${image} is served`);
    const png = await response.body();
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'the image is a PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], 'the card size');
    o.assertClean();
  } finally {
    await o.close();
  }
});
