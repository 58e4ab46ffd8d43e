// Offline: after one visit the service worker has the whole bundle, so the
// page loads and works with no network at all. The worker's file list is
// written at build time by `cargo xtask finalize`; the first test checks
// that it was, and that it names exactly the files of dist/.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { serveDist } from './serve.mjs';
import { PERCENT, headline, openPage, useBrowser, waitForApp } from './helpers.mjs';

const env = useBrowser();
const DIST = 'dist';

/** Every file under `dir`, as './path/with/slashes' relative to DIST
 *  (hidden entries aside). */
async function bundleFiles(dir = DIST) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // Trunk stages a build in dist/.stage and swaps it in when done.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await bundleFiles(path)));
    else out.push(`./${relative(DIST, path).split(sep).join('/')}`);
  }
  return out;
}

/** The ASSETS list and VERSION that finalize wrote into dist/sw.js. */
async function stampedWorker() {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const assets = /const ASSETS = (\[[^\]]*\]);/.exec(sw)?.[1];
  const version = /const VERSION = '([^']*)';/.exec(sw)?.[1];
  return { sw, assets: assets ? JSON.parse(assets) : null, version };
}

test('dist/sw.js was stamped by finalize and precaches the app, every part of it', async () => {
  const { sw, assets, version } = await stampedWorker();
  for (const placeholder of ['__ASSETS__', '__VERSION__']) {
    assert.ok(!sw.includes(placeholder), `dist/sw.js still contains the placeholder ${placeholder}: finalize did not run`);
  }
  assert.match(version ?? '', /^[0-9a-f]{16}$/, 'sw.js has a 16-hex-digit VERSION');
  assert.ok(Array.isArray(assets), 'sw.js has a `const ASSETS = [...]` list');
  // Precached: the page, every file of the app's build (their names carry
  // a content hash: the module, each chunk, the scripts, the style sheet),
  // the rest of English and the icon. Cached when first read instead: the
  // static pages, the other languages and the preview image
  // (xtask/src/finalize.rs, `precached`).
  const app = (f) =>
    /^\.\/[^/]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(f) || f === './public/i18n/en.txt' || f === './public/favicon.svg';
  const files = (await bundleFiles()).filter(app).sort();
  const listed = assets.filter((a) => a !== './').sort();
  assert.ok(assets.includes('./'), 'the page itself ("./") is precached');
  assert.deepEqual(listed, files, 'the precache list names the app\'s files and nothing else');
  assert.equal(new Set(assets).size, assets.length, 'no file is listed twice');
  for (const ext of ['.wasm', '.css', '.js']) {
    assert.ok(listed.some((f) => f.endsWith(ext)), `a ${ext} file is precached`);
  }
  assert.ok(listed.some((f) => f.startsWith('./split_figures')), 'the figures\' chunk is precached, so they work offline');
  assert.ok(!listed.some((f) => f.endsWith('.html')), 'no static page is precached');
});

test('after one visit the page loads and works offline', async () => {
  // A server of its own: it is shut down half-way, so that nothing can
  // reach the network whatever the browser's offline emulation covers.
  const server = await serveDist({ root: DIST });
  let closed = false;
  const o = await openPage(env.browser, server.url);
  try {
    const { page } = o;
    const context = page.context();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    // The worker claims open pages when it activates; reload once if the
    // claim has not reached this page yet.
    const controlled = () => page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    if (!(await controlled())) {
      await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 5_000 }).catch(() => {});
    }
    if (!(await controlled())) {
      await page.reload();
      await waitForApp(page);
    }
    assert.ok(await controlled(), 'the service worker controls the page');

    // Everything the worker lists is in its cache before we go offline.
    const { assets, version } = await stampedWorker();
    const cached = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((r) => `.${new URL(r.url).pathname}`);
    }, `red-lines-${version}`);
    const missing = assets.filter((a) => !cached.includes(a));
    assert.deepEqual(missing, [], 'files of the precache list missing from Cache Storage');

    await context.setOffline(true);
    await server.close();
    closed = true;

    await page.reload();
    await waitForApp(page);
    const before = await headline(page);
    assert.match(before.settle, PERCENT, 'offline, the settlement number renders');
    assert.match(before.escalate, PERCENT, 'offline, the escalation number renders');
    assert.ok((await page.locator('h1').textContent()).trim().length > 0, 'offline, the page has its heading');
    assert.equal(
      await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.workerStart > 0),
      true,
      'the offline navigation went through the service worker',
    );

    await page.locator('#in-momentum').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(
      ([was, sel]) => document.querySelector(sel)?.textContent.trim() !== was,
      [before.settle, '[data-testid="settlement"] .big'],
      { timeout: 5_000 },
    );
    const after = await headline(page);
    assert.notEqual(after.settle, before.settle, 'offline, moving a slider updates the headline');
    assert.match(after.settle, PERCENT);

    // The failed network fetches are the worker's, not the page's: the page
    // itself logs nothing and throws nothing.
    o.assertClean('the offline page');
  } finally {
    await o.close();
    if (!closed) await server.close();
  }
});

/** Opens the page from a server of its own and waits until the service
 *  worker controls it; runs `body({ page, url, offline })`, where
 *  `offline()` cuts the network and shuts the server; then checks that the
 *  page logged nothing (`what`) and closes everything. */
async function underWorker(what, body) {
  const server = await serveDist({ root: DIST });
  let closed = false;
  const o = await openPage(env.browser, server.url);
  try {
    const { page } = o;
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
      await page.reload();
      await waitForApp(page);
    }
    const offline = async () => {
      await page.context().setOffline(true);
      await server.close();
      closed = true;
    };
    await body({ page, url: server.url, offline });
    o.assertClean(what);
  } finally {
    await o.close();
    if (!closed) await server.close();
  }
}

test('a language chosen once works offline afterwards', () =>
  underWorker('German offline', async ({ page, offline }) => {
    // Chosen while the worker controls the page: the worker keeps a copy.
    await page.selectOption('#language', 'de');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await page.waitForFunction(() => location.search.includes('lang=de'));
    const german = (await page.textContent('.controls h2')).trim();

    await offline();
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'de', null, { timeout: 15_000 });
    assert.equal((await page.textContent('.controls h2')).trim(), german, 'offline, the page is still in German');
  }));

test('a page read once opens offline afterwards', () =>
  underWorker('the methods page offline', async ({ page, url, offline }) => {
    // Read online once, while the worker controls the site.
    await page.goto(`${url}methods.html`);
    const heading = (await page.locator('h1').textContent()).trim();
    assert.ok(heading.length > 0, 'the methods page has its heading');

    await offline();
    await page.goto(`${url}methods.html?from=offline`);
    assert.equal((await page.locator('h1').textContent()).trim(), heading, 'offline, the methods page opens, whatever its query');
  }));
