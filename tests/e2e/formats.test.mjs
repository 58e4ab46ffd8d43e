// Numbers on the page are character for character what the browser's own
// Intl.NumberFormat writes for the same value and the same number of
// decimals, in every language: decimal separator, the space (or none)
// before the percent sign and which space it is (U+00A0, U+202F), the
// "under 0.1%" form, and the plural of a month count (Intl.PluralRules).
// The native side (tests/i18n.rs, src/i18n/mod.rs) pins the same formats
// and the rounding; this test asks the browser itself.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, ESCALATE_BIG, LANGS, SETTLE_BIG, catalogue, openPage, showFigures, useBrowser } from './helpers.mjs';

const env = useBrowser();


/** Shows the characters a reader cannot tell apart: spaces and signs. */
function visible(text) {
  return [...text].map((c) => (/[\d\p{L}.,]/u.test(c) ? c : `<U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)).join('');
}

function assertSame(shown, intl, what) {
  assert.equal(visible(shown), visible(intl), `${what}: the page shows ${JSON.stringify(shown)}, Intl ${JSON.stringify(intl)}`);
}

/**
 * What Intl.NumberFormat writes, in the page, for each percentage the page
 * shows: the value is read back from the shown digits, and formatted with
 * as many decimals as were shown. The "under 0.1%" form is the catalogue's
 * words around Intl's own 0.1%.
 */
async function intlPercents(page, lang, under, shown) {
  return page.evaluate(
    ({ lang, under, shown }) => {
      const pct = (v, d) =>
        new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
      const underForm = under.replace('{n}', pct(0.001, 1));
      return shown.map((text) => {
        if (text === underForm) return underForm;
        const m = text.match(/\d+(?:[.,](\d+))?/);
        if (!m) return `(Intl needs a number: ${text})`;
        return pct(Number(m[0].replace(',', '.')) / 100, m[1]?.length ?? 0);
      });
    },
    { lang, under, shown },
  );
}

for (const code of LANGS) {
  test(`${code}: the page's numbers are what Intl.NumberFormat writes`, async () => {
    const t = catalogue(code);
    // No Western presence: the settlement is above 10% (whole percent),
    // escalation below (one decimal); and with no revision of a proposal,
    // the chasm map's cells far above the line, where a deal stays
    // blocked, show "under 0.1%".
    const o = await openPage(env.browser, `${env.url}?lang=${code}&pr=0&rv=0`, { wait: false });
    try {
      const { page } = o;
      await showFigures(page);
      // A figure makes its table only while "Show as table" is open.
      for (const figure of ['#fig-outcomes', '#fig-chasm']) {
        await page.locator(`${figure} details.table > summary`).click();
      }
      await page.waitForFunction(
        ([lang, title]) =>
          document.documentElement.lang === lang &&
          document.querySelector('.controls h2')?.textContent?.trim() === title &&
          document.querySelector('#fig-outcomes table td') !== null &&
          document.querySelector('#fig-chasm table td') !== null,
        [code, t.get('levers.title')],
        { timeout: 15_000 },
      );
      const text = (selector) => page.$eval(selector, (e) => e.textContent.trim());

      // The headline numbers and their ranges.
      const [prefix, suffix] = t.get('headline.range').split('{range}');
      const headline = [];
      for (const number of ['settlement', 'escalation']) {
        const big = await text(number === 'settlement' ? SETTLE_BIG : ESCALATE_BIG);
        const range = await text(`[data-testid="${number}"] .range`);
        assert.ok(range.startsWith(prefix) && range.endsWith(suffix), `${code} ${number} range: ${range}`);
        const ends = range.slice(prefix.length, range.length - suffix.length).split('–');
        assert.equal(ends.length, 2, `${code} ${number} range has two ends: ${range}`);
        headline.push([`${number}`, big], [`${number} range from`, ends[0]], [`${number} range to`, ends[1]]);
      }
      assert.ok(!/[.,]/.test(headline[0][1]), `${code}: the settlement (above 10%) is a whole percent: ${headline[0][1]}`);
      assert.ok(/[.,]/.test(headline[3][1]), `${code}: escalation (below 10%) has one decimal: ${headline[3][1]}`);

      // Every percentage in the outcomes table and the chasm map's table
      // ("escalation / ceasefire" in each cell of the latter).
      const cells = await page.$$eval('#fig-outcomes table td, #fig-chasm table td', (tds) =>
        tds.flatMap((td) => td.textContent.split(' / ').map((s) => s.trim())).filter((s) => /\d/.test(s)),
      );
      const tables = cells.filter((s) => s.includes('%'));
      const under = t.get('fmt.under_tenth');
      const underSeen = tables.filter((s) => s.startsWith(under.split('{n}')[0]));
      assert.ok(tables.length > 40, `${code}: the tables show percentages (${tables.length})`);
      assert.ok(underSeen.length > 0, `${code}: the chasm map shows the "under 0.1%" form`);

      const shown = [...headline.map(([, s]) => s), ...tables];
      const intl = await intlPercents(page, code, under, shown);
      shown.forEach((s, i) => assertSame(s, intl[i], `${code} ${headline[i]?.[0] ?? 'table cell'}`));

      // A decimal slider value, "High (0.80)", and percent and month counts
      // in slider values, from the inputs' known defaults.
      const expected = await page.evaluate(
        ({ lang, attrition, aid, staying, catalog }) => {
          const number = (v, d) =>
            new Intl.NumberFormat(lang, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
          const pct = (v) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(v);
          const months = (n) =>
            catalog[`unit.months.${new Intl.PluralRules(lang).select(n)}`].replace('{n}', number(n, 0));
          return {
            attrition: `${catalog['level.high']} (${number(attrition, 2)})`,
            aid: catalog['value.aid'].replace('{n}', pct(aid)),
            staying: catalog['value.staying'].replace('{months}', months(staying)),
            horizon: months(staying),
          };
        },
        {
          lang: code,
          attrition: Number(DEFAULTS.attrition),
          aid: Number(DEFAULTS.aid),
          staying: Number(DEFAULTS.staying),
          catalog: Object.fromEntries(t),
        },
      );
      assert.equal(Number(DEFAULTS.attrition), 0.8, 'attrition defaults to 0.8 (High)');
      assertSame(await text('output[for="in-attrition"]'), expected.attrition, `${code} attrition slider`);
      assertSame(await text('output[for="in-aid"]'), expected.aid, `${code} aid slider`);
      assertSame(await text('output[for="in-staying"]'), expected.staying, `${code} staying-power slider`);
      assert.equal(DEFAULTS.horizon, DEFAULTS.staying, 'horizon and staying power share a default');
      assertSame(await text('output[for="in-horizon"]'), expected.horizon, `${code} horizon slider`);
      o.assertClean(`${code} page`);
    } finally {
      await o.close();
    }
  });
}
