// A deploy never strands a reader. Build A is served and a reader's
// service worker installs; then build B replaces it on the same origin,
// with new content hashes and A's files gone, as a static host's deploy
// does. B is made from dist/ without a second compile: every
// content-hashed name gets a new hash, in the file names and in every
// text file that refers to them (makeBuilds).
//
// The first test follows one phone reader: a visit to A (the worker
// installs), a tab left open on A whose figures have not loaded, a fresh
// visit once B is up (it works, and runs B after a reload), and then the
// tab on A scrolling to its figures after B's worker has taken over.
// The second is the same tab with no worker to keep A's files: the
// figures' module is gone, and the page must say so and offer a reload.

import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { serveDist } from './serve.mjs';
import { PERCENT, headline, openPage, waitForApp } from './helpers.mjs';

const DIST = process.env.RED_LINES_DIST || 'dist';
/** The phone of the issue: the figures are below its first screen. */
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** A content hash in a file name: `name-<hex>.ext` or `name-<hex>_bg.wasm`.
 *  Trunk writes its hash without leading zeros, so it may have fewer than
 *  16 digits (15 in one build in sixteen). */
const HASHED = /-([0-9a-f]{8,16})(?=(_bg)?\.[a-z]+$)/;
/** Files whose text may name another file. */
const TEXT = /\.(html|js|css|json|webmanifest|txt|md|svg)$/;

let work;
let builds;
let browser;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'red-lines-deploy-'));
  builds = await makeBuilds(work);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Every file under `dir`, relative, with forward slashes. */
async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/');
    if (!path.startsWith('.')) out.push(path);
  }
  return out.sort();
}

/** A hash no build has: every hex digit replaced by its complement. */
const rehash = (hash) => [...hash].map((d) => (15 - parseInt(d, 16)).toString(16)).join('');

/** The stamped VERSION of a build's sw.js. */
async function workerVersion(dir) {
  return /const VERSION = '([0-9a-f]{16})';/.exec(await readFile(join(dir, 'sw.js'), 'utf8'))?.[1];
}

/**
 * Copies dist/ to `work`/a and makes `work`/b from it: each content hash
 * in a file name, and the worker's VERSION, replaced by another, in the
 * names and in every text file. Returns both folders with their names,
 * versions and the figures' chunk of each.
 */
async function makeBuilds(root) {
  const a = join(root, 'a');
  const b = join(root, 'b');
  await cp(DIST, a, { recursive: true, filter: (src) => !relative(DIST, src).startsWith('.') });
  await cp(a, b, { recursive: true });
  const names = await files(a);
  const renames = new Map();
  for (const name of names) {
    const hash = HASHED.exec(name)?.[1];
    if (hash) renames.set(hash, rehash(hash));
  }
  const versionA = await workerVersion(a);
  renames.set(versionA, rehash(versionA));
  assert.ok(renames.size > 5, `dist/ has content-hashed files (found ${renames.size - 1})`);
  // `./<stem>_bg.js` is not a file: it is the module name the WebAssembly
  // imports its glue under, written into the module, so it keeps A's hash.
  const known = new RegExp(`(${[...renames.keys()].sort((x, y) => y.length - x.length).join('|')})(?!_bg\\.js)`, 'g');
  const swap = (text) => text.replace(known, (h) => renames.get(h) ?? h);
  for (const name of names) {
    if (TEXT.test(name)) {
      const text = await readFile(join(b, name), 'utf8');
      const changed = swap(text);
      if (changed !== text) await writeFile(join(b, name), changed);
    }
    const renamed = swap(name);
    if (renamed !== name) await rename(join(b, name), join(b, renamed));
  }
  const namesB = await files(b);
  const figures = (list) => list.find((n) => /^split_figures[-_].*\.wasm$/.test(n));
  return {
    a: { dir: a, names, version: versionA, figures: figures(names) },
    b: { dir: b, names: namesB, version: await workerVersion(b), figures: figures(namesB) },
    hashed: names.filter((n) => HASHED.test(n)),
  };
}

test('build B shares no content-hashed name with build A', async () => {
  const { a, b, hashed } = builds;
  assert.ok(hashed.some((n) => n.endsWith('_bg.wasm')), 'the main module is content-hashed');
  assert.ok(a.figures && b.figures, 'both builds have a figures chunk');
  const shared = hashed.filter((n) => b.names.includes(n));
  assert.deepEqual(shared, [], 'no hashed file of A is in B');
  assert.equal(b.names.length, a.names.length, 'B has as many files as A');
  assert.notEqual(a.version, b.version, "B's worker has its own VERSION");
  assert.notEqual(a.figures, b.figures);
  for (const name of ['index.html', 'sw.js']) {
    const text = await readFile(join(b.dir, name), 'utf8');
    const stale = hashed.filter((n) => text.includes(n));
    assert.deepEqual(stale, [], `B's ${name} names no file of A`);
    assert.ok(b.names.filter((n) => HASHED.test(n)).every((n) => name !== 'sw.js' || text.includes(n)), `B's ${name} lists B's files`);
  }
});

/** Serves `dir` on `port` (0: any) and returns the server. */
const serve = (dir, port = 0) => serveDist({ root: dir, port });
const portOf = (url) => Number(new URL(url).port);

/** The figures' state in #results: drawn, a notice, or nothing yet. */
function figuresState(page) {
  return page.evaluate(() => {
    const results = document.getElementById('results');
    const notice = results?.querySelector('[role="alert"], [role="status"]');
    return {
      charts: results ? results.querySelectorAll('.chart svg').length : 0,
      notice: notice ? notice.textContent.trim() : null,
      reload: notice ? Boolean(notice.querySelector('a[href], button')) : false,
      text: results ? results.innerText.trim().length : 0,
    };
  });
}

/** Waits until #results shows charts or a notice, or is gone (the panic
 *  hook replaces the whole page); returns what it shows. */
async function figuresOrNotice(page) {
  await page.waitForFunction(
    () => {
      const results = document.getElementById('results');
      return !results || results.querySelector('.chart svg') || results.querySelector('[role="alert"], [role="status"]');
    },
    null,
    { timeout: 15_000 },
  );
  const crash = await page.evaluate(() => document.querySelector('main.crash')?.textContent ?? null);
  assert.equal(crash, null, 'the page did not crash');
  return figuresState(page);
}

/** The wasm files the page has loaded so far. */
const loadedWasm = (page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)).filter((n) => n.endsWith('.wasm')));

test('a deploy strands neither a new visit nor a tab left open on the old build', async () => {
  const { a, b } = builds;
  let server = await serve(a.dir);
  const url = server.url;
  const context = await browser.newContext(PHONE);
  try {
    // 1. A reader visits A, and A's worker installs and takes the page.
    const tab = await openPage(browser, url, { context });
    const { page } = tab;
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
    const cachedA = await page.evaluate((name) => caches.has(name), `red-lines-${a.version}`);
    assert.ok(cachedA, "A's worker installed and precached A");
    assert.ok(
      await page.evaluate(async (chunk) => Boolean(await caches.match(`./${chunk}`)), a.figures),
      "A's figures chunk is in the cache",
    );
    assert.equal(await page.evaluate(() => document.querySelectorAll('#results .chart svg').length), 0, 'on the phone the figures have not loaded');
    assert.ok(!tab.requests.some((r) => r.includes('/split_figures')), "the tab on A has not fetched the figures' chunk");

    // Whether, later, another worker takes this tab over.
    await page.evaluate(() => {
      window.takenOver = new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', () => ok(true)));
    });

    // 2. B is deployed on the same origin; A's files are gone.
    await server.close();
    server = await serve(b.dir, portOf(url));
    assert.equal(server.url, url, 'B is served at the same address');

    // 3. The next visit works, and runs B after a reload.
    const fresh = await openPage(browser, url, { context });
    await waitForApp(fresh.page);
    const first = await headline(fresh.page);
    assert.match(first.settle, PERCENT, 'the next visit shows the headline');
    // The visit brings B's worker, which installs, activates, and takes
    // every open tab, the one on A included.
    const settled = await fresh.page.evaluate(async (name) => {
      for (let i = 0; i < 150; i += 1) {
        const registration = await navigator.serviceWorker.getRegistration();
        const active = registration?.active;
        if ((await caches.has(name)) && active?.state === 'activated' && !registration.installing && !registration.waiting) {
          return { ok: true, caches: await caches.keys() };
        }
        await new Promise((ok) => setTimeout(ok, 100));
      }
      return { ok: false };
    }, `red-lines-${b.version}`);
    assert.ok(settled.ok, "B's worker installed and activated");
    await fresh.page.reload();
    await waitForApp(fresh.page);
    const wasm = await loadedWasm(fresh.page);
    assert.ok(wasm.some((n) => n.endsWith('_bg.wasm') && b.names.includes(n)), `after a reload the page runs B's module (${wasm.join(', ')})`);
    assert.ok(!wasm.some((n) => a.names.includes(n) && !b.names.includes(n)), "after a reload no module of A is loaded");
    const controller = await fresh.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
    assert.ok(controller.endsWith('/sw.js'), 'the reloaded page is controlled by the worker');
    assert.deepEqual(
      settled.caches,
      [`red-lines-${a.version}`, `red-lines-${b.version}`],
      "B's worker keeps A's cache, for tabs still open on A, beside its own",
    );
    assert.match((await headline(fresh.page)).settle, PERCENT);
    fresh.assertClean('the first visit after the deploy');

    // 4. The tab left open on A scrolls to its figures, now that B's
    //    worker has taken it over. The issue asks for working figures or
    //    a notice to reload; with a worker, the figures must work (the
    //    notice is the next test's).
    const takenOver = await page.evaluate(() => Promise.race([window.takenOver, new Promise((ok) => setTimeout(() => ok(false), 10_000))]));
    assert.ok(takenOver, "B's worker has taken over the tab left open on A");
    await page.locator('#results').scrollIntoViewIfNeeded();
    const shown = await figuresOrNotice(page);
    const asked = tab.requests.filter((r) => r.includes('/split_figures')).map((r) => new URL(r).pathname.slice(1));
    assert.deepEqual(asked, [a.figures], "the tab on A asks for A's figures chunk");
    assert.equal(shown.notice, null, 'no notice: the figures came from the cache B kept');
    assert.ok(shown.charts > 0, 'the first figure draws');
    // A figure draws as it comes into view (src/ui/figures.rs).
    for (const id of ['fig-outcomes', 'fig-chasm', 'fig-sensitivity']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id} .chart svg`).waitFor({ timeout: 10_000 });
    }
    assert.equal((await figuresState(page)).charts, 3, 'all three figures draw');
    assert.ok(shown.text > 0, 'the figures panel is not blank');
    assert.match((await headline(page)).settle, PERCENT, 'the rest of the tab still works');
    tab.assertClean('the tab left open on A');
  } finally {
    await context.close();
    await server.close();
  }
});

test('with no worker to keep A, the tab on A says to reload, and the reload runs B', async () => {
  const { a, b } = builds;
  let server = await serve(a.dir);
  const url = server.url;
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  try {
    const tab = await openPage(browser, url, { context });
    const { page } = tab;
    assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null, 'no worker controls the tab');
    await server.close();
    server = await serve(b.dir, portOf(url));

    await page.locator('#results').scrollIntoViewIfNeeded();
    const shown = await figuresOrNotice(page);
    assert.equal(shown.charts, 0, "A's figures chunk is gone, so nothing can draw");
    assert.ok(shown.notice && shown.notice.length > 20, `the panel says what happened (${shown.notice})`);
    assert.ok(shown.reload, 'the notice offers a reload');
    assert.match((await headline(page)).settle, PERCENT, 'the rest of the tab still works');
    assert.ok(await page.locator('#in-momentum').isVisible(), 'the sliders are still there');
    // The browser reports the missing files itself (and Playwright the
    // blocked worker); nothing else may be logged or thrown.
    const expected = [/Failed to load resource: the server responded with a status of 404/, /Service Worker registration blocked by Playwright/];
    const unexpected = tab.problems.filter((p) => !expected.some((re) => re.test(p)));
    assert.deepEqual(unexpected, [], `only the missing file is reported:\n${unexpected.join('\n')}`);

    await page.locator('#results [role="alert"] a, #results [role="status"] a').first().click();
    await waitForApp(page);
    await page.locator('#results').scrollIntoViewIfNeeded();
    await page.locator('#fig-outcomes .chart svg').waitFor({ timeout: 15_000 });
    const wasm = await loadedWasm(page);
    assert.ok(wasm.includes(b.figures), "after the reload the figures come from B's chunk");
  } finally {
    await context.close();
    await server.close();
  }
});
