// Browser benchmark for `cargo xtask bench`: input-to-layout time of the
// release build in headless Chromium, the same measurement as
// speed.test.mjs with more moves, then in Firefox and WebKit (the
// cross-engine tests' browsers, tests/e2e/engines). Not a test: it prints
// the figures.
//
//   node tests/e2e/bench.mjs [moves] [engines]
//     moves: default 300; engines: default chromium,firefox,webkit
//     (run from the repo root)

import { serveDist } from './serve.mjs';
import { launch } from './browser.mjs';
import { inputToLayoutInPage, measureInputToLayout, openPage, summarise } from './helpers.mjs';
import { startEngine } from './engines/driver.mjs';
import { PROBE, Session } from './engines/session.mjs';

const moves = Number(process.argv[2] ?? 300);
const engines = (process.argv[3] ?? 'chromium,firefox,webkit').split(',');
const TARGET_MS = 8;
const BUDGET_MS = 16;
const fmt = (v) => v.toFixed(2);
/** A window tall enough to show every figure at once. */
const EVERY_CHART = { width: 1280, height: 4200 };

/** The figures of one measurement, and whether it was valid. */
function report(label, result, problems) {
  const s = summarise(result.samples);
  console.log(
    `SPEED input-to-layout [${label}] p50=${fmt(s.p50)}ms p95=${fmt(s.p95)}ms max=${fmt(s.max)}ms n=${s.n} ` +
      `target=${TARGET_MS}ms ${s.p95 < TARGET_MS ? 'met' : 'missed'} budget=${BUDGET_MS}ms ${s.p95 < BUDGET_MS ? 'met' : 'missed'}`,
  );
  // Until every chart is updated: the sensitivity chart and the chasm
  // map follow in a task after the rest (src/ui/browser.rs, use_deferred).
  const c = summarise(result.complete);
  console.log(`SPEED input-to-every-chart [${label}] p50=${fmt(c.p50)}ms p95=${fmt(c.p95)}ms max=${fmt(c.max)}ms n=${c.n}`);
  // Per slider: which lever costs the most.
  const per = new Map();
  result.samples.forEach((t, i) => {
    const id = result.ids[i];
    per.set(id, [...(per.get(id) ?? []), t]);
  });
  for (const [id, samples] of [...per].sort((a, b) => summarise(b[1]).p50 - summarise(a[1]).p50)) {
    const p = summarise(samples);
    console.log(`  ${id.padEnd(16)} p50=${fmt(p.p50)}ms p95=${fmt(p.p95)}ms max=${fmt(p.max)}ms n=${p.n}`);
  }
  let valid = true;
  if (result.unchanged.length || result.late.length) {
    valid = false;
    console.log(`  invalid: ${result.unchanged.length} moves changed nothing, ${result.late.length} updated after their clock stopped`);
  }
  if (problems.length) {
    valid = false;
    console.log(`  page errors:\n  ${problems.join('\n  ')}`);
  }
  return valid;
}

let failed = false;
if (engines.includes('chromium')) await chromium();
if (engines.includes('firefox')) await other('firefox');
if (engines.includes('webkit')) {
  await other('webkit');
  // The same with WebKitGTK's GL compositing on this machine's software
  // OpenGL, which the tests turn off (see engines/driver.mjs).
  await other('webkit', { compositing: true });
}
// The figures are the result; only a broken measurement fails the run.
process.exitCode = failed ? 1 : 0;

/** Chromium through Playwright: a desktop, a phone and every chart on screen. */
async function chromium() {
  const server = await serveDist();
  const browser = await launch();
  try {
    for (const [layout, options] of [
      ['desktop 1280x900', { viewport: { width: 1280, height: 900 } }],
      ['phone 360x780', { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
      // Every chart on screen at once: the worst case, where nothing is skipped.
      ['all charts visible 1280x4200', { viewport: EVERY_CHART }],
    ]) {
      const o = await openPage(browser, server.url, options);
      // A scenario where every lever matters (see speed.test.mjs).
      await o.page.click('[data-preset="coalition"]');
      if (options.viewport === EVERY_CHART) {
        await o.page.waitForFunction(() => document.querySelectorAll('.chart svg').length === 3);
      }
      const result = await measureInputToLayout(o.page, { moves });
      if (!report(`chromium ${layout}`, result, o.problems)) failed = true;
      await o.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Firefox or WebKit at the desktop size, through Selenium, then with every
 * chart on screen. Also times the first move after a fresh load on its
 * own, which is slower than the rest (see README, "Performance").
 */
async function other(engine, { compositing = false } = {}) {
  const server = await serveDist({ probe: PROBE });
  const started = await startEngine(engine, { compositing });
  const s = new Session(engine, started.driver);
  try {
    const first = [];
    for (let i = 0; i < 5; i++) {
      await s.open(server.url);
      const one = await s.jsAsync(inputToLayoutInPage, { moves: 1, warmup: 0 });
      first.push(one.samples[0]);
    }
    await s.open(server.url);
    await s.js(() => document.querySelector('[data-preset="coalition"]').click());
    const result = await s.jsAsync(inputToLayoutInPage, { moves, warmup: 6 });
    const { problems } = await s.problems();
    const label = `${engine} desktop 1280x900${compositing ? ', GL compositing on software OpenGL' : ''}`;
    if (!report(label, result, problems)) failed = true;
    console.log(`  first move after a fresh load: ${first.map(fmt).join(', ')} ms`);
    // Every chart on screen at once: the worst case, where nothing is skipped.
    await started.driver.manage().window().setRect(EVERY_CHART);
    await s.open(server.url);
    await s.js(() => document.querySelector('[data-preset="coalition"]').click());
    await s.waitFor(() => document.querySelectorAll('.chart svg').length === 3, [], { what: 'every chart drawn' });
    const all = await s.jsAsync(inputToLayoutInPage, { moves, warmup: 6 });
    const label2 = `${engine} all charts visible ${EVERY_CHART.width}x${EVERY_CHART.height}${compositing ? ', GL compositing' : ''}`;
    if (!report(label2, all, (await s.problems()).problems)) failed = true;
  } finally {
    await started.quit();
    await server.close();
  }
}
