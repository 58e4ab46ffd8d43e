// Makes public/preview.png, the social-preview image (1200×630, the size
// Open Graph and Twitter cards expect), from the release build's first
// screen. Run after `cargo xtask dist` when the page's look changes:
//   node tests/e2e/tools/preview.mjs
import { serveDist } from '../serve.mjs';
import { launch, newPage } from '../browser.mjs';

const server = await serveDist();
const browser = await launch();
try {
  const page = await newPage(browser, { viewport: { width: 1200, height: 630 }, colorScheme: 'light' });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="settlement"]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'public/preview.png' });
  console.log('wrote public/preview.png');
} finally {
  await browser.close();
  await server.close();
}
