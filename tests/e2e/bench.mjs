// Browser benchmark for `cargo xtask bench`: input-to-layout time of the
// release build in headless Chromium, the same measurement as
// speed.test.mjs with more moves. Not a test: it prints the figures.
//
//   node tests/e2e/bench.mjs [moves]      (default 300; run from the repo root)

import { serveDist } from './serve.mjs';
import { launch } from './browser.mjs';
import { measureInputToLayout, openPage, summarise } from './helpers.mjs';

const moves = Number(process.argv[2] ?? 300);
const TARGET_MS = 8;
const BUDGET_MS = 16;
const fmt = (v) => v.toFixed(2);

const server = await serveDist();
const browser = await launch();
let failed = false;
try {
  for (const [layout, options] of [
    ['desktop 1280x900', { viewport: { width: 1280, height: 900 } }],
    ['phone 360x780', { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
    // Every chart on screen at once: the worst case, where nothing is skipped.
    ['all charts visible 1280x4000', { viewport: { width: 1280, height: 4000 } }],
  ]) {
    const o = await openPage(browser, server.url, options);
    // A scenario where every lever matters (see speed.test.mjs).
    await o.page.click('[data-preset="coalition"]');
    const result = await measureInputToLayout(o.page, { moves });
    const s = summarise(result.samples);
    console.log(
      `SPEED input-to-layout [${layout}] p50=${fmt(s.p50)}ms p95=${fmt(s.p95)}ms max=${fmt(s.max)}ms n=${s.n} ` +
        `target=${TARGET_MS}ms ${s.p95 < TARGET_MS ? 'met' : 'missed'} budget=${BUDGET_MS}ms ${s.p95 < BUDGET_MS ? 'met' : 'missed'}`,
    );
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
    if (result.unchanged.length || result.late.length) {
      failed = true;
      console.log(`  invalid: ${result.unchanged.length} moves changed nothing, ${result.late.length} finished after the clock stopped`);
    }
    if (o.problems.length) {
      failed = true;
      console.log(`  page errors:\n  ${o.problems.join('\n  ')}`);
    }
    await o.close();
  }
} finally {
  await browser.close();
  await server.close();
}
// The figures are the result; only a broken measurement fails the run.
process.exitCode = failed ? 1 : 0;
