// Embed mode and the share panel. A host page on another origin (a second
// loopback server, 127.0.0.2) embeds the page with the real pym.js from
// npm, or with the embed code the share panel hands out, and the iframe
// must take the height of the page inside. The embed shows only the parts
// asked for, no chrome, links back to the full explorer with the same
// state, passes axe, and shrugs off hostile messages from its host.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import {
  formatViolations,
  headline,
  openPage,
  setSlider,
  sliderValues,
  useBrowser,
  VERSION,
  waitForApp,
} from './helpers.mjs';

const env = useBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PYM_PARAMS = ['initialWidth', 'childId', 'parentTitle', 'parentUrl'];
/** Every part, as the page's selectors for them. */
const PARTS = {
  headline: '.headline',
  scenarios: '.presets',
  levers: '.controls',
  outcomes: '#fig-outcomes',
  chasm: '#fig-chasm',
  sensitivity: '#fig-sensitivity',
};
const CHROME = ['.skip', '.masthead .kicker', '.masthead .intro', '.about', '.language', '.share', '.mini-headline'];

/** The host: a second static server on another loopback address, so the
 *  iframe is cross-origin (and cross-site) as on a real host page. */
const host = { url: '', pages: new Map(), server: null };
before(async () => {
  const require = createRequire(import.meta.url);
  const pym = await readFile(require.resolve('pym.js/dist/pym.v1.min.js'));
  host.server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path === '/pym.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(pym);
    } else if (host.pages.has(path)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(host.pages.get(path));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => host.server.listen(0, '127.0.0.2', ok));
  host.url = `http://127.0.0.2:${host.server.address().port}`;
});
after(async () => {
  host.server?.closeAllConnections?.();
  await new Promise((ok) => host.server?.close(ok) ?? ok());
});

/** Serves `body` as an article page on the host at `path`; returns its URL.
 *  The page records every message it receives in `window.seen`. */
function hostPage(path, body) {
  host.pages.set(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title><link rel="icon" href="data:,">
<script>window.seen = []; addEventListener('message', (e) => seen.push(e.data));</script></head>
<body><main><h1>An article that embeds Red Lines</h1>${body}<p>After the embed.</p></main></body></html>`,
  );
  return `${host.url}${path}`;
}

/** A host page that embeds `query` with pym.js's Parent. */
function pymPage(query) {
  const src = `${env.url}?${query}`;
  return hostPage(
    '/pym.html',
    `<div id="container"></div><script src="/pym.js"></script>
<script>window.pymParent = new pym.Parent('container', ${JSON.stringify(src)}, { title: 'Red Lines' });</script>`,
  );
}

/** The embedded page's frame, once its app has rendered. */
async function embedded(page) {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  await waitForApp(frame);
  return { iframe: handle, frame };
}

/** Waits until the iframe is as tall as the page inside it (within 3 px)
 *  and the page inside has nothing to scroll; returns both heights. */
async function waitForFit(iframe, frame, what) {
  let last;
  for (let i = 0; i < 100; i++) {
    const outer = (await iframe.boundingBox()).height;
    const inner = await frame.evaluate(() => {
      // The figures load in a module of their own: a shown figures
      // section is not final until they are in it.
      const results = document.querySelector('#results');
      const shown = results !== null && results.getClientRects().length > 0;
      return {
        body: document.body.offsetHeight,
        scroll: document.documentElement.scrollHeight,
        view: innerHeight,
        figures: !shown || results.querySelector('.figure') !== null,
      };
    });
    last = { outer, ...inner };
    const fits = Math.abs(outer - inner.body) <= 3 && inner.scroll <= inner.view + 1 && outer > 100;
    if (fits && inner.figures) return last;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`${what}: the iframe never fitted its page: ${JSON.stringify(last)}`);
}

/** Which of `selectors` are rendered (have a box) in `frame`. */
function shown(frame, selectors) {
  return frame.evaluate(
    (selectors) => selectors.filter((s) => [...document.querySelectorAll(s)].some((e) => e.getClientRects().length > 0)),
    selectors,
  );
}

test('pym.js sizes the iframe to the embed, which shows only the chosen parts and links to the full explorer', async () => {
  const o = await openPage(env.browser, pymPage(`v=${VERSION}&pr=2&ai=0.8&embed=1&show=headline,chasm`), {
    wait: false,
    viewport: { width: 700, height: 900 },
  });
  try {
    const { page } = o;
    const { iframe, frame } = await embedded(page);
    const fit = await waitForFit(iframe, frame, '700 px');
    assert.ok(fit.body > 500, `the embed has content (${fit.body} px)`);
    // pym's own parameters were taken silently.
    const src = new URL(await iframe.getAttribute('src'));
    for (const p of PYM_PARAMS) assert.ok(src.searchParams.has(p), `pym added ${p}`);
    assert.equal(await frame.getByRole('status').count(), 0, 'no notice about pym parameters');

    assert.deepEqual(await shown(frame, Object.values(PARTS)), ['.headline', '#fig-chasm'], 'only the chosen parts');
    assert.deepEqual(await shown(frame, CHROME), [], 'no page chrome');
    assert.equal(await frame.locator('h1').count(), 1, 'the h1 is kept for assistive technology');
    assert.deepEqual(await sliderValues(frame).then((v) => [v.presence, v.aid]), ['2', '0.8'], 'the state is read');

    // The messages the child sent are pym's, with the id pym gave it.
    const seen = await page.evaluate(() => window.seen);
    assert.ok(seen.length >= 1, 'the child reported its height');
    for (const m of seen) assert.match(String(m), /^pymxPYMxcontainerxPYMxheightxPYMx\d+$/);
    assert.ok(seen.length < 30, `a few messages, not a flood (${seen.length})`);

    // The iframe follows the content: open the table, then narrow the page.
    const before = fit.body;
    await frame.locator('#fig-chasm details.table > summary').click();
    // The table is made once its details open, a moment after the click.
    await frame.locator('#fig-chasm details.table table').waitFor();
    const opened = await waitForFit(iframe, frame, 'table opened');
    assert.ok(opened.body > before + 100, `the iframe grew with the table (${before} → ${opened.body})`);
    await page.setViewportSize({ width: 360, height: 780 });
    await waitForFit(iframe, frame, '360 px');

    // The way out: same state, no embed, in a new tab.
    const link = frame.getByRole('link', { name: /open the full explorer/i });
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('rel'), /\bnoopener\b/);
    const full = new URL(await link.getAttribute('href'));
    assert.equal(full.origin + full.pathname, env.url);
    for (const p of ['embed', 'show', ...PYM_PARAMS]) assert.ok(!full.searchParams.has(p), `the link drops ${p}`);
    assert.equal(full.searchParams.get('pr'), '2');
    assert.equal(full.searchParams.get('ai'), '0.8');
    const explorer = await openPage(env.browser, full.href);
    try {
      const values = await sliderValues(explorer.page);
      assert.deepEqual([values.presence, values.aid], ['2', '0.8'], 'the full explorer opens on the same state');
      assert.deepEqual(await headline(explorer.page), await headline(frame), 'and shows the same numbers');
      assert.equal(await explorer.page.locator('html[data-embed]').count(), 0, 'not in embed mode');
      assert.ok(await explorer.page.locator('.masthead .intro').isVisible(), 'with its chrome');
      assert.equal(await explorer.page.getByRole('status').count(), 0, 'and no notice');
      explorer.assertClean('the full explorer');
    } finally {
      await explorer.close();
    }
    o.assertClean('the host page and the embed');
  } finally {
    await o.close();
  }
});

test('an embed of every part, or of charts only, lays out in one column', async () => {
  for (const [query, parts] of [
    ['embed=1', Object.values(PARTS)],
    ['embed=1&show=outcomes,sensitivity', ['#fig-outcomes', '#fig-sensitivity']],
    ['embed=1&show=levers', ['.controls']],
  ]) {
    const o = await openPage(env.browser, pymPage(query), { wait: false, viewport: { width: 1280, height: 900 } });
    try {
      const { iframe, frame } = await embedded(o.page);
      await waitForFit(iframe, frame, query);
      assert.deepEqual(await shown(frame, Object.values(PARTS)), parts, query);
      const width = await frame.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(width <= 0, `${query}: no sideways scrolling`);
      o.assertClean(query);
    } finally {
      await o.close();
    }
  }
});

test('the embed passes axe (WCAG 2.1 AA) with a heading structure, also charts only, in dark mode and at 360 px', async () => {
  for (const [query, options] of [
    ['pr=2&embed=1&show=headline,chasm', { viewport: { width: 700, height: 900 } }],
    ['embed=1&show=outcomes', { viewport: { width: 700, height: 900 }, colorScheme: 'dark' }],
    ['embed=1', { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }],
  ]) {
    const o = await openPage(env.browser, `${env.url}?${query}`, options);
    try {
      await o.page.waitForTimeout(300);
      const results = await new AxeBuilder({ page: o.page }).withTags(TAGS).analyze();
      assert.equal(results.violations.length, 0, `${query}:\n${formatViolations(results.violations)}`);
      assert.equal(await o.page.locator('h1').count(), 1, `${query}: one h1`);
      assert.equal(await o.page.getByRole('main').count(), 1, `${query}: one main landmark`);
      assert.ok((await o.page.getByRole('heading').count()) >= 2, `${query}: headings below the h1`);
      o.assertClean(query);
    } finally {
      await o.close();
    }
  }
});

test('the embed takes no instruction from postMessage: hostile messages change and break nothing', async () => {
  const o = await openPage(env.browser, pymPage('pr=1&embed=1&show=headline,levers'), {
    wait: false,
    viewport: { width: 700, height: 900 },
  });
  try {
    const { page } = o;
    const { iframe, frame } = await embedded(page);
    await waitForFit(iframe, frame, 'before');
    const state = async () => ({
      sliders: await sliderValues(frame),
      numbers: await headline(frame),
      embed: await frame.evaluate(() => document.documentElement.getAttribute('data-embed')),
      url: new URL(frame.url()).search,
      elements: await frame.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed').length),
    });
    await frame.waitForTimeout(400); // the URL settles
    const start = await state();
    await page.evaluate(() => {
      const child = document.querySelector('iframe').contentWindow;
      const pym = (type, text) => ['pym', 'container', type, text].join('xPYMx');
      const junk = [
        'x'.repeat(4_000_000),
        pym('height', 'x'.repeat(100_000)),
        pym('width', '999999999999'),
        pym('width', '-1'),
        pym('width', '<script>alert(1)</script>'),
        pym('navigateTo', 'javascript:alert(1)'),
        pym('scrollToChildPos', '1e9'),
        pym('parentPositionInfo', '0 0 0 0'),
        'pymxPYMxxPYMxwidthxPYMx',
        '<img src=x onerror=alert(1)>',
        '<script>alert(document.domain)</script>',
        'pr=5&embed=0&show=levers',
        '?pr=5',
        JSON.stringify({ embed: false, inputs: { presence: 5 } }),
        { type: 'height', value: 10 },
        { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
        [1, [2, [3, [4]]]],
        new ArrayBuffer(1024),
        new Uint8Array(4096),
        null,
        undefined,
        42,
        NaN,
        true,
        new Date(0),
        /re/g,
        new Map([['pr', 5]]),
      ];
      for (const message of junk) child.postMessage(message, '*');
      window.pymParent.sendMessage('width', '320');
      window.pymParent.sendMessage('width', '<b>bold</b>');
    });
    await frame.waitForTimeout(800);
    assert.deepEqual(await state(), start, 'nothing on the page changed');
    assert.equal(await frame.evaluate(() => Object.prototype.polluted), undefined);
    // The page still works: a presence further above Moscow's line blocks a deal.
    await setSlider(frame, 'presence', 4);
    await frame.waitForFunction(
      (before) => document.querySelector('[data-testid="settlement"] .big').textContent.trim() !== before,
      start.numbers.settle,
    );
    await waitForFit(iframe, frame, 'after');
    for (const m of await page.evaluate(() => window.seen)) {
      assert.match(String(m), /^pymxPYMxcontainerxPYMxheightxPYMx\d+$/, 'the child sends only height messages');
    }
    o.assertClean('the host page and the embed, after hostile messages');
  } finally {
    await o.close();
  }
});

test('share panel: copies a link and an embed code built from the current state', async () => {
  const o = await openPage(env.browser, `${env.url}?pr=2`, {
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  try {
    const { page } = o;
    const panel = page.locator('details.share');
    await panel.locator('summary').click();
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    // Copied straight after a move: the link is the state, not the address
    // bar, which waits for the drag to end.
    await setSlider(page, 'aid', 0.9);
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await panel.getByText('Link copied.').waitFor();
    const link = await clipboard();
    assert.equal(link, await page.locator('#share-link').inputValue(), 'the field shows what was copied');
    const url = new URL(link);
    assert.equal(url.origin + url.pathname, env.url);
    assert.equal(url.searchParams.get('ai'), '0.9');
    assert.equal(url.searchParams.get('pr'), '2');
    assert.ok(!url.searchParams.has('embed'), 'a link, not an embed');
    const values = await sliderValues(page);
    const copy = await openPage(env.browser, link);
    try {
      assert.deepEqual(await sliderValues(copy.page), values, 'the link reproduces every slider');
      assert.deepEqual(await headline(copy.page), await headline(page), 'and the numbers');
      assert.equal(await copy.page.getByRole('status').count(), 0);
      copy.assertClean('the shared link');
    } finally {
      await copy.close();
    }

    // The embed code: headline and outcomes by default; ticking a part adds it.
    await panel.getByRole('checkbox', { name: 'The chasm map' }).check();
    await panel.getByRole('button', { name: 'Copy embed code' }).click();
    await panel.getByText('Embed code copied.').waitFor();
    const code = await clipboard();
    assert.equal(code, await page.locator('#share-code').inputValue());
    const match = code.match(
      /^<iframe src="([^"]+)" title="Red Lines[^"<]*" width="100%" height="(\d+)" loading="lazy" style="border:0"><\/iframe>\n<script>[^\n]+<\/script>$/,
    );
    assert.ok(match, `the embed code has the expected form:\n${code}`);
    assert.ok(Number(match[2]) >= 300, 'a sensible starting height');
    const src = new URL(match[1].replaceAll('&amp;', '&'));
    assert.equal(src.searchParams.get('embed'), '1');
    assert.equal(src.searchParams.get('show'), 'headline,outcomes,chasm');
    assert.equal(src.searchParams.get('ai'), '0.9');

    // Pasted into a host page on another origin, the script sizes the iframe.
    const hosted = await openPage(env.browser, hostPage('/snippet.html', code), {
      wait: false,
      viewport: { width: 700, height: 900 },
    });
    try {
      const { iframe, frame } = await embedded(hosted.page);
      await waitForFit(iframe, frame, 'our snippet');
      assert.deepEqual(await shown(frame, Object.values(PARTS)), ['.headline', '#fig-outcomes', '#fig-chasm']);
      assert.deepEqual(await sliderValues(frame), values, 'the embed shows the shared state');
      assert.match(await iframe.getAttribute('title'), /^Red Lines/, 'the iframe has a title');
      // Messages that are not from the embed's own window and origin are ignored.
      const height = (await iframe.boundingBox()).height;
      await hosted.page.evaluate(() => {
        postMessage('pymxPYMxred-linesxPYMxheightxPYMx77', '*');
        const other = document.createElement('iframe');
        other.srcdoc = "<script>parent.postMessage('pymxPYMxred-linesxPYMxheightxPYMx99', '*')</script>";
        document.body.append(other);
      });
      await hosted.page.waitForTimeout(500);
      assert.equal((await iframe.boundingBox()).height, height, 'spoofed height messages are ignored');
      hosted.assertClean('the host page with our snippet');
    } finally {
      await hosted.close();
    }
    o.assertClean('the share panel');
  } finally {
    await o.close();
  }
});

test('share panel: where the clipboard refuses, the text is selected for copying by hand', async () => {
  const o = await openPage(env.browser, env.url, {
    viewport: { width: 360, height: 780 },
    beforeGoto: (page) =>
      page.addInitScript(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      }),
  });
  try {
    const { page } = o;
    const panel = page.locator('details.share');
    await panel.locator('summary').click();
    await panel.getByRole('button', { name: 'Copy embed code' }).click();
    await panel.getByText(/Could not copy/).waitFor();
    const selection = await page.evaluate(() => {
      const f = document.activeElement;
      return { id: f.id, whole: f.selectionStart === 0 && f.selectionEnd === f.value.length && f.value.length > 100 };
    });
    assert.deepEqual(selection, { id: 'share-code', whole: true });
    await panel.getByRole('button', { name: 'Copy link' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'share-link');
    o.assertClean('the share panel without a clipboard');
  } finally {
    await o.close();
  }
});

test('an embedded story step keeps its caption, for a lesson page', async () => {
  const o = await openPage(env.browser, `${env.url}?embed=1&story=3&show=headline`, {
    viewport: { width: 700, height: 900 },
  });
  try {
    const story = o.page.locator('.story');
    assert.ok(await story.isVisible(), 'the story panel shows');
    assert.match(await story.innerText(), /3/, 'it is the third step');
    assert.ok(!(await o.page.locator('.controls').isVisible()), 'the levers stay hidden');
    assert.ok(!(await o.page.locator('.presets').isVisible()), 'the scenarios stay hidden');
    assert.ok(!(await o.page.locator('.story-start').isVisible()), 'no button to start a story: it is running');
    const { violations } = await new AxeBuilder({ page: o.page }).withTags(TAGS).analyze();
    assert.equal(violations.length, 0, formatViolations(violations));
    o.assertClean('embedded story step');
  } finally {
    await o.close();
  }
});
