// The cross-engine suite: what a reader does with the page, run in one
// engine over the release build (dist/). firefox.test.mjs and
// webkit.test.mjs each call engineSuite() once; Chromium keeps its own,
// larger suite in tests/e2e/*.test.mjs. One browser per file, as there;
// tests open their pages in it one after the other.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test as nodeTest } from 'node:test';
import { AxeBuilder } from '@axe-core/webdriverjs';
import { By, Key, Select } from 'selenium-webdriver';
import { launch } from '../browser.mjs';
import {
  DEFAULTS,
  HOSTILE,
  INPUTS,
  LEVERS,
  PERCENT,
  PRESETS,
  QUERY_KEYS,
  SETTLE_BIG,
  VERSION,
  catalogue,
  formatViolations,
  inputToLayoutInPage,
  openPage,
  readPng,
  summarise,
} from '../helpers.mjs';
import { serveDist } from '../serve.mjs';
import { startEngine } from './driver.mjs';
import { PROBE, Session } from './session.mjs';

const require = createRequire(import.meta.url);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BUDGET_MS = 16;
const TARGET_MS = 8;
/** The text of both headline boxes and the sentence under them. */
const HEADLINE_TEXTS = '[data-testid="settlement"], [data-testid="escalation"], [data-testid="why"]';

/** Everything on the page a slider move may change, as one string: the
 *  headline, the sliders' words and the captions of the charts. */
function fingerprint() {
  return [
    ...document.querySelectorAll('[data-testid="settlement"], [data-testid="escalation"], .controls output, figcaption'),
  ]
    .map((e) => e.textContent.trim())
    .join('\u0000');
}

/** Waits until {@link fingerprint} differs from `before`. */
async function changed(s, before, what) {
  try {
    await s.driver.wait(async () => (await s.js(fingerprint)) !== before, 10_000);
  } catch (error) {
    throw new Error(`${s.engine}: ${what} did not happen: ${error.message}`);
  }
}

/** The first problem a page recorded, if it is the fault WebKit's
 *  WebAssembly shows now and then early in a page's life (README, "Known
 *  problem"): a trap on a memory access, the allocator finding its own
 *  heap corrupted, or a value said to come from another thread, which
 *  cannot happen on the page's one thread unless its memory is corrupt.
 *  A panic of the page's own (a disposed signal read, an unwrap) does not
 *  match. */
async function engineFault(s) {
  let first = '';
  try {
    first = (await s.js(() => window.__probe?.problems?.[0] ?? '')) || '';
  } catch {
    return null;
  }
  const fault =
    /RuntimeError: Out of bounds memory access|assertion failed: psize [<>]= size [+] (min|max)_overhead|SendWrapper<T> variable from a thread different/;
  return fault.test(first) ? first.replace(/\s+/g, ' ').slice(0, 240) : null;
}

/** Registers the whole suite for `engine` ('firefox' or 'webkit'). */
export function engineSuite(engine) {
  const env = { server: null, url: '', s: /** @type {Session} */ (null), quit: null };
  /** node:test's `test`, except that in WebKit a test that failed because
   *  its page hit the engine's fault ({@link engineFault}) runs once more,
   *  from a new page, and says so in its output: one rare engine fault
   *  should not fail the suite, and the same failure twice still does.
   *  `cargo xtask test` counts these lines by their last words
   *  (RERUN_MARK in xtask/src/proc.rs). */
  const test = (title, fn) =>
    nodeTest(title, async (t) => {
      try {
        return await fn(t);
      } catch (error) {
        const fault = engine === 'webkit' ? await engineFault(env.s) : null;
        if (!fault) throw error;
        t.diagnostic(`WebKit's WebAssembly fault (${fault}): running the test once more`);
        return await fn(t);
      }
    });
  before(async () => {
    // Long request lines are accepted so that the 100 KB hostile link
    // reaches the page; Selenium cannot rewrite a request as Playwright does.
    env.server = await serveDist({ probe: PROBE, maxHeaderSize: 256 * 1024 });
    env.url = env.server.url;
    const started = await startEngine(engine);
    env.quit = started.quit;
    env.s = new Session(engine, started.driver);
  });
  after(async () => {
    await env.quit?.();
    await env.server?.close();
  });
  const name = engine === 'firefox' ? 'Firefox' : 'WebKit';

  test(`${name}: the page loads with its title, heading and headline, from its own host, with no console error`, async () => {
    const { s } = env;
    await s.open(env.url);
    const title = catalogue('en').get('page.title');
    assert.equal(await s.driver.getTitle(), title);
    const h1 = await s.js(() => [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()));
    assert.deepEqual(h1, [title], 'exactly one h1, the title');
    const numbers = await s.headline();
    assert.match(numbers.settle, PERCENT);
    assert.match(numbers.escalate, PERCENT);
    // Three figures, once their code has arrived (it loads on demand, as
    // the reader nears them: a 1280×900 window's first screen ends just
    // above them); a figure draws once it first comes into view.
    await s.figures();
    await s.waitFor(() => document.querySelectorAll('figure').length >= 3, [], { what: 'the chart figures' });
    const figures = await s.js(() => document.querySelectorAll('figure').length);
    assert.equal(figures, 3, 'three chart figures');
    // The headline's three figures can push the charts below the first
    // screen of a small window: bring the first into view and let it draw.
    await s.js(() => document.querySelector('figure').scrollIntoView());
    await s
      .waitFor(() => document.querySelectorAll('figure svg[role=img]').length >= 1, [], { what: 'a chart in view to draw' })
      .catch(() => {});
    const drawn = await s.js(() => [...document.querySelectorAll('figure svg[role=img]')].length);
    assert.ok(drawn >= 1 && drawn <= 3, `the charts in view are drawn (${drawn})`);
    const elsewhere = await s.js((origin) =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin),
      new URL(env.url).origin,
    );
    assert.deepEqual(elsewhere, [], 'requests to other hosts');
    await s.assertClean();
  });

  test(`${name}: the methods page draws its equations as MathML, fractions stacked, with no console error`, async () => {
    const { s } = env;
    await s.open(`${env.url}methods.html`, { wait: false });
    await s.waitFor(() => document.querySelectorAll('main math').length > 0, [], { what: 'the equations' });
    const layout = await s.js(() => {
      const box = (e) => e.getBoundingClientRect();
      const fractions = [...document.querySelectorAll('main math[display="block"] mfrac')];
      return {
        blocks: document.querySelectorAll('main math[display="block"]').length,
        stacked: fractions.filter((f) => box(f.children[0]).bottom <= box(f.children[1]).top + 1).length,
        fractions: fractions.length,
        empty: [...document.querySelectorAll('main math')].filter((m) => box(m).width < 4 || box(m).height < 4).length,
      };
    });
    assert.ok(layout.blocks >= 20, `display equations (${layout.blocks})`);
    assert.ok(layout.fractions >= 5, `fractions (${layout.fractions})`);
    assert.equal(layout.stacked, layout.fractions, 'every fraction is stacked, as MathML lays it out');
    assert.equal(layout.empty, 0, 'every equation is drawn');
    await s.assertClean('the methods page');
  });

  test(`${name}: the headline and its explanation say, to the character, what Chromium says`, async () => {
    const { s } = env;
    // The model is plain f64 arithmetic in WebAssembly and the numbers are
    // written by Intl.NumberFormat: the same in every engine, or a bug.
    const links = ['', `?v=${VERSION}&pr=1&mo=0.3&ai=0.8&ra=0.4&ho=60`, `?v=${VERSION}&pr=4&lang=fr`, '?lang=uk&story=5'];
    const chromium = await launch();
    try {
      for (const link of links) {
        const o = await openPage(chromium, env.url + link, { wait: !link.includes('lang=') });
        let expected;
        try {
          if (link.includes('lang=')) {
            await o.page.waitForFunction(
              ([l, sel]) => document.documentElement.lang === l && /\d/.test(document.querySelector(sel)?.textContent ?? ''),
              [link.match(/lang=(\w+)/)[1], SETTLE_BIG],
            );
          }
          expected = await o.page.$$eval(HEADLINE_TEXTS, (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
          o.assertClean(`Chromium ${link}`);
        } finally {
          await o.close();
        }
        await s.open(env.url + link, { wait: !link.includes('lang=') });
        if (link.includes('lang=')) {
          // Numbers in French or Ukrainian are not written as the English
          // wait expects; wait for the language and the numbers instead.
          await s.waitFor(
            (l, sel) => document.documentElement.lang === l && /\d/.test(document.querySelector(sel)?.textContent ?? ''),
            [link.match(/lang=(\w+)/)[1], SETTLE_BIG],
            { what: `the page in ${link}` },
          );
        }
        const texts = await s.js(
          (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.replace(/\s+/g, ' ').trim()),
          HEADLINE_TEXTS,
        );
        assert.deepEqual(texts, expected, `${name} and Chromium agree on "${link || '(defaults)'}"`);
        await s.assertClean(link);
      }
    } finally {
      await chromium.close();
    }
  });

  test(`${name}: every slider follows the keyboard (arrows, Home, End) and the page follows the slider`, async () => {
    const { s } = env;
    const { driver } = s;
    await s.open(env.url);
    await driver.findElement(By.css('details.advanced > summary')).click();
    for (const input of INPUTS) {
      const id = `in-${input.id}`;
      const range = await s.js((id) => {
        const i = document.getElementById(id);
        i.scrollIntoView({ block: 'center' });
        i.focus();
        return { value: Number(i.value), min: Number(i.min), max: Number(i.max), step: Number(i.step) || 1 };
      }, id);
      assert.equal(await s.js(() => document.activeElement.id), id, `${id} takes focus`);
      const press = async (key, expected, what) => {
        const before = await s.js(fingerprint);
        await driver.actions().sendKeys(key).perform();
        await s.waitFor((id, v) => Math.abs(Number(document.getElementById(id).value) - v) < 1e-9, [id, expected], {
          what: `${id} = ${expected} after ${what}`,
        });
        await changed(s, before, `the page to follow ${id} after ${what}`);
      };
      const up = range.value + range.step <= range.max + 1e-9;
      const next = Number((range.value + (up ? range.step : -range.step)).toFixed(6));
      await press(up ? Key.ARROW_RIGHT : Key.ARROW_LEFT, next, up ? 'ArrowRight' : 'ArrowLeft');
      await press(Key.END, range.max, 'End');
      await press(Key.HOME, range.min, 'Home');
      const valuetext = await s.js((id) => document.getElementById(id).getAttribute('aria-valuetext'), id);
      assert.ok(valuetext?.trim(), `${id} names its value in words`);
    }
    await s.assertClean();
  });

  test(`${name}: every slider follows the pointer, by a click on its track and by a drag of its thumb`, async () => {
    const { s } = env;
    const { driver } = s;
    await s.open(env.url);
    await driver.findElement(By.css('details.advanced > summary')).click();
    for (const input of INPUTS) {
      const id = `in-${input.id}`;
      await s.scrollIntoView(`#${id}`);
      const element = await driver.findElement(By.id(id));
      const { width } = await element.getRect();
      const range = await s.js((id) => {
        const i = document.getElementById(id);
        return { value: Number(i.value), min: Number(i.min), max: Number(i.max) };
      }, id);
      const span = range.max - range.min;
      // Offsets from the slider's centre to 3 px inside either end.
      const edge = Math.floor(width / 2) - 3;
      const ends = range.value - range.min > span / 2 ? [-edge, edge] : [edge, -edge];
      const near = (x) => (x < 0 ? range.min : range.max);
      const settle = async (x, what) => {
        const want = near(x);
        await s.waitFor((id, want, span) => Math.abs(Number(document.getElementById(id).value) - want) <= span / 10, [id, want, span], {
          what: `${id} near ${want} after ${what}`,
        });
      };
      // A click on the far end of the track, then a drag of the thumb
      // from there to the other end.
      let before = await s.js(fingerprint);
      await driver.actions().move({ origin: element, x: ends[0], y: 0 }).click().perform();
      await settle(ends[0], 'a click');
      await changed(s, before, `the page to follow a click on ${id}`);
      before = await s.js(fingerprint);
      await driver
        .actions()
        .move({ origin: element, x: ends[0], y: 0 })
        .press()
        .move({ origin: element, x: 0, y: 0, duration: 100 })
        .move({ origin: element, x: ends[1], y: 0, duration: 100 })
        .release()
        .perform();
      await settle(ends[1], 'a drag');
      await changed(s, before, `the page to follow a drag of ${id}`);
    }
    // Pointer moves land in the address bar like any other.
    await s.waitFor(() => new URLSearchParams(location.search).has('pr'), [], { what: 'the URL to follow the sliders' });
    await s.assertClean();
  });

  test(`${name}: presets set their sliders and press their button; reset restores every default`, async () => {
    const { s } = env;
    const { driver } = s;
    await s.open(env.url);
    for (const [preset, values] of Object.entries(PRESETS)) {
      const before = await s.js(fingerprint);
      await s.scrollIntoView(`[data-preset="${preset}"]`);
      await driver.findElement(By.css(`[data-preset="${preset}"]`)).click();
      assert.deepEqual(await s.sliderValues(), values, `${preset} sets its sliders and leaves the rest at the defaults`);
      const pressed = await s.js(() =>
        Object.fromEntries([...document.querySelectorAll('[data-preset]')].map((b) => [b.dataset.preset, b.getAttribute('aria-pressed')])),
      );
      for (const [id, value] of Object.entries(pressed)) assert.equal(value, String(id === preset), `aria-pressed of ${id} after ${preset}`);
      await changed(s, before, `the page to follow ${preset}`);
    }
    await s.scrollIntoView('button.reset');
    await driver.findElement(By.css('button.reset')).click();
    assert.deepEqual(await s.sliderValues(), DEFAULTS, 'reset restores every default');
    await s.assertClean();
  });

  test(`${name}: the URL follows the sliders and reopens the exact same page`, async () => {
    const { s } = env;
    const { driver } = s;
    await s.open(env.url);
    const set = { presence: '2', momentum: '0.35', aid: '0.8', tolerance: '1', horizon: '48', russian_aims: '0.5', pressure: '0.15' };
    for (const [id, value] of Object.entries(set)) await s.setSlider(id, value);
    await s.waitFor(() => new URLSearchParams(location.search).get('ps') === '0.15', [], { what: 'the URL to catch up' });
    const url = new URL(await driver.getCurrentUrl());
    for (const key of QUERY_KEYS) assert.ok(url.searchParams.has(key), `the URL has "${key}" (${url.search})`);
    assert.ok(url.search.startsWith(`?v=${VERSION}&`), 'the URL names the model version first');
    const values = await s.sliderValues();
    for (const [id, value] of Object.entries(set)) assert.equal(values[id], value, id);
    const texts = await s.js((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.replace(/\s+/g, ' ').trim()), HEADLINE_TEXTS);
    await s.assertClean('the page before the link was reopened');

    await s.open(url.href);
    assert.deepEqual(await s.sliderValues(), values, 'identical slider values');
    const again = await s.js((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.replace(/\s+/g, ' ').trim()), HEADLINE_TEXTS);
    assert.deepEqual(again, texts, 'identical headline, ranges and explanation');
    const notices = await s.js(() => [...document.querySelectorAll('[role=status]')].filter((n) => n.getClientRects().length).map((n) => n.textContent));
    assert.deepEqual(notices, [], 'a good permalink raises no notice');
    assert.equal(new URL(await driver.getCurrentUrl()).search, url.search, 'the reopened page keeps its URL');
    await s.assertClean('the reopened permalink');
  });

  test(`${name}: the language menu translates the page, keeps the choice in the URL and over a reload`, async () => {
    const { s } = env;
    const { driver } = s;
    const waitForLanguage = (code) =>
      s.waitFor(
        (lang, text) => document.documentElement.lang === lang && document.querySelector('.controls h2')?.textContent?.trim() === text,
        [code, catalogue(code).get('levers.title')],
        { timeout: 15_000, what: `the page in ${code}` },
      );
    await s.open(`${env.url}?pr=4`);
    const uk = catalogue('uk');
    await new Select(await driver.findElement(By.id('language'))).selectByValue('uk');
    await waitForLanguage('uk');
    await s.waitFor(() => location.search.includes('lang=uk'), [], { what: 'lang=uk in the URL' });
    assert.ok((await driver.getCurrentUrl()).includes('pr=4'), 'the state survives the switch');
    // A figure draws once it first comes into view.
    await s.figures();
    await s.js(() => document.getElementById('fig-outcomes').scrollIntoView());
    await s.waitFor(() => document.querySelector('#fig-outcomes .chart svg') !== null, [], { what: 'the outcomes chart drawn' });
    const seen = await s.js(() => ({
      label: document.querySelector('label[for="in-presence"]').textContent.trim(),
      value: document.querySelector('output[for="in-presence"]').textContent.trim(),
      chart: document.querySelector('#fig-outcomes .chart').innerHTML,
    }));
    assert.equal(seen.label, uk.get('input.presence.label'));
    assert.ok(seen.value.startsWith(uk.get('rung.4')), `presence reads as a Ukrainian rung name: ${seen.value}`);
    assert.ok(seen.chart.includes(uk.get('chart.outcomes.top')), 'the outcomes chart speaks Ukrainian');
    await s.assertClean('the switch to Ukrainian');
    await s.reload({ wait: false });
    await waitForLanguage('uk');
    await new Select(await driver.findElement(By.id('language'))).selectByValue('en');
    await waitForLanguage('en');
    assert.equal(await s.js(() => document.querySelector('.masthead h1').textContent.trim()), catalogue('en').get('page.title'));
    await s.assertClean('the switch back to English');
  });

  test(`${name}: an embed in a cross-site page with the real pym.js takes its height and shows only its parts`, async () => {
    const { s } = env;
    const { driver } = s;
    const pym = await readFile(require.resolve('pym.js/dist/pym.v1.min.js'));
    const src = `${env.url}?v=${VERSION}&pr=2&ai=0.8&embed=1&show=headline,chasm`;
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title><link rel="icon" href="data:,">
<script src="/probe.js"></script><script src="/seen.js"></script></head>
<body><main><h1>An article that embeds Red Lines</h1><div id="container"></div><p>After the embed.</p></main>
<script src="/pym.js"></script><script src="/parent.js"></script></body></html>`;
    const files = {
      '/': ['text/html; charset=utf-8', page],
      '/probe.js': ['text/javascript', PROBE],
      '/seen.js': ['text/javascript', "window.seen = []; addEventListener('message', (e) => seen.push(e.data));"],
      '/pym.js': ['text/javascript', pym],
      '/parent.js': ['text/javascript', `window.pymParent = new pym.Parent('container', ${JSON.stringify(src)}, { title: 'Red Lines' });`],
    };
    // Another loopback address: the iframe is cross-site, as on a real host.
    const host = createServer((req, res) => {
      const file = files[new URL(req.url ?? '/', 'http://host').pathname];
      if (file) res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
      else res.writeHead(404).end();
    });
    await new Promise((ok) => host.listen(0, '127.0.0.2', ok));
    try {
      await driver.manage().window().setRect({ width: 700, height: 900 });
      await s.open(`http://127.0.0.2:${host.address().port}/`, { wait: false });
      const iframe = await driver.wait(async () => (await driver.findElements(By.css('#container iframe')))[0], 10_000);
      const iframeSrc = new URL(await iframe.getAttribute('src'));
      for (const p of ['initialWidth', 'childId', 'parentTitle', 'parentUrl']) assert.ok(iframeSrc.searchParams.has(p), `pym added ${p}`);
      let last;
      const deadline = Date.now() + 15_000;
      for (;;) {
        await driver.switchTo().frame(iframe);
        const inner = await s.js(() => ({
          ready: Boolean(document.querySelector('[data-testid="settlement"] .big')?.textContent.trim()),
          body: document.body.offsetHeight,
          scroll: document.documentElement.scrollHeight,
          view: innerHeight,
        }));
        await driver.switchTo().defaultContent();
        const outer = (await iframe.getRect()).height;
        last = { outer, ...inner };
        if (inner.ready && Math.abs(outer - inner.body) <= 3 && inner.scroll <= inner.view + 1 && outer > 100) break;
        assert.ok(Date.now() < deadline, `the iframe never fitted its page: ${JSON.stringify(last)}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
      const seen = await s.js(() => window.seen);
      assert.ok(seen.length > 0, 'the embed sent its height');
      for (const m of seen) assert.match(String(m), /^pymxPYMx[^x]+xPYMxheightxPYMx\d+$/, 'pym height messages only');
      await s.assertClean('the host page');

      await driver.switchTo().frame(iframe);
      const shown = await s.js(() =>
        ['.headline', '.presets', '.controls', '#fig-outcomes', '#fig-chasm', '#fig-sensitivity', '.masthead .intro', '.language', '.share'].filter(
          (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0),
        ),
      );
      assert.deepEqual(shown, ['.headline', '#fig-chasm'], 'only the chosen parts, and no page chrome');
      const values = await s.sliderValues();
      assert.deepEqual([values.presence, values.aid], ['2', '0.8'], 'the embed reads its state');
      await s.assertClean('the embedded page');
    } finally {
      await driver.switchTo().defaultContent();
      await driver.manage().window().setRect({ width: 1280, height: 900 });
      host.closeAllConnections?.();
      await new Promise((ok) => host.close(ok));
    }
  });

  test(`${name}: the share panel copies a link that reopens the view, or selects it where the clipboard refuses`, async (t) => {
    const { s } = env;
    const { driver } = s;
    await s.open(`${env.url}?pr=2`);
    await s.scrollIntoView('details.share > summary');
    await driver.findElement(By.css('details.share > summary')).click();
    await s.waitFor(() => document.getElementById('share-link') !== null, [], {
      what: "the share panel's contents, which load the first time it opens",
    });
    await s.setSlider('aid', 0.9);
    const copy = await driver.findElement(By.xpath("//details[contains(@class, 'share')]//button[normalize-space() = 'Copy link']"));
    await s.scrollIntoView('#share-link');
    await copy.click();
    const copied = catalogue('en').get('share.copied_link');
    const outcome = await s.waitFor(
      (ok) => {
        const text = document.querySelector('details.share').textContent;
        return text.includes(ok) ? 'copied' : /Could not copy/.test(text) ? 'refused' : null;
      },
      [copied],
      { what: 'the share panel to say whether it copied' },
    );
    const link = await s.js(() => document.getElementById('share-link').value);
    const url = new URL(link);
    assert.equal(url.searchParams.get('ai'), '0.9', 'the link holds the state');
    assert.equal(url.searchParams.get('pr'), '2');
    if (outcome === 'copied') {
      const read = await s.jsAsync(() => navigator.clipboard.readText().catch((e) => `unreadable: ${e.name}`));
      if (read.startsWith('unreadable')) {
        t.diagnostic(`${name} copied, but a page may not read the clipboard back under automation (${read}); checked the field instead`);
      } else {
        assert.equal(read, link, 'the clipboard holds the link the field shows');
      }
    } else {
      // The fallback a reader gets where writing to the clipboard is refused.
      t.diagnostic(`${name} refused clipboard.writeText under automation; checked the fallback (the link selected for copying by hand)`);
      const selection = await s.js(() => {
        const f = document.activeElement;
        return { id: f.id, whole: f.selectionStart === 0 && f.selectionEnd === f.value.length };
      });
      assert.deepEqual(selection, { id: 'share-link', whole: true }, 'the link is focused and selected');
    }
    // Where writing is refused in any engine (a permission prompt
    // declined, a policy), the text is selected for copying by hand.
    await s.js(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await driver.findElement(By.xpath("//details[contains(@class, 'share')]//button[normalize-space() = 'Copy embed code']")).click();
    await s.waitFor(() => /Could not copy/.test(document.querySelector('details.share').textContent), [], { what: 'the fallback' });
    const selected = await s.js(() => {
      const f = document.activeElement;
      return { id: f.id, whole: f.selectionStart === 0 && f.selectionEnd === f.value.length && f.value.length > 100 };
    });
    assert.deepEqual(selected, { id: 'share-code', whole: true }, 'a refused copy selects the embed code');
    const values = await s.sliderValues();
    await s.assertClean('the share panel');
    await s.open(link);
    assert.deepEqual(await s.sliderValues(), values, 'the shared link reproduces every slider');
    await s.assertClean('the shared link');
  });

  test(`${name}: each chart exports an SVG that parses, a PNG that decodes and a CSV with a row a month`, async () => {
    const { s } = env;
    const { driver } = s;
    await s.open(env.url);
    // Each sheet prints the page's address, which the page rewrites into a
    // full permalink soon after loading: export after that, so that the
    // SVG and the PNG describe the same sheet.
    await s.waitFor(() => location.search.startsWith('?v='), [], { what: 'the permalink in the address bar' });
    // The page hands each file to the browser through a temporary link to
    // an object URL; the test takes the file there (the Blob behind the
    // link), as download folders and prompts differ by engine and are not
    // the page's doing. The Blob is read directly: the page's policy
    // (connect-src 'self') rightly keeps fetch() away from blob: URLs.
    await s.js(() => {
      const blobs = new Map();
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob) => {
        const url = create.call(URL, blob);
        blobs.set(url, blob);
        return url;
      };
      window.__downloads = [];
      HTMLAnchorElement.prototype.click = function () {
        if (this.hasAttribute('download')) window.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
      };
    });
    await s.figures();
    const take = async (figure, what, title) => {
      await s.scrollIntoView(`#${figure} .export`);
      const label = `Download ${what}: ${title}`;
      const n = await s.js(() => window.__downloads.length);
      await driver.findElement(By.css(`#${figure} .export button[aria-label="${label}"]`)).click();
      await s.waitFor((n) => window.__downloads.length > n, [n], { what: label });
      const file = await s.jsAsync(async () => {
        const { name, blob } = window.__downloads.at(-1);
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return { name, base64: btoa(binary) };
      });
      return { name: file.name, bytes: Buffer.from(file.base64, 'base64') };
    };
    for (const [figure, stem, title] of [
      ['fig-outcomes', 'outcomes', 'Outcomes over time'],
      ['fig-chasm', 'chasm-map', 'The chasm map'],
      ['fig-sensitivity', 'sensitivity', 'What moves the numbers'],
    ]) {
      const svg = await take(figure, 'SVG', title);
      assert.equal(svg.name, `red-lines-${stem}.svg`);
      const parsed = await s.js((source) => {
        const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: root.localName,
          width: Number(root.getAttribute('width')),
          height: Number(root.getAttribute('height')),
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        };
      }, svg.bytes.toString('utf8'));
      assert.equal(parsed.error, null, `${stem}.svg parses as XML`);
      assert.equal(parsed.root, 'svg');
      assert.equal(parsed.texts[0], title, 'the title is on top');
      assert.ok(parsed.texts.includes(`Model version ${VERSION}`), 'the model version');

      const png = await take(figure, 'PNG', title);
      assert.equal(png.name, `red-lines-${stem}.png`);
      const image = readPng(png.bytes);
      assert.deepEqual([image.width, image.height], [2 * parsed.width, 2 * parsed.height], `${stem}.png is twice the sheet's size`);
      assert.ok(image.data.length >= image.height * (1 + 3 * image.width), 'the image data covers every row');
      assert.ok(new Set(image.data.subarray(0, 400_000)).size > 64, `${stem}.png is not blank`);

      const csv = await take(figure, 'CSV', title);
      const rows = csv.bytes.toString('utf8').trimEnd().split('\r\n');
      assert.equal(rows[0].split(',').at(-1), 'model_version', 'the version is the last column');
      if (stem === 'outcomes') assert.equal(rows.length, 1 + 37, 'a header and months 0 to 36');
      if (stem === 'chasm-map') assert.equal(rows.length, 1 + 16 * 16, 'a row per grid point');
      if (stem === 'sensitivity') assert.equal(rows.length, 1 + LEVERS.length, 'a row per lever');
    }
    await s.assertClean('exporting every chart');
  });

  test(`${name}: after one visit the page reloads and works with its server gone, through the service worker`, async (t) => {
    const { s } = env;
    // A server of its own, shut down half-way.
    const server = await serveDist({ probe: PROBE });
    let closed = false;
    try {
      await s.open(server.url);
      await s.jsAsync(() => navigator.serviceWorker.ready.then(() => true));
      // The worker claims open pages when it activates; reload once if the
      // claim has not reached this page yet.
      const controlled = () => s.js(() => Boolean(navigator.serviceWorker.controller));
      // The worker claims open pages when it activates, but the probe
      // script (not part of the bundle) only reaches its cache by passing
      // through it: one reload online does both.
      await s.waitFor(() => Boolean(navigator.serviceWorker.controller), [], { what: 'the worker to claim the page' }).catch(() => {});
      await s.reload();
      assert.ok(await controlled(), 'the service worker controls the page');
      await s.waitFor(() => caches.match('/__probe.js').then(Boolean), [], { what: 'the probe in the worker\'s cache' });
      // Every file of the precache list is in the cache before going offline.
      await s.waitFor(
        () =>
          caches.keys().then(async (keys) => {
            const cache = await caches.open(keys.find((k) => k.startsWith('red-lines-')));
            return (await cache.keys()).length > 5;
          }),
        [],
        { what: 'the precache' },
      );
      await s.assertClean('the first visit');
      await server.close();
      closed = true;

      await s.reload();
      const before = await s.headline();
      assert.match(before.settle, PERCENT, 'offline, the settlement number renders');
      // The server is gone and sent everything as no-store, so only the
      // worker can have answered. The navigation's timing says so too in
      // Chromium; Firefox, and WebKit on a reload, leave workerStart at 0.
      assert.ok(await controlled(), 'the reloaded page is controlled by the service worker');
      const workerStart = await s.js(() => performance.getEntriesByType('navigation')[0]?.workerStart ?? null);
      if (!(workerStart > 0)) {
        t.diagnostic(`${name} reports workerStart ${workerStart} for a reload its service worker answered; checked the controller instead`);
      }
      await s.setSlider('momentum', 1);
      await s.waitFor((was, sel) => document.querySelector(sel)?.textContent.trim() !== was, [before.settle, SETTLE_BIG], {
        what: 'the headline to follow a slider offline',
      });
      await s.assertClean('the offline page');
    } finally {
      if (!closed) await server.close();
    }
  });

  for (const { name: hostile, query, notice } of HOSTILE) {
    test(`${name}: hostile URL (${hostile}) opens a working page with no error and no dialog`, async () => {
      const { s } = env;
      const { driver } = s;
      await s.open(env.url + query, { wait: false });
      await s.waitFor((sel) => document.querySelector(sel)?.textContent.trim(), [SETTLE_BIG], { timeout: 20_000, what: 'the headline' });
      const numbers = await s.headline();
      assert.match(numbers.settle, PERCENT);
      assert.match(numbers.escalate, PERCENT);
      const state = await s.js(() =>
        [...document.querySelectorAll('input[type=range]')].map((i) => ({ id: i.id, v: Number(i.value), min: Number(i.min), max: Number(i.max) })),
      );
      for (const i of state) assert.ok(Number.isFinite(i.v) && i.v >= i.min && i.v <= i.max, `${i.id}=${i.v} is within its range`);
      const injected = await s.js(() => ({
        scripts: document.querySelectorAll('body script').length,
        images: document.querySelectorAll('body img').length,
        crash: Boolean(document.querySelector('.crash')),
      }));
      assert.deepEqual(injected, { scripts: 0, images: 0, crash: false }, 'nothing injected, no crash page');
      const said = await s.js(() => [...document.querySelectorAll('[role=status]')].filter((n) => n.getClientRects().length).map((n) => n.innerText));
      assert.equal(said.length, 1, 'the problems are reported in one notice');
      assert.match(said[0], notice, 'the notice says what was wrong');
      await driver.findElement(By.css('[data-preset="breakthrough"]')).click();
      assert.deepEqual(await s.sliderValues(), PRESETS.breakthrough, 'presets still work');
      await s.assertClean(hostile);
    });
  }

  for (const [what, query, prepare] of [
    ['the page as it opens', '', async () => {}],
    [
      'every details opened and a notice showing',
      '?zz=1',
      (s) =>
        s.js(() => {
          for (const d of document.querySelectorAll('details')) d.open = true;
        }),
    ],
  ]) {
    test(`${name}: axe finds no WCAG 2.1 AA violation on ${what}`, async (t) => {
      const { s } = env;
      const { driver } = s;
      await s.open(env.url + query);
      await prepare(s);
      await new Promise((ok) => setTimeout(ok, 300));
      // The axe-core the Chromium tests use, rather than the adapter's own copy.
      const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
      const axe = new AxeBuilder(driver, source).withTags(TAGS);
      if (engine === 'webkit') {
        // axe's default run finishes in a second window, which
        // WebKitWebDriver cannot switch to ("Unable to determine window
        // handle"); its single-page mode runs the same rules in the page,
        // which has no frames to reach.
        t.diagnostic('WebKit: axe runs in its single-page (legacy) mode: WebKitWebDriver cannot switch to the window axe opens');
        axe.setLegacyMode(true);
      }
      const results = await axe.analyze();
      assert.equal(results.violations.length, 0, `axe in ${name} on ${what}:\n${formatViolations(results.violations)}`);
      assert.ok(results.passes.length > 10, `axe ran its checks (${results.passes.length} passed)`);
      await s.assertClean(what);
    });
  }

  // The budget is one frame at p95 in every engine. WebKit was held to
  // two frames at p95 until the charts were drawn with few elements and
  // patched rather than replaced on a move (src/charts/canvas.rs,
  // src/charts/patch.rs): about half of its time had been laying out the
  // redrawn charts' SVG. The worst case, every chart on screen, is
  // measured by `cargo xtask bench` in each engine.
  test(`${name}: input-to-layout p95 < ${BUDGET_MS} ms over ${10 * INPUTS.length} moves of every slider`, async () => {
    const { s } = env;
    const { driver } = s;
    await s.open(env.url);
    await driver.findElement(By.css('[data-preset="coalition"]')).click();
    const result = await s.jsAsync(inputToLayoutInPage, { moves: 10 * INPUTS.length, warmup: 6 });
    const m = summarise(result.samples);
    const fmt = (v) => v.toFixed(2);
    console.log(
      `SPEED [${engine}] input-to-layout p50=${fmt(m.p50)}ms p95=${fmt(m.p95)}ms max=${fmt(m.max)}ms n=${m.n} ` +
        `target=${TARGET_MS}ms ${m.p95 < TARGET_MS ? 'met' : 'missed'} budget=${BUDGET_MS}ms ${m.p95 < BUDGET_MS ? 'met' : 'missed'}`,
    );
    // In page order, which groups the sliders; the set is what counts.
    assert.deepEqual([...result.sliders].sort(), INPUTS.map((i) => `in-${i.id}`).sort(), 'every slider was moved');
    assert.deepEqual(result.unchanged, [], 'every move changed the headline, a chart or the words');
    assert.deepEqual(result.late, [], 'every update finished before its clock stopped');
    assert.ok(m.p95 < BUDGET_MS, `${name}: input-to-layout p95 ${fmt(m.p95)} ms is over the ${BUDGET_MS} ms budget (p50 ${fmt(m.p50)} ms)`);
    await s.assertClean();
  });
}
