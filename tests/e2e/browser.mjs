// Starts the machine's Chromium for the end-to-end tests. playwright-core is
// used without its own browser download (which these machines cannot reach):
// `cargo xtask test` installs Debian's chromium at /usr/bin/chromium.

import { chromium } from 'playwright-core';

/** The browser `cargo xtask test` installs; CHROME_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags for headless Chromium as root on a machine with no outside network:
 *  --no-sandbox because the tests run as root; the rest stop Chromium from
 *  calling home (updates, sync, QUIC probes) and from using GPU or /dev/shm
 *  paths that containers lack. Playwright adds the headless flag itself. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium. Close it with `await browser.close()`.
 *
 * @param {import('playwright-core').LaunchOptions} [options] merged over the defaults.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launch(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/**
 * A page in its own browser context. Use this rather than
 * `browser.newPage()`: @axe-core/playwright's `analyze()` opens a second page
 * in the same context and fails on a page made by `browser.newPage()`.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [contextOptions]
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  return context.newPage();
}
