// Takes screenshots of the release build for a person to look at:
// `node tests/e2e/tools/screenshot.mjs [query] [outdir]` writes desktop,
// phone and dark-mode PNGs. Not a test: a tool for reviewing the page.
import { serveDist } from '../serve.mjs';
import { launch, newPage } from '../browser.mjs';

const query = process.argv[2] ?? '';
const out = process.argv[3] ?? 'tests/e2e/out';
const server = await serveDist();
const browser = await launch();
const shots = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
];
for (const shot of shots) {
  const { name, ...options } = shot;
  const page = await newPage(browser, options);
  page.on('console', (m) => console.log(`[${name}] console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('[data-testid="settlement"]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(`${name}: scrollWidth ${width}`);
}
await browser.close();
await server.close();
