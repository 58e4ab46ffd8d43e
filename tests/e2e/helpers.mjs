// Shared setup for the end-to-end tests (tests/e2e/*.test.mjs): one static
// server and one browser per test file, a page per test in its own context,
// and the checks every test shares (no console error, no page error).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { after, before } from 'node:test';
import { serveDist } from './serve.mjs';
import { launch, newPage } from './browser.mjs';

/** Chromium warns that Trunk's `integrity` on `<link rel=preload>` is
 *  ignored; it is a warning about the browser, not a fault of the page. */
const KNOWN_NOISE = [/`integrity` attribute is currently ignored for preload/];

/**
 * The model's inputs as the page's sliders show them, in slider order:
 * { id, key, group, default }, key being the permalink's and default the
 * slider's value ('0.05', '3'). They come from the manifest the model's
 * one table of inputs prints (`cargo run --example inputs`, from
 * src/model/inputs.rs), so the tests follow the model when it gains an
 * input or changes a default, however its Rust is written.
 */
export const INPUTS = readManifest();

/** The default inputs, keyed by slider id (`spec().id`), as slider values. */
export const DEFAULTS = Object.fromEntries(INPUTS.map((i) => [i.id, i.default]));

/** The levers: every input outside the folded-away model settings (horizon
 *  and uncertainty width), i.e. the sliders shown in the groups. */
export const LEVERS = INPUTS.filter((i) => i.group !== 'Advanced').map((i) => i.id);

/** Every permalink key (the serde names of `Inputs` in src/model/inputs.rs). */
export const QUERY_KEYS = INPUTS.map((i) => i.key);

/** What some scenario presets put on the sliders (src/model/presets.rs). */
export const PRESETS = {
  coalition: { ...DEFAULTS, aid: '0.7', staying: '72' },
  neutrality: { ...DEFAULTS, aims: '0.1', presence: '1', tolerance: '1', aid: '0.7', staying: '72' },
  breakthrough: { ...DEFAULTS, presence: '0', momentum: '0.6', aid: '0.9', aims: '1' },
};

function readManifest() {
  const root = new URL('../../', import.meta.url);
  const json = execFileSync('cargo', ['run', '--quiet', '--example', 'inputs'], { cwd: root, encoding: 'utf8' });
  const inputs = JSON.parse(json).map(({ id, key, group, default: value }) => ({ id, key, group, default: value }));
  assert.ok(inputs.length > 0, 'the manifest lists the inputs');
  return inputs;
}

/** The model version (`VERSION` in src/model/mod.rs), which every link
 *  the page writes carries as `v=`; a link with another one, or an input
 *  key and none, opens with a notice. */
export const VERSION = readFileSync('src/model/mod.rs', 'utf8').match(/pub const VERSION: &str = "([^"]+)";/)[1];

/** What a headline number looks like: "43%", "1.2%", "under 0.1%". */
export const PERCENT = /^(under 0\.1|\d{1,3}(\.\d)?)%$/;

export const SETTLE_BIG = '[data-testid="settlement"] .big';
export const ESCALATE_BIG = '[data-testid="escalation"] .big';

/**
 * Registers before()/after() hooks that start one server and one browser
 * for the test file, and returns an object whose `url` and `browser` are
 * filled in once before() has run.
 */
export function useBrowser() {
  const env = { url: '', browser: null, server: null };
  before(async () => {
    env.server = await serveDist();
    env.url = env.server.url;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Opens `url` in a fresh context and records everything the tests check:
 * console errors and warnings (bar known noise), page errors, dialogs and
 * every request. Waits until the app has rendered its headline unless
 * `wait` is false, and has the rest of its text unless `rest` is false; `beforeGoto(page)` runs before navigation (e.g. to add
 * routes). `context`, when given, is the browser context to open the page
 * in (pages in one context share a service worker), and close() then
 * closes only the page. Close with `await opened.close()`.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {import('playwright-core').BrowserContextOptions & {wait?: boolean, context?: import('playwright-core').BrowserContext, beforeGoto?: (page: import('playwright-core').Page) => Promise<void>}} [options]
 */
export async function openPage(browser, url, { wait = true, rest = true, beforeGoto, context, ...contextOptions } = {}) {
  const page = context ? await context.newPage() : await newPage(browser, contextOptions);
  if (beforeGoto) await beforeGoto(page);
  const problems = [];
  const requests = [];
  const dialogs = [];
  page.on('console', (message) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const text = message.text();
    if (KNOWN_NOISE.some((re) => re.test(text))) return;
    problems.push(`console.${type}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('crash', () => problems.push('page crashed'));
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.goto(url);
  if (wait) await waitForApp(page, { rest });
  return {
    page,
    problems,
    requests,
    dialogs,
    /** Asserts that nothing went wrong on the page so far. */
    assertClean(what = 'the page') {
      assert.deepEqual(problems, [], `console or page errors on ${what}:\n${problems.join('\n')}`);
      assert.deepEqual(dialogs, [], `dialogs opened on ${what}:\n${dialogs.join('\n')}`);
    },
    close: () => (context ? page.close() : page.context().close()),
  };
}

/** Waits until the app has mounted and shows both headline numbers, and,
 *  unless `rest` is false, the rest of its text (the about footer,
 *  notices, captions) has arrived. The page sends for that rest on a
 *  reader's first scroll, touch, key or focus (src/i18n/mod.rs); a scroll
 *  event, which moves nothing, stands in for them. */
export async function waitForApp(page, { rest = true } = {}) {
  await page.waitForFunction(
    ([settle, escalate, re]) => {
      const pattern = new RegExp(re);
      const a = document.querySelector(settle)?.textContent?.trim() ?? '';
      const b = document.querySelector(escalate)?.textContent?.trim() ?? '';
      return pattern.test(a) && pattern.test(b);
    },
    [SETTLE_BIG, ESCALATE_BIG, PERCENT.source],
    { timeout: 15_000 },
  );
  if (!rest) return;
  await engage(page);
  await page.waitForFunction(() => document.getElementById('glossary') !== null, undefined, { timeout: 15_000 });
}

/**
 * Does what a reader's first scroll does once the app is up: sends for
 * what waits for it (the rest of English, figures within a screen). A
 * scroll event, which moves nothing, stands in for it; it works for a
 * page and an embed's frame alike.
 */
export async function engage(page) {
  await page.waitForSelector('#results', { state: 'attached' });
  await page.evaluate(() => window.dispatchEvent(new Event('scroll')));
}

/**
 * Brings each figure into view in turn, as a reader scrolling down would,
 * and waits until it has drawn: a figure draws nothing before it first
 * comes into view (src/ui/figures.rs). Ends scrolled back to the top.
 */
export async function showFigures(page) {
  await loadFigures(page);
  for (const id of ['fig-outcomes', 'fig-chasm', 'fig-sensitivity']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((f) => document.querySelector(`#${f} .chart svg`) !== null, id);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * The figures' module loads once the figures are on screen, or within a
 * screen of it after the reader's first scroll (at once on a screen that
 * shows a chart, on scrolling on a laptop or a phone): bring their
 * section into view and wait for them.
 * Scrolls back to the top.
 */
export async function loadFigures(page) {
  await page.waitForSelector('#results', { state: 'attached' });
  await page.evaluate(() => document.querySelector('#results').scrollIntoView());
  await page.waitForSelector('#fig-sensitivity', { state: 'attached' });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The two headline numbers, e.g. { settle: '43%', escalate: '1.0%' }. */
export async function headline(page) {
  return page.evaluate(
    ([s, e]) => ({
      settle: document.querySelector(s).textContent.trim(),
      escalate: document.querySelector(e).textContent.trim(),
    }),
    [SETTLE_BIG, ESCALATE_BIG],
  );
}

/** Every slider's value, keyed by id without the `in-` prefix. */
export async function sliderValues(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('input[type=range]')].map((i) => [i.id.replace(/^in-/, ''), i.value]),
    ),
  );
}

/** Sets a slider the way a drag does: value, then an `input` event. */
export async function setSlider(page, id, value) {
  await page.evaluate(
    ([id, value]) => {
      const input = document.getElementById(`in-${id}`);
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [id, value],
  );
}

/** The markup of the chart svg inside a figure (#fig-outcomes, …). */
export async function chartMarkup(page, figureId) {
  return page.evaluate((id) => document.querySelector(`#${id} .chart svg`)?.outerHTML ?? '', figureId);
}

/** Formats axe violations so a failure says what to fix and where. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** Percentile (nearest rank) of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Measures input-to-layout time in the page: for `moves` slider moves
 * spread round-robin over every input[type=range], each stepping its slider
 * one step up or down (alternately, so values oscillate around where they
 * started), it takes performance.now() before setting the value and
 * dispatching `input`, waits until the page has finished updating the DOM,
 * forces layout by reading document.body.offsetHeight and takes the time
 * again. Between moves it yields a frame, as a real drag does.
 *
 * Leptos does not update the DOM inside dispatchEvent: its render effects
 * run as microtasks (wasm-bindgen-futures' queue) straight after it. So the
 * clock keeps running through the microtask queue until the DOM has
 * changed and then stayed unchanged for QUIET further microtask turns
 * (mutations are read with MutationObserver.takeRecords()). This stays
 * within the same task, so no frame is painted in between and the time is
 * input → DOM updated → style and layout done.
 *
 * The sensitivity chart and the chasm map follow a move in a task of their
 * own (src/ui/browser.rs, use_deferred). So a second clock runs on to
 * every chart: over the next two frames, each later update is timed the
 * same way (DOM quiet, then a forced layout), and `complete[i]` is the time
 * from the input to the end of the last, or `samples[i]` if nothing
 * followed. Moves are sent just after a frame, so the deferred task
 * usually runs before the next one; in a real drag a frame may fall due
 * between the two tasks, and the two charts then show a frame later.
 *
 * Then it checks that the headline, a chart or the sliders' words changed
 * (`unchanged` lists moves that changed none of them), and lists in
 * `late` a move whose own part (headline, outcomes chart, sliders)
 * changed after the first clock stopped, or whose page changed a frame
 * after the second clock's two. The first `warmup` moves are not timed
 * (wasm and JIT tier-up).
 *
 * @returns {Promise<{samples: number[], complete: number[], ids: string[],
 *   sliders: string[], perSlider: Record<string, number>,
 *   unchanged: string[], late: string[]}>}
 *   samples[i] is the input-to-layout time in ms of a move of slider
 *   ids[i], complete[i] its time until every chart was updated.
 */
export async function measureInputToLayout(page, { moves = 100, warmup = 6 } = {}) {
  return page.evaluate(inputToLayoutInPage, { moves, warmup });
}

/**
 * The page side of {@link measureInputToLayout}, self-contained so that it
 * can be sent to any browser: Playwright's page.evaluate here, Selenium's
 * executeAsyncScript in the cross-engine tests (tests/e2e/engines).
 */
export async function inputToLayoutInPage({ moves, warmup }) {
  const QUIET = 20;
  const sliders = [...document.querySelectorAll('input[type=range]')];
  // What a move's own task updates, and the two charts that follow it in
  // a task of their own (src/ui/browser.rs, use_deferred).
  const immediate = [
    '[data-testid="settlement"]',
    '[data-testid="escalation"]',
    '#fig-outcomes .chart',
    // The slider's value in words: on a phone the charts are off screen
    // (and skip their redraw) and a small move may not shift the
    // rounded headline, but the moved slider's words always change.
    '.controls',
  ];
  const watched = [...immediate, '#fig-chasm .chart', '#fig-sensitivity .chart'];
  const read = (parts) => parts.map((s) => document.querySelector(s)?.innerHTML ?? '').join('\u0000');
  const snapshot = () => read(watched);
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  const everything = { subtree: true, childList: true, characterData: true, attributes: true };
  // Runs the microtask queue until `watcher` has recorded a change (or
  // `seen` says one came already) and then none for QUIET turns.
  const untilQuiet = async (watcher, seen) => {
    for (let quiet = 0, turns = 0; quiet < QUIET && turns < 10_000; turns++) {
      await Promise.resolve();
      if (watcher.takeRecords().length > 0) {
        seen = true;
        quiet = 0;
      } else if (seen) {
        quiet++;
      }
    }
  };
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, everything);
  let sink = 0;
  // The second clock: connected once the first has stopped, it times each
  // later update as the first clock does (until the DOM has stayed still
  // for QUIET microtask turns, then one forced layout) and keeps the time
  // of the last.
  let lastChange = 0;
  let draining = false;
  const follower = new MutationObserver(async () => {
    if (draining) return;
    draining = true;
    await untilQuiet(follower, true);
    sink += document.body.offsetHeight;
    lastChange = performance.now();
    draining = false;
  });
  // The direction each slider moves next: up unless it is at its maximum.
  const direction = new Map(sliders.map((s) => [s, Number(s.value) >= Number(s.max) ? -1 : 1]));
  const samples = [];
  const complete = [];
  const ids = [];
  const perSlider = {};
  const unchanged = [];
  const late = [];
  for (let k = 0; k < warmup + moves; k++) {
    const input = sliders[k % sliders.length];
    const step = Number(input.step) || 1;
    let dir = direction.get(input);
    let next = Number(input.value) + dir * step;
    if (next > Number(input.max) + 1e-9 || next < Number(input.min) - 1e-9) {
      dir = -dir;
      next = Number(input.value) + dir * step;
    }
    direction.set(input, -dir);
    // Round away float noise (0.55 + 0.05 = 0.6000000000000001).
    const value = String(Number(next.toFixed(6)));
    const before = snapshot();
    observer.takeRecords();
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await untilQuiet(observer, observer.takeRecords().length > 0);
    sink += document.body.offsetHeight;
    const t1 = performance.now();
    const ownTask = read(immediate);
    lastChange = t1;
    follower.observe(document.body, everything);
    await frame();
    await frame();
    follower.disconnect();
    const after = snapshot();
    await frame();
    if (after === before) unchanged.push(`${input.id}=${value}`);
    // Late: the move's own part changed after the first clock stopped, or
    // anything changed after the second clock's two frames.
    if (read(immediate) !== ownTask || snapshot() !== after) late.push(`${input.id}=${value}`);
    if (k >= warmup) {
      samples.push(t1 - t0);
      complete.push(lastChange - t0);
      ids.push(input.id);
      perSlider[input.id] = (perSlider[input.id] ?? 0) + 1;
    }
  }
  observer.disconnect();
  return { samples, complete, ids, sliders: sliders.map((s) => s.id), perSlider, unchanged, late, sink };
}

/** p50/p95/max/n of samples in milliseconds. */
export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
}

/** The five languages, English first. */
export const LANGS = ['en', 'uk', 'ru', 'fr', 'de'];

/** A catalogue as a key → value map (the format of src/i18n/mod.rs). For
 *  English, both the compiled-in part and the rest the page fetches.
 *  Glossary marks (`[[id|words]]`, src/text/terms.rs) read as their words,
 *  as the page shows them. */
export function catalogue(code) {
  const paths = code === 'en' ? ['src/i18n/en.txt', 'public/i18n/en.txt'] : [`public/i18n/${code}.txt`];
  const map = new Map();
  for (const path of paths) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trimStart().startsWith('#')) continue;
      const at = line.indexOf(' = ');
      if (at > 0) map.set(line.slice(0, at).trim(), line.slice(at + 3).trim().replace(/\[\[[^|\]]*\|([^\]]*)\]\]/g, '$1'));
    }
  }
  return map;
}

/** Hostile links: each must open a working page, run no script and raise
 *  no error. 100 KB exceeds what Node's HTTP server (and most real static
 *  hosts) accept in a request line, so for that one the Chromium tests
 *  serve the document request without its query while the page keeps the
 *  long URL, and the cross-engine tests' server accepts long request
 *  lines: what is tested is the app's own reading of location.search. */
export const HOSTILE = [
  { name: '100 KB query', query: `?${'pr=1&'.repeat(17_000)}${'x'.repeat(15_000)}`, notice: /too long/ },
  { name: 'malformed percent-encoding', query: '?mo=%E0%A4%A&pr=%E0%A4%A&%E0%A4%A=1&at=%', notice: /“mo”.*not a finite number/ },
  {
    name: 'script tag as a value',
    query: '?mo=<script>alert(1)</script>&pr=<img src=x onerror=alert(2)>',
    // Shown as text, not markup.
    notice: /<script>alert\(1\)<\/script/,
  },
  { name: 'script tag as a key', query: '?<script>alert(1)</script>=1&<img src=x onerror=alert(2)>=2', notice: /does not know \(<script>/ },
  { name: 'Infinity', query: '?pr=Infinity&mo=-Infinity&at=inf', notice: /“pr”.*Infinity/ },
  { name: '-1e309', query: '?mo=-1e309&pr=1e309&ho=-1e309', notice: /“mo”.*-1e309/ },
  { name: 'unknown keys only', query: '?foo=1&bar=2&baz', notice: /foo, bar, baz/ },
];

/** Width, height and the inflated image data of a PNG, checked as it is read. */
export function readPng(bytes) {
  const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(bytes.subarray(0, 8).equals(SIGNATURE), 'PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR', 'IHDR comes first');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat = [];
  let seenEnd = false;
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') seenEnd = true;
    at += 12 + length;
  }
  assert.ok(seenEnd, 'PNG ends with IEND');
  return { width, height, data: inflateSync(Buffer.concat(idat)) };
}
