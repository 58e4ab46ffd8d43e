// Export: each chart downloads as an SVG sheet (parses, has the title, the
// settings, the source line and the model version), as a PNG (decodes,
// twice the sheet's size, not blank) and its numbers as CSV (a header and,
// for the outcomes chart, one row a month, each ending in the model
// version), all made in the page without a console error.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { LEVERS, VERSION, loadFigures, openPage, readPng, setSlider, useBrowser } from './helpers.mjs';

const env = useBrowser();

const FIGURES = [
  { id: 'fig-outcomes', stem: 'outcomes', title: 'Outcomes over time' },
  { id: 'fig-chasm', stem: 'chasm-map', title: 'The chasm map' },
  { id: 'fig-sensitivity', stem: 'sensitivity', title: 'What moves the numbers' },
];

const OUTCOMES_HEAD =
  'month,fighting,ceasefire_holding,durable_peace,ceasefire_reached,ceasefire_broke_down,' +
  'settled,settled_p5,settled_p25,settled_median,settled_p75,settled_p95,' +
  'escalated,escalated_p5,escalated_p25,escalated_median,escalated_p75,escalated_p95,model_version';

/** Clicks the button and returns the download's file name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Rows of a CSV file that quotes nothing, checking CRLF line ends. */
function csvRows(text) {
  assert.ok(text.endsWith('\r\n'), 'lines end in CRLF');
  return text.slice(0, -2).split('\r\n');
}

test('each chart downloads as a valid SVG, PNG and CSV', async () => {
  const o = await openPage(env.browser, env.url, { viewport: { width: 1280, height: 900 } });
  try {
    const { page } = o;
    for (const f of FIGURES) {
      const group = page.locator(`#${f.id} .export`);
      const button = (what) => group.getByRole('button', { name: `Download ${what}: ${f.title}`, exact: true });
      await group.scrollIntoViewIfNeeded();

      const svg = await download(page, button('SVG'));
      assert.equal(svg.name, `red-lines-${f.stem}.svg`);
      const text = svg.bytes.toString('utf8');
      const parsed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: root.localName,
          ns: root.namespaceURI,
          width: Number(root.getAttribute('width')),
          height: Number(root.getAttribute('height')),
          viewBox: root.getAttribute('viewBox'),
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
          nested: doc.querySelectorAll('svg svg').length,
        };
      }, text);
      assert.equal(parsed.error, null, `${f.stem}.svg parses as XML`);
      assert.equal(parsed.root, 'svg');
      assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
      assert.equal(parsed.width, 720, `${f.stem}.svg is the wide size`);
      assert.equal(parsed.viewBox, `0 0 ${parsed.width} ${parsed.height}`);
      assert.equal(parsed.nested, 1, 'the chart is nested in the sheet');
      assert.equal(parsed.texts[0], f.title, 'the title is on top');
      assert.ok(parsed.texts.includes('Settings'), 'the settings heading');
      assert.ok(parsed.texts.includes('Front-line momentum: Neither side gains ground'), 'a setting in words');
      assert.ok(parsed.texts.includes("Russia's war aims: Leaning to its full conditions"), 'a setting of model 2 in words');
      assert.ok(
        parsed.texts.some((t) => t.startsWith('Source: Red Lines')),
        'the source line',
      );
      assert.ok(parsed.texts.includes(`Model version ${VERSION}`), 'the model version');
      assert.ok(!text.includes('currentColor'), 'ink is a fixed colour in a file');

      const png = await download(page, button('PNG'));
      assert.equal(png.name, `red-lines-${f.stem}.png`);
      const image = readPng(png.bytes);
      assert.equal(image.width, 2 * parsed.width, `${f.stem}.png is twice the sheet's width`);
      assert.equal(image.height, 2 * parsed.height, `${f.stem}.png is twice the sheet's height`);
      assert.ok(
        image.data.length >= image.height * (1 + 3 * image.width),
        'the image data covers every row',
      );
      assert.ok(new Set(image.data.subarray(0, 400_000)).size > 64, `${f.stem}.png is not blank`);

      const csv = await download(page, button('CSV'));
      assert.equal(csv.name, `red-lines-${f.stem}.csv`);
      const rows = csvRows(csv.bytes.toString('utf8'));
      const width = rows[0].split(',').length;
      assert.ok(width >= 5, 'a header with named columns');
      assert.equal(rows[0].split(',').at(-1), 'model_version', 'the version is the last column');
      for (const row of rows.slice(1)) {
        const cells = row.split(',');
        assert.equal(cells.length, width, `every row has ${width} cells: ${row}`);
        assert.ok(
          cells.slice(1, -1).every((c) => /^-?\d+\.\d+$/.test(c)),
          `numbers with a '.' decimal point: ${row}`,
        );
        assert.equal(cells.at(-1), `v${VERSION}`, 'every row names the model version');
      }
      if (f.stem === 'outcomes') {
        assert.equal(rows[0], OUTCOMES_HEAD);
        assert.equal(rows.length, 1 + 37, 'a header and months 0 to 36');
        assert.deepEqual(
          rows.slice(1).map((r) => r.split(',')[0]),
          Array.from({ length: 37 }, (_, m) => String(m)),
        );
      }
      if (f.stem === 'chasm-map') assert.equal(rows.length, 1 + 16 * 16, 'a row per grid point');
      if (f.stem === 'sensitivity') assert.equal(rows.length, 1 + LEVERS.length, 'a row per lever');
    }
    o.assertClean('exporting every chart');
  } finally {
    await o.close();
  }
});

test('exports follow the settings: a 24-month horizon gives 25 months of CSV and says so', async () => {
  const o = await openPage(env.browser, env.url, {
    viewport: { width: 360, height: 780 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  try {
    const { page } = o;
    await loadFigures(page);
    await setSlider(page, 'horizon', 24);
    // Off-screen charts skip redrawing: bring this one into view first.
    const group = page.locator('#fig-outcomes .export');
    await group.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => /\b24\b/.test(document.querySelector('#fig-outcomes figcaption')?.textContent));
    const csv = await download(page, group.getByRole('button', { name: 'Download CSV: Outcomes over time' }));
    const rows = csvRows(csv.bytes.toString('utf8'));
    assert.equal(rows[0], OUTCOMES_HEAD);
    assert.equal(rows.length, 1 + 25, 'a header and months 0 to 24');
    assert.equal(rows.at(-1).split(',')[0], '24');

    // On a phone the file is still the wide drawing, and says the horizon.
    const svg = await download(page, group.getByRole('button', { name: 'Download SVG: Outcomes over time' }));
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="720"/);
    assert.ok(text.includes('>Months ahead: 24 months</text>'), 'the horizon setting');
    o.assertClean('exporting on a phone');
  } finally {
    await o.close();
  }
});
