// Privacy and the Content-Security-Policy: using the page talks to no one
// but the server it came from, leaves no cookie and stores nothing in the
// browser (the service worker's Cache Storage, the offline copy of the
// page, is the one exception), and the release page carries a strict
// policy that the page itself never trips.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headline, openPage, useBrowser } from './helpers.mjs';

const env = useBrowser();

/**
 * Runs before any script of the page (Playwright injects it through the
 * DevTools protocol, so the page's own CSP does not block it; the tests
 * check that it ran). Collects every securitypolicyviolation event of the
 * document: they are dispatched at the offending element or the document
 * and all reach a capturing listener on the document.
 */
function watchPolicy() {
  window.__cspProbe = true;
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      window.__cspViolations.push(
        `${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || '(inline)'}` +
          `${e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ''}${e.sample ? ` sample: ${e.sample}` : ''}`,
      );
    },
    true,
  );
}

/**
 * Opens the page with every request of its context recorded (the service
 * worker's fetches included: Chromium reports them on the context, not the
 * page), its WebSockets, CSP violations and console messages that mention
 * the policy.
 */
async function openWatched(url) {
  const requests = [];
  const sockets = [];
  const policyConsole = [];
  const o = await openPage(env.browser, url, {
    beforeGoto: async (page) => {
      const context = page.context();
      context.on('request', (r) => requests.push({ url: r.url(), worker: Boolean(r.serviceWorker()) }));
      page.on('websocket', (ws) => sockets.push(ws.url()));
      page.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) policyConsole.push(m.text());
      });
      await context.addInitScript(watchPolicy);
    },
  });
  return { ...o, allRequests: requests, sockets, policyConsole };
}

/** Uses the page as a reader does: sliders by keyboard and by drag, a
 *  preset, every disclosure (model settings, tables, the ladder). Asserts
 *  that the page reacted, so the checks after it are about a page in use. */
async function usePage(page) {
  const start = await headline(page);
  for (const [id, key, times] of [
    ['momentum', 'ArrowRight', 4],
    ['aid', 'ArrowLeft', 3],
    ['presence', 'End', 1],
    ['losses', 'ArrowRight', 2],
  ]) {
    await page.locator(`#in-${id}`).focus();
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  }
  const staying = page.locator('#in-staying');
  const box = await staying.boundingBox();
  await staying.click({ position: { x: box.width * 0.8, y: box.height / 2 } });
  await page.waitForFunction(
    (before) => document.querySelector('[data-testid="settlement"] .big')?.textContent.trim() !== before,
    start.settle,
    { timeout: 5_000 },
  );
  await page.locator('[data-preset="coalition"]').click();
  assert.equal(await page.locator('#in-presence').inputValue(), '3', 'the preset was applied');
  const summaries = page.locator('details > summary');
  const count = await summaries.count();
  assert.ok(count >= 3, `the page has disclosures to open (${count})`);
  for (let i = 0; i < count; i++) await summaries.nth(i).click();
  assert.equal(
    await page.locator('details.table[open]').count(),
    await page.locator('details.table').count(),
    'every "Show as table" is open',
  );
  await page.locator('#in-horizon').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

test('using the page requests nothing from any host but its own loopback server', async () => {
  const o = await openWatched(env.url);
  try {
    const { page } = o;
    await usePage(page);
    const origin = new URL(env.url).origin;
    assert.ok(o.allRequests.length >= 4, `the page requested its files (${o.allRequests.length})`);
    const schemes = o.allRequests
      .map((r) => r.url)
      .filter((u) => !/^(https?|data|blob):/.test(u));
    assert.deepEqual(schemes, [], 'requests with a scheme other than http(s), data: or blob:');
    const elsewhere = o.allRequests
      .filter((r) => /^https?:/.test(r.url) && new URL(r.url).origin !== origin)
      .map((r) => `${r.worker ? '(service worker) ' : ''}${r.url}`);
    assert.deepEqual(elsewhere, [], `requests to other hosts than ${origin}`);
    assert.deepEqual(o.sockets, [], 'WebSocket connections');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('using the page leaves no cookie and stores nothing but the offline cache', async () => {
  const o = await openWatched(env.url);
  try {
    const { page } = o;
    await usePage(page);
    // The service worker has had time to install and fill its cache.
    await page.evaluate(() => navigator.serviceWorker.ready);
    assert.deepEqual(await page.context().cookies(), [], 'cookies in the browser context');
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
    }));
    assert.equal(stored.cookie, '', 'document.cookie');
    assert.deepEqual(stored.local, [], 'localStorage keys');
    assert.deepEqual(stored.session, [], 'sessionStorage keys');
    assert.deepEqual(stored.databases, [], 'IndexedDB databases');
    // The one store allowed: the service worker's offline copy.
    for (const name of stored.caches) {
      assert.match(name, /^red-lines-[0-9a-f]{16}$/, `only the offline cache is in Cache Storage (found "${name}")`);
    }
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('the release page carries a strict Content-Security-Policy and no inline script', async () => {
  const response = await fetch(env.url);
  assert.equal(response.status, 200);
  const html = await response.text();
  const metas = [...html.matchAll(/<meta\s[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi)].map((m) => m[0]);
  assert.equal(metas.length, 1, `exactly one CSP <meta> in index.html (found ${metas.length})`);
  const content = /\scontent=(["'])(.*?)\1/i.exec(metas[0])?.[2] ?? '';
  const directives = Object.fromEntries(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
  const has = (name, ...values) => {
    const got = directives[name];
    assert.ok(got, `the policy has ${name} (policy: ${content})`);
    for (const v of values) assert.ok(got.includes(v), `${name} includes ${v} (got: ${got.join(' ')})`);
  };
  has('script-src', "'self'", "'wasm-unsafe-eval'");
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'script-src allows only this origin and wasm');
  has('connect-src', "'self'");
  assert.deepEqual(directives['connect-src'], ["'self'"], 'connect-src allows only this origin');
  has('default-src', "'self'");
  has('object-src', "'none'");
  assert.ok(!/unsafe-inline/i.test(html), "no 'unsafe-inline' anywhere in index.html");
  assert.ok(!/'unsafe-eval'/i.test(content), "no 'unsafe-eval' in the policy");
  assert.ok(!/(^|\s)(\*|https?:|data:)(\s|;|$)/.test(directives['script-src'].join(' ')), 'script-src has no wildcard or scheme source');

  // The policy governs only what follows it: it must come before every
  // script and stylesheet.
  const metaAt = html.indexOf(metas[0]);
  for (const tag of ['<script', '<link']) {
    const at = html.toLowerCase().indexOf(tag);
    if (at >= 0) assert.ok(metaAt < at, `the CSP <meta> comes before the first ${tag}`);
  }

  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
  assert.ok(scripts.length >= 1, 'index.html loads a script');
  const inline = scripts.filter(([, attrs, body]) => !/\bsrc\s*=/.test(attrs) || body.trim() !== '').map((m) => m[0].slice(0, 120));
  assert.deepEqual(inline, [], 'inline <script> in index.html (every script must be a src= file with an empty body)');
  const handlers = [...html.matchAll(/<[a-z][^>]*\son[a-z]+\s*=/gi)].map((m) => m[0].slice(0, 120));
  assert.deepEqual(handlers, [], 'inline event handler attributes in index.html');
  const styleAttrs = [...html.matchAll(/<[a-z][^>]*\sstyle\s*=/gi)].map((m) => m[0].slice(0, 120));
  assert.deepEqual(styleAttrs, [], 'inline style attributes in index.html (style-src has no unsafe-inline)');
  assert.ok(!/<style\b/i.test(html), 'no <style> element in index.html');

  // The rendered page, too, is built without inline event handlers.
  const o = await openPage(env.browser, env.url);
  try {
    const rendered = await o.page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName.toLowerCase()}[${a.name}]`)),
    );
    assert.deepEqual(rendered, [], 'inline event handler attributes in the rendered page');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('no Content-Security-Policy violation while the page is used', async () => {
  const o = await openWatched(env.url);
  try {
    const { page } = o;
    assert.equal(await page.evaluate(() => window.__cspProbe === true), true, 'the violation listener runs under the CSP');
    await usePage(page);
    const violations = await page.evaluate(() => window.__cspViolations);
    assert.deepEqual(violations, [], 'securitypolicyviolation events');
    assert.deepEqual(o.policyConsole, [], 'console messages about the Content Security Policy');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('the violation listener does catch a violation (control for the test above)', async () => {
  const o = await openWatched(env.url);
  try {
    const { page } = o;
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
    });
    await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 5_000 });
    assert.equal(await page.evaluate(() => window.__inlineRan), undefined, 'the policy blocked an inline script');
    const violations = await page.evaluate(() => window.__cspViolations);
    assert.ok(violations.some((v) => v.startsWith('script-src')), `a script-src violation was seen (${violations.join('; ')})`);
    assert.ok(o.policyConsole.length > 0, 'the console reported the violation');
  } finally {
    await o.close();
  }
});
