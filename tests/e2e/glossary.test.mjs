// The glossary (src/ui/glossary.rs): a technical term in the page's text
// opens its definition in place, by click or tap, by hover and by keyboard,
// and a screen reader hears it (the tip is a live region). Every entry is
// listed once in the glossary section of the about footer, in the reader's
// language, and the page passes axe with a definition open.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { LANGS, catalogue, engage, formatViolations, openPage, useBrowser } from './helpers.mjs';

const env = useBrowser();
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The glossary's ids, in order (`IDS` in src/text/terms.rs). */
const IDS = ['rung', 'ladder', 'chasm', 'reassurance', 'tripwire', 'stalemate', 'commitment', 'breakdown', 'escalation', 'range', 'nato', 'minsk', 'coalition', 'annexation', 'sanctions', 'ceasefire'];

/** The definition of `id` in `lang`, as the glossary section holds it. */
function definition(lang, id) {
  const html = catalogue(lang).get('gloss.html');
  const match = html.match(new RegExp(`<dt id="g-${id}">([^<]*)</dt><dd>([^<]*)</dd>`));
  assert.ok(match, `${lang} glossary has ${id}`);
  return { term: match[1], text: match[2] };
}

const tip = '#term-tip';

test('a click opens a definition under its term and a second click closes it', async () => {
  const o = await openPage(env.browser, env.url, DESKTOP);
  try {
    const { page } = o;
    const term = page.locator('[data-testid="settlement"] .term[data-term="range"]');
    await term.click();
    const { term: name, text } = definition('en', 'range');
    await page.waitForFunction((t) => document.querySelector('#term-tip').textContent.includes(t), text);
    assert.equal(await term.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator(`${tip} strong`).textContent(), name);
    assert.equal(await page.locator(tip).getAttribute('aria-live'), 'polite', 'a screen reader hears it');
    // In place: right under the term, and inside the window.
    const at = await term.boundingBox();
    const box = await page.locator(tip).boundingBox();
    assert.ok(Math.abs(box.y - (at.y + at.height)) < 12, `under the term (${box.y} vs ${at.y + at.height})`);
    assert.ok(box.x >= 0 && box.x + box.width <= 1280, 'inside the window');
    await term.click();
    assert.equal(await page.locator(tip).textContent(), '');
    assert.equal(await term.getAttribute('aria-expanded'), 'false');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('a term hovered or tapped before the glossary has arrived opens once it does', async () => {
  // The glossary is in the rest of English, which waits for the reader.
  for (const how of ['hover', 'tap']) {
    const o = await openPage(env.browser, env.url, how === 'tap' ? { ...PHONE, rest: false } : { ...DESKTOP, rest: false });
    try {
      const { page } = o;
      assert.equal(await page.locator('#glossary').count(), 0, 'no glossary yet');
      const term = page.locator('[data-testid="settlement"] .term[data-term="range"]');
      await (how === 'tap' ? term.tap() : term.hover());
      const { text } = definition('en', 'range');
      await page.waitForFunction((t) => document.querySelector('#term-tip').textContent.includes(t), text);
      assert.equal(await term.getAttribute('aria-expanded'), 'true', `${how}: the term says it is open`);
      o.assertClean();
    } finally {
      await o.close();
    }
  }
});

test('hovering opens a definition that stays while the pointer moves onto it', async () => {
  const o = await openPage(env.browser, env.url, DESKTOP);
  try {
    const { page } = o;
    const term = page.locator('.definition .term[data-term="escalation"]');
    await term.hover();
    await page.waitForFunction(() => document.querySelector('#term-tip').textContent !== '');
    const box = await page.locator(tip).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    assert.notEqual(await page.locator(tip).textContent(), '', 'still open over the tip');
    await page.mouse.move(5, 5, { steps: 4 });
    assert.equal(await page.locator(tip).textContent(), '', 'closed once the pointer leaves');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('the keyboard opens a definition, and Escape closes it and keeps the focus', async () => {
  const o = await openPage(env.browser, env.url, DESKTOP);
  try {
    const { page } = o;
    const term = page.locator('.definition .term[data-term="escalation"]');
    await term.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#term-tip').textContent !== '');
    assert.ok((await page.locator(tip).textContent()).includes(definition('en', 'escalation').text));
    await page.keyboard.press('Escape');
    assert.equal(await page.locator(tip).textContent(), '');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.term), 'escalation');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('#term-tip').textContent !== '');
    o.assertClean();
  } finally {
    await o.close();
  }
});

test('a tap opens a definition on a phone, inside the screen, and a tap elsewhere closes it', async () => {
  const o = await openPage(env.browser, env.url, PHONE);
  try {
    const { page } = o;
    const term = page.locator('.definition .term[data-term="escalation"]');
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    await page.waitForFunction(() => document.querySelector('#term-tip').textContent !== '');
    const box = await page.locator(tip).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `inside the screen: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'no sideways scroll');
    await page.locator('.masthead h1').tap();
    assert.equal(await page.locator(tip).textContent(), '');
    o.assertClean();
  } finally {
    await o.close();
  }
});

for (const lang of LANGS) {
  test(`every term is marked in the text and listed in the glossary, in ${lang}`, async () => {
    const o = await openPage(env.browser, `${env.url}?lang=${lang}`, { ...DESKTOP, wait: false });
    try {
      const { page } = o;
      // English's glossary is in the rest of English, which waits for this.
      await engage(page);
      await page.waitForFunction((l) => document.documentElement.lang === l && document.querySelector('#g-range'), lang);
      const listed = await page.$$eval('.glossary dt', (dts) => dts.map((d) => d.id));
      assert.deepEqual(listed, IDS.map((id) => `g-${id}`));
      for (const id of IDS) {
        assert.equal(await page.locator(`#g-${id}`).textContent(), definition(lang, id).term);
      }
      // Every term button opens an entry that exists.
      const marked = await page.$$eval('.term', (terms) => [...new Set(terms.map((t) => t.dataset.term))]);
      assert.deepEqual(marked.filter((id) => !IDS.includes(id)), []);
      await page.locator('.term[data-term="range"]').first().click();
      await page.waitForFunction(() => document.querySelector('#term-tip').textContent !== '');
      assert.ok((await page.locator(tip).textContent()).includes(definition(lang, 'range').text));
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      assert.deepEqual(violations, [], `axe with a definition open:\n${formatViolations(violations)}`);
      o.assertClean(`the page in ${lang}`);
    } finally {
      await o.close();
    }
  });
}
