// What a reader's browser really downloads on a first visit: the encoded
// bytes of every response, as Chromium's network layer counts them
// (headers included), from a fresh profile until the network has been
// idle for a moment, without scrolling. The budget in
// xtask/src/dist/budget.rs counts the files a first visit needs; this
// counts what a browser fetches, which may be more: on a screen tall
// enough to show the first chart (1920×1080, say), the figures' chunk
// and the rest of English, which holds their text, come too; the service
// worker then fills its cache in the background.
//
// The service worker's fetches are counted apart: they start after the
// page works and do not delay it, but a reader on a metered connection
// pays for them all the same.
//
//   node tests/e2e/wire.mjs      prints the table (run from the repo root)
//
// `cargo xtask dist` runs it after the build when the browser tools are
// installed, and tests/e2e/wire.test.mjs holds the figures to budgets.

import { serveDist } from './serve.mjs';
import { launch } from './browser.mjs';

/** The two first screens the budget is about, and a wide one whose first
 *  screen shows the top of the first chart. */
export const LAYOUTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  wide: { viewport: { width: 1920, height: 1080 } },
};

/** How long the network must stay quiet before the visit counts as done. */
const QUIET_MS = 1500;

/**
 * One first visit to `url` in a fresh context of `browser`.
 *
 * @returns {Promise<{page: {bytes: number, files: {name: string, bytes: number}[]},
 *   worker: {bytes: number, requests: number}}>}
 *   `page`: the responses the page itself fetched, by file name;
 *   `worker`: what the service worker fetched for its cache meanwhile.
 */
export async function firstVisit(browser, url, layout) {
  const context = await browser.newContext(layout);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const names = new Map();
    const files = [];
    let last = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      names.set(e.requestId, new URL(e.request.url).pathname.split('/').pop() || '(the page)');
      last = Date.now();
    });
    cdp.on('Network.loadingFinished', (e) => {
      files.push({ name: names.get(e.requestId) ?? '?', bytes: e.encodedDataLength });
      last = Date.now();
    });
    // The worker's own fetches reach the context, not the page's session.
    const worker = { bytes: 0, requests: 0 };
    const pending = [];
    context.on('requestfinished', (request) => {
      if (!request.serviceWorker()) return;
      last = Date.now();
      pending.push(
        request.sizes().then((s) => {
          worker.requests += 1;
          worker.bytes += s.responseBodySize + s.responseHeadersSize;
        }),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    while (Date.now() - last < QUIET_MS) {
      await page.waitForTimeout(250);
    }
    await Promise.all(pending);
    return { page: { bytes: files.reduce((sum, f) => sum + f.bytes, 0), files }, worker };
  } finally {
    await context.close();
  }
}

/** Kibibytes with one decimal, as the size tables print them. */
export const kib = (bytes) => (bytes / 1024).toFixed(1);

/** Prints the first visit at each layout from a compressing and a plain host. */
async function main() {
  const browser = await launch();
  try {
    console.log('\nover the wire: a first visit in Chromium, fresh profile, until the network is idle, no scrolling');
    console.log(`${'host, screen'.padEnd(24)} ${'page KiB'.padStart(9)} ${'requests'.padStart(9)} ${'worker KiB'.padStart(11)} ${'requests'.padStart(9)}`);
    for (const compress of [true, false]) {
      const server = await serveDist({ compress });
      try {
        for (const [name, layout] of Object.entries(LAYOUTS)) {
          const v = await firstVisit(browser, server.url, layout);
          const label = `${compress ? 'gzip -9' : 'plain'}, ${name}`;
          console.log(
            `${label.padEnd(24)} ${kib(v.page.bytes).padStart(9)} ${String(v.page.files.length).padStart(9)} ${kib(v.worker.bytes).padStart(11)} ${String(v.worker.requests).padStart(9)}`,
          );
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
