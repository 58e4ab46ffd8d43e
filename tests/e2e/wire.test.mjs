// What a first visit really downloads (tests/e2e/wire.mjs), held to
// ceilings: from a host that compresses, at a desktop, a phone and a wide
// screen's size, the page's own fetches and, apart, the service worker's.
//
// The budget is 150 KiB for the page on a desktop (1280×800) and a phone,
// with a goal of 120 (issue 24), and both meet it: the budget is their
// ceiling. Before, the phone fetched 169 KiB (until core's float printing
// left the first module), 161 (until the rest of English waited for the
// reader), 152 (until the module's imports got short names); the desktop
// 224, with the figures' chunk (57 KiB), which loaded as the charts came
// within a screen although on a 1280×800 screen they start below it: they
// now wait for the reader's first scroll, touch, key or focus
// (src/ui/lazy.rs).
// A wide screen (1920×1080) shows the top of the first chart, so its first
// visit fetches the figures and their text too. Its ceiling and the
// worker's are today's figures, so that nothing grows unseen; lower them
// as the download shrinks, never raise them to make a build pass. (The
// worker's rose by 2 KiB this way, on purpose: the figures' text moved
// from the module, which a phone fetches at once, into the rest of
// English, which only the worker fetches at once, and the code that waits
// for the reader came in. Both rose by 1 KiB more when the boot script
// began to wait for the first paint, 0.2 KiB, and the sensitivity sweep
// and the chasm map to follow a move in a task of their own, 0.5 KiB in
// the figures' chunk: 245.5 and 222.9-223.2 KiB measured.)

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serveDist } from './serve.mjs';
import { launch } from './browser.mjs';
import { LAYOUTS, firstVisit, kib } from './wire.mjs';

const KIB = 1024;
/** What the page must come down to on a desktop and a phone (issue 24),
 *  which both meet: their ceiling. */
const BUDGET = 150 * KIB;
/** The budget, and today's figures (2026-12-05, model 3.0.0) rounded up
 *  to the KiB. */
const CEILING = {
  desktop: BUDGET,
  phone: BUDGET,
  wide: 224 * KIB,
  worker: 246 * KIB,
};

for (const [screen, layout] of Object.entries(LAYOUTS)) {
  test(`a first visit on a ${screen} downloads at most ${CEILING[screen] / KIB} KiB`, async () => {
    const server = await serveDist({ compress: true });
    const browser = await launch();
    try {
      const visit = await firstVisit(browser, server.url, layout);
      const names = visit.page.files.map((f) => f.name);
      const gap = visit.page.bytes - BUDGET;
      console.log(
        `${screen}: page ${kib(visit.page.bytes)} KiB in ${names.length} requests ` +
          `(budget ${BUDGET / KIB} KiB: ${gap > 0 ? `${kib(gap)} KiB over` : 'met'}), ` +
          `service worker ${kib(visit.worker.bytes)} KiB in ${visit.worker.requests}`,
      );
      // The measure itself: it saw the page, its module and its styles.
      assert.ok(names.some((n) => n.endsWith('_bg.wasm')), `the main module was counted: ${names}`);
      assert.ok(names.some((n) => n.endsWith('.css')), 'the style sheet was counted');
      assert.ok(visit.page.bytes > 100 * KIB, 'a first visit cannot weigh less than its module');
      // What only a screen that shows the first chart fetches at once:
      // the figures and the rest of English, which holds their text.
      const charted = screen === 'wide';
      assert.equal(names.some((n) => n.startsWith('split_figures')), charted, `the figures' chunk on a ${screen}'s first visit`);
      assert.equal(names.includes('en.txt'), charted, `the rest of English on a ${screen}'s first visit`);
      assert.ok(
        visit.page.bytes <= CEILING[screen],
        `a first visit on a ${screen} downloads ${kib(visit.page.bytes)} KiB, over its ceiling of ${CEILING[screen] / KIB} KiB:\n` +
          visit.page.files.map((f) => `  ${f.bytes} ${f.name}`).join('\n'),
      );
      // The worker caches the app, not the whole site (xtask/src/finalize.rs).
      assert.ok(visit.worker.requests > 0, 'the service worker installed and filled its cache');
      assert.ok(
        visit.worker.bytes <= CEILING.worker,
        `the service worker fetched ${kib(visit.worker.bytes)} KiB, over its ceiling of ${CEILING.worker / KIB} KiB`,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  });
}
