// Story mode: a guided sequence of steps for lessons. Each step moves every
// slider to its settings and shows its caption; the URL names the step, and
// a step link (?story=N) opens that step. Keyboard and screen reader
// friendly, with no axe (WCAG 2.1 AA) violation.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import {
  DEFAULTS,
  QUERY_KEYS,
  catalogue,
  formatViolations,
  headline,
  openPage,
  setSlider,
  sliderValues,
  useBrowser,
} from './helpers.mjs';

const env = useBrowser();
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Each step's sliders (src/story.rs), keyed by slider id: step 1 is the
 *  defaults, step 2 drops the proposed force, step 3 puts a smaller one
 *  inside a line Moscow accepts, and steps 4 to 7 build on step 3, steps
 *  4 and 5 moving each side's aims by the same amount. */
const ACCEPTED = { ...DEFAULTS, presence: '2', tolerance: '2' };
const AIMS = { ...ACCEPTED, aims: '0.15' };
const MOSCOW = { ...AIMS, russian_aims: '0.5' };
const PRESSURE = { ...MOSCOW, momentum: '0', attrition: '0.95', losses: '0.5', ua_losses: '0.3', pressure: '0.9' };
const STEPS = [
  { title: "Today's positions", sliders: DEFAULTS },
  { title: 'Without the force', sliders: { ...DEFAULTS, presence: '0' } },
  { title: 'A presence Moscow accepts', sliders: ACCEPTED },
  { title: "Ukraine's aims shift", sliders: AIMS },
  { title: "Russia's aims shift", sliders: MOSCOW },
  { title: 'The pressure to sign', sliders: PRESSURE },
  { title: 'A settlement shaped by power', sliders: { ...PRESSURE, pressure: '0.3', aid: '0.7', staying: '72' } },
];

/** What the story panel shows. In story mode (its start button hidden)
 *  it first waits for the panel, whose module loads on demand. */
const panel = async (page) => {
  await page.waitForFunction(
    () => document.querySelector('section.story') || !document.querySelector('#story-open')?.hidden,
    null,
    { timeout: 10_000 },
  );
  return page.evaluate(() => {
    const section = document.querySelector('section.story');
    return {
      shown: Boolean(section) && !section.hidden && section.getBoundingClientRect().height > 0,
      count: section?.querySelector('.story-count')?.textContent.trim() ?? '',
      title: document.getElementById('story-title')?.textContent.trim() ?? '',
      caption: section?.querySelector('[aria-live="polite"]')?.textContent.trim() ?? '',
      off: Boolean(section?.querySelector('.story-off:not([hidden])')),
      focus: document.activeElement?.id ?? '',
      link: section?.querySelector('a')?.getAttribute('href') ?? '',
    };
  });
};

/** Waits until the address bar names story step n (or no step). */
const urlHasStep = (page, n) =>
  page.waitForFunction((n) => new URLSearchParams(location.search).get('story') === n, n === null ? null : String(n), {
    timeout: 3000,
  });

/** Presses Tab until the focused element's text is `text`. */
async function tabTo(page, text, limit = 10) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent.trim())) === text) return;
  }
  assert.fail(`Tab never reached "${text}"`);
}

test('story mode steps through every step with the keyboard: sliders, caption, focus and URL follow', async () => {
  const o = await openPage(env.browser, env.url, DESKTOP);
  try {
    const { page } = o;
    assert.equal((await panel(page)).shown, false, 'the story panel waits to be opened');
    const start = page.locator('#story-open');
    assert.match(await start.textContent(), /story mode/i);
    await start.focus();
    await page.keyboard.press('Enter');

    let before = null;
    for (let k = 0; k < STEPS.length; k++) {
      const n = k + 1;
      await page.waitForFunction((n) => document.querySelector('.story-count')?.textContent.includes(`Step ${n} of`), n);
      await urlHasStep(page, n);
      const p = await panel(page);
      assert.ok(p.shown, `step ${n} shows the panel`);
      assert.equal(p.count, `Step ${n} of ${STEPS.length}`);
      assert.equal(p.title, STEPS[k].title);
      assert.ok(p.caption.length > 40, `step ${n} has a caption`);
      // A year that dates a stated position is not a figure of the model.
      assert.ok(!/\d|%/.test(p.caption.replace(/\b(19|20)\d\d\b/g, '')), `step ${n}'s caption names no number: ${p.caption}`);
      assert.equal(p.focus, 'story-title', `step ${n}: focus moves to the step title`);
      assert.equal(p.off, false, `step ${n} is on its own settings`);
      assert.equal(p.link, `?story=${n}`, 'the step link names the step');
      assert.deepEqual(await sliderValues(page), STEPS[k].sliders, `step ${n}'s settings are on the sliders`);
      const numbers = await headline(page);
      if (before) {
        assert.notEqual(p.caption, before.caption, `step ${n}'s caption differs from the last`);
        assert.notDeepEqual(numbers, before.numbers, `step ${n}: the headline numbers move`);
      }
      before = { caption: p.caption, numbers };
      if (n < STEPS.length) {
        await tabTo(page, 'Next');
        await page.keyboard.press('Enter');
      }
    }
    assert.equal(await page.getByRole('button', { name: 'Next' }).isDisabled(), true, 'Next stops at the last step');
    // And back with Previous, by mouse.
    await page.getByRole('button', { name: 'Previous' }).click();
    await urlHasStep(page, STEPS.length - 1);
    assert.equal((await panel(page)).title, STEPS[STEPS.length - 2].title);
    o.assertClean('story mode');
  } finally {
    await o.close();
  }
});

test('moving a slider in a step keeps the story and offers the way back; exit leaves story mode', async () => {
  const o = await openPage(env.browser, `${env.url}?story=3`, DESKTOP);
  try {
    const { page } = o;
    await setSlider(page, 'presence', 5);
    await page.waitForFunction(() => document.querySelector('.story-off:not([hidden])'));
    let p = await panel(page);
    assert.ok(p.shown && p.off, 'the panel stays and says the settings have changed');
    assert.equal(p.title, STEPS[2].title);
    await page.waitForTimeout(400);
    const url = new URL(page.url()).searchParams;
    assert.equal(url.get('story'), '3');
    assert.equal(url.get('pr'), '5', 'the address bar holds what is on screen');

    await page.getByRole('button', { name: "Back to this step's settings" }).click();
    await page.waitForFunction(() => document.querySelector('.story-off')?.hidden);
    assert.deepEqual(await sliderValues(page), STEPS[2].sliders, 'back on the step settings');

    await page.getByRole('button', { name: 'Exit story' }).click();
    await urlHasStep(page, null);
    p = await panel(page);
    assert.equal(p.shown, false, 'the panel closes');
    assert.equal(p.focus, 'story-open', 'focus returns to the story button');
    assert.deepEqual(await sliderValues(page), STEPS[2].sliders, 'exit keeps the sliders where they are');
    o.assertClean('leaving a step');
  } finally {
    await o.close();
  }
});

test('a step link opens that step with its settings, and the link on the panel reopens it', async () => {
  const o = await openPage(env.browser, `${env.url}?story=3`, DESKTOP);
  try {
    const { page } = o;
    const p = await panel(page);
    assert.ok(p.shown);
    assert.equal(p.count, `Step 3 of ${STEPS.length}`);
    assert.equal(p.title, STEPS[2].title);
    assert.deepEqual(await sliderValues(page), STEPS[2].sliders);
    assert.equal(await page.getByRole('status').count(), 0, 'no notice for a good link');
    // The address bar fills in every input: a permalink that reproduces.
    await page.waitForFunction(
      ([keys, presence]) => {
        const params = new URLSearchParams(location.search);
        return keys.every((key) => params.has(key)) && params.get('pr') === presence;
      },
      [QUERY_KEYS, STEPS[2].sliders.presence],
    );

    await setSlider(page, 'aims', 0.9);
    await page.getByRole('link', { name: 'Link to this step' }).click();
    await page.waitForFunction((aims) => document.getElementById('in-aims')?.value === aims, STEPS[2].sliders.aims);
    assert.deepEqual(await sliderValues(page), STEPS[2].sliders, 'the step link opens the step settings');
    assert.equal((await panel(page)).title, STEPS[2].title);
    o.assertClean('a step link');
  } finally {
    await o.close();
  }
});

test('?story=99 shows the last step with a notice', async () => {
  const o = await openPage(env.browser, `${env.url}?story=99`, DESKTOP);
  try {
    const { page } = o;
    const p = await panel(page);
    assert.equal(p.count, `Step ${STEPS.length} of ${STEPS.length}`);
    assert.equal(p.title, STEPS[STEPS.length - 1].title);
    assert.deepEqual(await sliderValues(page), STEPS[STEPS.length - 1].sliders);
    const notice = page.getByRole('status');
    assert.equal(await notice.count(), 1, 'a notice shows');
    assert.match(await notice.textContent(), /story step 99/);
    await urlHasStep(page, STEPS.length);
    o.assertClean('?story=99');
  } finally {
    await o.close();
  }
});

test('on a 360 px phone the story sits above the sliders with the numbers in reach, and fits', async () => {
  const o = await openPage(env.browser, `${env.url}?story=2`, PHONE);
  try {
    const { page } = o;
    const layout = await page.evaluate(() => {
      const top = (s) => document.querySelector(s).getBoundingClientRect().top + scrollY;
      return {
        story: top('section.story'),
        headline: top('.headline'),
        slider: top('#in-momentum'),
        width: document.documentElement.scrollWidth,
        buttons: [...document.querySelectorAll('section.story button:not([hidden])')]
          .filter((b) => b.offsetParent)
          .map((b) => b.getBoundingClientRect().height),
      };
    });
    assert.ok(layout.story < layout.slider, 'the story comes before the sliders');
    assert.ok(layout.headline < layout.story, 'the headline numbers come first');
    assert.ok(layout.width <= 360, `no sideways scrolling (${layout.width})`);
    assert.ok(layout.buttons.every((h) => h >= 44), `touch targets of 44 px (${layout.buttons})`);

    // A tap on Next brings the new step to the top, below the sticky numbers.
    await page.getByRole('button', { name: 'Next' }).tap();
    await page.waitForFunction(() => document.activeElement?.id === 'story-title');
    await page.waitForTimeout(100);
    const view = await page.evaluate(() => ({
      title: document.getElementById('story-title').getBoundingClientRect().top,
      numbers: document.querySelector('.mini-headline').getBoundingClientRect().bottom,
    }));
    assert.ok(view.title >= view.numbers && view.title < 200, `the step title is in view below the numbers (${JSON.stringify(view)})`);
    assert.equal((await panel(page)).title, STEPS[2].title);
    o.assertClean('phone');
  } finally {
    await o.close();
  }
});

async function audit(name, url, options, prepare = async () => {}) {
  const o = await openPage(env.browser, url, options);
  try {
    await prepare(o.page);
    await o.page.waitForTimeout(300);
    const results = await new AxeBuilder({ page: o.page }).withTags(TAGS).analyze();
    const { violations } = results;
    assert.equal(violations.length, 0, `axe found violations in ${name}:\n${formatViolations(violations)}`);
    assert.ok(results.passes.length > 10, 'axe ran its checks');
    o.assertClean(name);
  } finally {
    await o.close();
  }
}

test('axe: no violations in story mode (light, desktop)', () =>
  audit('story mode', env.url, { ...DESKTOP, colorScheme: 'light' }, async (page) => {
    await page.locator('#story-open').click();
    await page.getByRole('button', { name: 'Next' }).click();
    await urlHasStep(page, 2);
  }));

test('axe: no violations in story mode with changed settings (dark, 360 px)', () =>
  audit('story mode, dark phone', `${env.url}?story=3`, { ...PHONE, colorScheme: 'dark' }, async (page) => {
    await setSlider(page, 'presence', 4);
    await page.waitForFunction(() => document.querySelector('.story-off:not([hidden])'));
  }));

test('axe: no violations on the last step with its notice', () =>
  audit('last step with notice', `${env.url}?story=99`, DESKTOP));

test('a step whose figure rests on one assumption names it and shows the range', async () => {
  const o = await openPage(env.browser, `${env.url}?story=1`, DESKTOP);
  try {
    const { page } = o;
    const depends = page.getByTestId('story-depends');
    await page.waitForFunction(() => document.querySelector('[data-testid="story-depends"]').textContent !== '');
    const text = await depends.textContent();
    // The assumption is how far Moscow's stated line is its real one.
    assert.ok(text.includes(`“${catalogue('en').get('input.credibility.label')}”`), text);
    assert.match(text, /from (under 0\.1|\d+(\.\d)?)% to \d+(\.\d)?%/);
    // Without the proposed force, Moscow's line no longer decides it.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction(() => document.querySelector('#story-title').textContent === 'Without the force');
    assert.equal(await depends.textContent(), '');
    o.assertClean();
  } finally {
    await o.close();
  }
});
