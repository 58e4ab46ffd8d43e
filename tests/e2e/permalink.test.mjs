// The address bar is a permalink: it holds every input, reproduces the
// page exactly, and any damaged or hostile link still opens a working page.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULTS,
  INPUTS,
  PERCENT,
  PRESETS,
  QUERY_KEYS,
  SETTLE_BIG,
  HOSTILE,
  VERSION,
  headline,
  openPage,
  setSlider,
  sliderValues,
  useBrowser,
} from './helpers.mjs';

const env = useBrowser();

/** The whole text of both headline boxes: numbers, ranges and months. */
const headlineTexts = (page) =>
  page.$$eval('[data-testid="settlement"], [data-testid="escalation"], [data-testid="why"]', (els) =>
    els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()),
  );

/** Slider ranges, to check every value is a finite number inside them. */
const sliderState = (page) =>
  page.$$eval('input[type=range]', (inputs) =>
    inputs.map((i) => ({ id: i.id, value: i.value, min: i.min, max: i.max, valuetext: i.getAttribute('aria-valuetext') })),
  );

function assertSlidersValid(state, what) {
  for (const s of state) {
    const v = Number(s.value);
    assert.ok(Number.isFinite(v), `${what}: ${s.id} has a finite value (${s.value})`);
    assert.ok(v >= Number(s.min) && v <= Number(s.max), `${what}: ${s.id}=${s.value} lies in [${s.min}, ${s.max}]`);
    assert.ok((s.valuetext ?? '').trim().length > 0, `${what}: ${s.id} has aria-valuetext`);
  }
}

test('the URL follows the sliders and reopens the exact same page', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const { page } = o;
    const historyLength = await page.evaluate(() => history.length);
    await setSlider(page, 'presence', 2);
    await setSlider(page, 'momentum', 0.35);
    await setSlider(page, 'aid', 0.8);
    await setSlider(page, 'tolerance', 1);
    await setSlider(page, 'escalation', 0.65);
    await setSlider(page, 'horizon', 48);
    await setSlider(page, 'uncertainty', 0.25);
    await setSlider(page, 'russian_aims', 0.5);
    await setSlider(page, 'pressure', 0.15);
    await page.waitForTimeout(400);

    const url = new URL(page.url());
    const params = url.searchParams;
    for (const key of QUERY_KEYS) assert.ok(params.has(key), `the URL has "${key}" (${url.search})`);
    assert.ok(url.search.startsWith(`?v=${VERSION}&`), `the URL names the model version first (${url.search})`);
    assert.equal(params.get('pr'), '2');
    assert.equal(params.get('mo'), '0.35');
    assert.equal(params.get('ai'), '0.8');
    assert.equal(params.get('to'), '1');
    assert.equal(params.get('ep'), '0.65');
    assert.equal(params.get('ho'), '48');
    assert.equal(params.get('un'), '0.25');
    assert.equal(params.get('ra'), '0.5');
    assert.equal(params.get('ps'), '0.15');
    assert.equal(params.get('at'), DEFAULTS.attrition, 'untouched inputs are written too');
    assert.equal(params.get('ul'), DEFAULTS.ua_losses, 'untouched inputs are written too');
    assert.equal(
      await page.evaluate(() => history.length),
      historyLength,
      'the URL is replaced, not pushed: moving sliders does not fill the history',
    );

    const texts = await headlineTexts(page);
    const values = await sliderValues(page);
    const copy = await openPage(env.browser, url.href);
    try {
      assert.deepEqual(await sliderValues(copy.page), values, 'identical slider values');
      assert.deepEqual(await headlineTexts(copy.page), texts, 'identical headline, ranges and explanation');
      assert.equal(await copy.page.getByRole('status').count(), 0, 'a good permalink raises no notice');
      assert.equal(new URL(copy.page.url()).search, url.search, 'the reopened page keeps its URL');
      copy.assertClean('the reopened permalink');
    } finally {
      await copy.close();
    }
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('a URL with every key set is read exactly', async () => {
  // Every input away from its default, so that each key is seen to be read.
  const SET = {
    momentum: '-0.2',
    attrition: '0.7',
    aid: '0.45',
    presence: '4',
    staying: '90',
    pressure: '0.2',
    russian_aims: '0.3',
    tolerance: '2',
    losses: '0.6',
    russian_support: '0.9',
    escalation: '0.65',
    aims: '0.85',
    ua_losses: '0.8',
    horizon: '60',
    uncertainty: '0.25',
    credibility: '0.7',
    russian_staying: '24',
    kyiv_line: '0.35',
    kyiv_credibility: '0.8',
    revision: '4',
    assurance: '0.15',
    west_escalation: '0.6',
    severity: '1.5',
  };
  assert.deepEqual(Object.keys(SET).sort(), Object.keys(DEFAULTS).sort(), 'a value for every input');
  for (const [id, value] of Object.entries(SET)) assert.notEqual(value, DEFAULTS[id], `${id} is set away from its default`);
  const query = `?v=${VERSION}&${INPUTS.map((i) => `${i.key}=${SET[i.id]}`).join('&')}`;
  const o = await openPage(env.browser, env.url + query);
  try {
    const values = await sliderValues(o.page);
    assert.deepEqual(values, SET);
    assert.match(await o.page.locator('[data-testid="settlement"] .what').textContent(), /\bin 60 months$/);
    assert.match(await o.page.locator('[data-testid="escalation"] .what').textContent(), /\bwithin 60 months$/);
    assert.equal(await o.page.getByRole('status').count(), 0);
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('a garbage URL shows a notice, clamps presence to 5 and keeps a working page', async () => {
  const o = await openPage(env.browser, `${env.url}?mo=abc&pr=99&zz=1&ua=NaN`);
  try {
    const { page } = o;
    const notice = page.getByRole('status');
    assert.equal(await notice.count(), 1, 'one role=status notice');
    assert.ok(await notice.isVisible(), 'the notice is visible');
    const items = (await notice.locator('li').allTextContents()).map((t) => t.trim());
    const all = items.join('\n');
    assert.ok(items.length >= 4, `each problem is listed (got:\n${all})`);
    assert.match(all, /“mo”.*abc/, 'names the bad momentum value');
    assert.match(all, /“ua”.*NaN/, 'names the bad aims value');
    assert.match(all, /zz/, 'names the unknown key');
    assert.match(all, /Western troop presence after a ceasefire.*99.*5/, 'says presence was clamped to 5');

    assert.equal(await page.locator('#in-presence').inputValue(), '5', 'presence clamped to its maximum');
    assert.equal(await page.locator('#in-momentum').inputValue(), DEFAULTS.momentum, 'bad momentum → default');
    assert.equal(await page.locator('#in-aims').inputValue(), DEFAULTS.aims, 'NaN aims → default');
    assertSlidersValid(await sliderState(page), 'garbage URL');

    // The page still works: a slider moves the numbers (dropping the
    // presence Moscow rejects frees the talks).
    const before = await headline(page);
    await setSlider(page, 'presence', 0);
    await page.waitForFunction(([s, v]) => document.querySelector(s).textContent.trim() !== v, [SETTLE_BIG, before.settle]);
    // The address bar is cleaned up to a valid permalink.
    await page.waitForTimeout(400);
    const params = new URL(page.url()).searchParams;
    for (const key of QUERY_KEYS) assert.ok(params.has(key), `cleaned URL has ${key}`);
    assert.ok(!params.has('zz'), 'the unknown key is dropped from the URL');

    // The notice can be dismissed.
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.getByRole('status').count(), 0, 'Dismiss removes the notice');
    o.assertClean();
  } finally {
    await o.close();
  }
});

/** Sends the document request for a very long URL without its query. */
async function serveLongQueries(page) {
  await page.route(
    (url) => url.search.length > 8000,
    (route) => {
      const url = new URL(route.request().url());
      url.search = '';
      return route.continue({ url: url.href });
    },
  );
}

for (const { name, query, notice: expected } of HOSTILE) {
  test(`hostile URL (${name}) opens a working page with no error and no dialog`, async () => {
    const o = await openPage(env.browser, env.url + query, { wait: false, beforeGoto: serveLongQueries });
    try {
      const { page } = o;
      await page.waitForSelector(SETTLE_BIG, { timeout: 15_000 });
      await page.waitForTimeout(300);
      const numbers = await headline(page);
      assert.match(numbers.settle, PERCENT, `${name}: the settlement headline shows a % number`);
      assert.match(numbers.escalate, PERCENT, `${name}: the escalation headline shows a % number`);
      assertSlidersValid(await sliderState(page), name);
      const injected = await page.evaluate(() => ({
        scripts: document.querySelectorAll('body script').length,
        images: document.querySelectorAll('body img').length,
        crash: Boolean(document.querySelector('.crash')),
      }));
      assert.deepEqual(injected, { scripts: 0, images: 0, crash: false }, `${name}: nothing injected, no crash page`);
      const notice = page.getByRole('status');
      assert.equal(await notice.count(), 1, `${name}: the problems are reported in a notice`);
      const said = await notice.innerText();
      assert.match(said, expected, `${name}: the notice says what was wrong (got: ${said.slice(0, 300)})`);
      // Still interactive.
      await page.locator('[data-preset="breakthrough"]').click();
      assert.deepEqual(await sliderValues(page), PRESETS.breakthrough, `${name}: presets still work`);
      o.assertClean(name);
    } finally {
      await o.close();
    }
  });
}

test('a hostile link cannot flood the notice: each problem is listed once', async () => {
  const o = await openPage(env.browser, `${env.url}?${'pr=1&'.repeat(200)}`);
  try {
    const items = (await o.page.getByRole('status').locator('li').allTextContents()).map((t) => t.trim());
    const unique = new Set(items);
    assert.equal(
      items.length,
      unique.size,
      `the notice repeats itself: ${items.length} items, ${unique.size} distinct:\n${[...unique].join('\n')}`,
    );
    o.assertClean();
  } finally {
    await o.close();
  }
});

/** The notice's items, trimmed; none when no notice shows. */
const noticeItems = async (page) =>
  (await page.getByRole('status').locator('li').allTextContents()).map((t) => t.trim());

test('links carry the model version, and a link from another version or from 1.x says so', async () => {
  // A link from before versions (1.x wrote no `v`): the numbers may differ.
  const old = await openPage(env.browser, `${env.url}?pr=2&ai=0.8`);
  try {
    const { page } = old;
    const items = await noticeItems(page);
    assert.equal(
      items[0],
      `This link was made with model version 1.x; this page runs version ${VERSION}, so the numbers may differ from what its author saw.`,
      'the version notice comes first',
    );
    assert.equal(items.length, 1, `nothing else is wrong with the link: ${items.join('\n')}`);
    const values = await sliderValues(page);
    assert.deepEqual([values.presence, values.aid], ['2', '0.8'], 'its settings still apply');
    // The page's own permalink names this version, and reopens without a notice.
    await page.waitForFunction((v) => new URLSearchParams(location.search).get('v') === v, VERSION);
    const current = await openPage(env.browser, page.url());
    try {
      assert.equal(await current.page.getByRole('status').count(), 0, 'a current link shows no notice');
      assert.deepEqual(await sliderValues(current.page), values);
      current.assertClean('the current permalink');
    } finally {
      await current.close();
    }
    old.assertClean('a 1.x link');
  } finally {
    await old.close();
  }

  for (const [query, expected] of [
    ['?v=1.3.0&pr=2', /made with model version 1\.3\.0; this page runs version/],
    ['?v=%3Cb%3E9%3C/b%3E&pr=2', /not a version number \(“<b>9<\/b>”\); it was ignored/],
  ]) {
    const o = await openPage(env.browser, env.url + query);
    try {
      const items = await noticeItems(o.page);
      assert.match(items[0] ?? '', expected, query);
      assert.ok(!items.some((t) => t.includes('does not know')), `${query}: v is a known key`);
      assert.equal(await o.page.locator('.notice b').count(), 0, `${query}: shown as text, not markup`);
      o.assertClean(query);
    } finally {
      await o.close();
    }
  }

  // Links without numbers of their own (a plain page, a language, a story
  // step) have nothing that could differ.
  for (const query of ['', '?lang=en', '?story=2']) {
    const o = await openPage(env.browser, env.url + query);
    try {
      assert.equal(await o.page.getByRole('status').count(), 0, `no notice for "${query}"`);
      o.assertClean(query);
    } finally {
      await o.close();
    }
  }
});

test('the about section shows the model version and points to the methods page', async () => {
  const o = await openPage(env.browser, env.url);
  try {
    const line = o.page.locator('footer.about .version');
    assert.equal((await line.textContent()).trim(), `Model version ${VERSION} (see the methods page).`);
    assert.equal(await line.getByRole('link').getAttribute('href'), 'methods.html');
    o.assertClean();
  } finally {
    await o.close();
  }
});
