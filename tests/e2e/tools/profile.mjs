// Where a slider move's time goes with every chart on screen, per engine:
// `node tests/e2e/tools/profile.mjs [moves] [engines]` (from the repo root,
// engines default chromium,firefox,webkit). Not a test: a tool for finding
// the slow part before changing it, so that the change goes where the time
// is.
//
// The input-to-layout time (as speed.test.mjs measures it) is cut in three
// without touching the page's code:
// - html: time inside `innerHTML =` and `insertAdjacentHTML` (the browser
//   parsing the SVG and table text the WebAssembly wrote), timed by
//   wrapping them;
// - layout: the forced layout that closes the measurement (style and
//   layout of everything the move changed, most of it the charts' SVG);
// - script: the rest (the model, building the charts' SVG text, Leptos
//   and the other DOM updates).
// It also counts each chart's SVG elements and times re-setting each
// chart's own markup alone (parse + layout), to say which chart costs what.
//
// Measured 2026-11-30 on 2 cores shared with other builds (load 3-4, so
// compare within a line, not with README's quieter figures), p50 / p95 ms,
// before -> after the charts' own backend and patching (issues 13, 14):
//   WebKit   total 37 / 56 -> 20 / 34; layout 16 -> 6.5 (runs interleaved,
//            twice each); script + html 20 -> 13.5
//   Firefox  total 23 / 36 -> 15 / 24; layout 9 -> 3; script + html 13 -> 11
//   Chromium total 11.2 / 17.5 (own backend only) -> 9.9 / 16.3; layout
//            2.8 -> 1.6
// (the "after" html then counted innerHTML only; the charts' patches
// were in script).
//   elements outcomes / map / sensitivity 169 / 418 / 102 -> 53 / 130 / 44,
//   characters 21.8K / 41.5K / 10.5K -> 9.8K / 12.0K / 5.8K.
// After, the script part is mostly the model: a Chromium CPU profile of a
// build with names gives per move 4.7 ms in src/model (2.3 ms of it in
// f64::exp), 2.0 ms in DOM calls, 0.7 ms building and formatting the
// charts' text, 0.7 ms in Leptos.

import { serveDist } from '../serve.mjs';
import { launch } from '../browser.mjs';
import { openPage, summarise } from '../helpers.mjs';
import { startEngine } from '../engines/driver.mjs';
import { PROBE, Session } from '../engines/session.mjs';

const moves = Number(process.argv[2] ?? 150);
const engines = (process.argv[3] ?? 'chromium,firefox,webkit').split(',');
/** Tall enough that every figure is on screen at once. */
const WINDOW = { width: 1280, height: 4200 };

/** The page side: self-contained, as it is sent to every engine. */
async function profileInPage({ moves, warmup }) {
  const QUIET = 20;
  const charts = ['#fig-outcomes .chart', '#fig-chasm .chart', '#fig-sensitivity .chart'];
  const setter = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  let html = 0;
  Object.defineProperty(Element.prototype, 'innerHTML', {
    configurable: true,
    get: setter.get,
    set(value) {
      const t = performance.now();
      setter.set.call(this, value);
      html += performance.now() - t;
    },
  });
  // The charts patched in place (src/charts/patch.rs) parse here.
  const insert = Element.prototype.insertAdjacentHTML;
  Element.prototype.insertAdjacentHTML = function (where, markup) {
    const t = performance.now();
    insert.call(this, where, markup);
    html += performance.now() - t;
  };
  const sliders = [...document.querySelectorAll('input[type=range]')];
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  const direction = new Map(sliders.map((s) => [s, Number(s.value) >= Number(s.max) ? -1 : 1]));
  const rows = { total: [], script: [], html: [], layout: [] };
  let sink = 0;
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
    observer.takeRecords();
    html = 0;
    const t0 = performance.now();
    input.value = String(Number(next.toFixed(6)));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    let seen = observer.takeRecords().length > 0;
    for (let quiet = 0, turns = 0; quiet < QUIET && turns < 10_000; turns++) {
      await Promise.resolve();
      if (observer.takeRecords().length > 0) {
        seen = true;
        quiet = 0;
      } else if (seen) {
        quiet++;
      }
    }
    const t1 = performance.now();
    sink += document.body.offsetHeight;
    const t2 = performance.now();
    await frame();
    if (k >= warmup) {
      rows.total.push(t2 - t0);
      rows.layout.push(t2 - t1);
      rows.html.push(html);
      rows.script.push(t1 - t0 - html);
    }
  }
  observer.disconnect();
  Object.defineProperty(Element.prototype, 'innerHTML', setter);
  Element.prototype.insertAdjacentHTML = insert;
  // Each chart alone: its current markup set again (parse) and laid out.
  const each = {};
  for (const selector of charts) {
    const box = document.querySelector(selector);
    const markup = box.innerHTML;
    const parse = [];
    const layout = [];
    for (let i = 0; i < 30; i++) {
      // A changed copy, so no engine can keep the old layout.
      const copy = markup.replace('<title>', `<title>${i % 2}`);
      const a = performance.now();
      box.innerHTML = copy;
      const b = performance.now();
      sink += document.body.offsetHeight;
      const c = performance.now();
      parse.push(b - a);
      layout.push(c - b);
      await frame();
    }
    each[selector] = {
      elements: box.querySelectorAll('*').length,
      chars: markup.length,
      parse,
      layout,
    };
  }
  return { rows, each, sink };
}

const fmt = (v) => v.toFixed(1);
const line = (samples) => {
  const s = summarise(samples);
  return `p50 ${fmt(s.p50).padStart(5)}  p95 ${fmt(s.p95).padStart(5)}`;
};

function report(label, result) {
  console.log(`PROFILE ${label}, every chart on screen (${WINDOW.width}x${WINDOW.height}), ${result.rows.total.length} moves`);
  for (const [name, samples] of Object.entries(result.rows)) console.log(`  ${name.padEnd(8)} ${line(samples)} ms`);
  for (const [selector, e] of Object.entries(result.each)) {
    console.log(
      `  ${selector.padEnd(24)} ${String(e.elements).padStart(4)} elements ${String(e.chars).padStart(6)} chars  ` +
        `parse ${line(e.parse)}  layout ${line(e.layout)} ms`,
    );
  }
}

if (engines.includes('chromium')) {
  const server = await serveDist();
  const browser = await launch();
  try {
    const o = await openPage(browser, server.url, { viewport: WINDOW });
    await o.page.click('[data-preset="coalition"]');
    await o.page.waitForFunction(() => document.querySelectorAll('.chart svg').length === 3);
    report('chromium', await o.page.evaluate(profileInPage, { moves, warmup: 6 }));
    await o.close();
  } finally {
    await browser.close();
    await server.close();
  }
}
for (const engine of ['firefox', 'webkit'].filter((e) => engines.includes(e))) {
  const server = await serveDist({ probe: PROBE });
  const started = await startEngine(engine);
  const s = new Session(engine, started.driver);
  try {
    await started.driver.manage().window().setRect(WINDOW);
    await s.open(server.url);
    await s.js(() => document.querySelector('[data-preset="coalition"]').click());
    await s.waitFor(() => document.querySelectorAll('.chart svg').length === 3, [], { what: 'three charts' });
    const inner = await s.js(() => [innerWidth, innerHeight]);
    report(`${engine} (inner ${inner.join('x')})`, await s.jsAsync(profileInPage, { moves, warmup: 6 }));
  } finally {
    await started.quit();
    await server.close();
  }
}
