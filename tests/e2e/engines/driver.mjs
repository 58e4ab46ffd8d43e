// Starts Firefox or WebKit for the cross-engine tests, through Selenium and
// each engine's own WebDriver: geckodriver for Debian's firefox-esr, and
// WebKitGTK's WebKitWebDriver, which starts MiniBrowser. Playwright's own
// Firefox and WebKit builds would have to be downloaded from outside the
// registries these machines reach, so the engines come from Debian.
// `cargo xtask test` installs them and passes the paths below.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER || 'geckodriver';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
/** WebKitWebDriver starts this browser; Debian keeps it in the library's folder. */
export const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The desktop window the tests use unless they ask for another. */
export const DESKTOP = { width: 1280, height: 900 };

/** How long a script run in the page may take (the speed measurement runs
 *  hundreds of updates in one call). */
const SCRIPT_TIMEOUT_MS = 120_000;

/**
 * Starts `engine` ('firefox' or 'webkit') with a desktop-sized window.
 * The page speaks English whatever the machine's locale, as Playwright's
 * Chromium does for the other suite.
 *
 * WebKit runs without its accelerated compositing unless `compositing` is
 * true, for the reason Chromium runs with --disable-gpu: these machines
 * have no GPU, so WebKitGTK composites through software OpenGL (Mesa's
 * llvmpipe), whose threads take the machine's two cores from the page
 * and make every input-to-layout time two to three times what it is in
 * either mode on a machine with a GPU. The page's own work is the same in
 * both modes; `cargo xtask bench` reports both.
 *
 * @param {string} engine
 * @param {{compositing?: boolean}} [options]
 * @returns {Promise<{engine: string, driver: import('selenium-webdriver').WebDriver, quit: () => Promise<void>}>}
 */
export async function startEngine(engine, { compositing = false } = {}) {
  const started = engine === 'firefox' ? await startFirefox() : await startWebKit(compositing);
  const { driver } = started;
  await driver.manage().setTimeouts({ script: SCRIPT_TIMEOUT_MS, pageLoad: 60_000 });
  await driver.manage().window().setRect(DESKTOP);
  return { engine, ...started };
}

async function startFirefox() {
  const options = new firefox.Options()
    .setBinary(FIREFOX_PATH)
    .addArguments('-headless')
    .setPreference('intl.accept_languages', 'en-US, en')
    .setPreference('intl.locale.requested', 'en-US')
    // Lets the test read back what the share panel copied; in a reader's
    // Firefox, reading the clipboard asks with a paste menu.
    .setPreference('dom.events.testing.asyncClipboard', true)
    // Nothing to call home to on these machines.
    .setPreference('app.update.enabled', false)
    .setPreference('browser.shell.checkDefaultBrowser', false)
    .setPreference('datareporting.policy.dataSubmissionEnabled', false)
    .setPreference('toolkit.telemetry.enabled', false)
    .setPreference('network.captive-portal-service.enabled', false)
    .setPreference('network.connectivity-service.enabled', false);
  const service = new firefox.ServiceBuilder(GECKODRIVER);
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  return { driver, quit: () => driver.quit() };
}

/** WebKitWebDriver under a virtual X display: MiniBrowser has no headless
 *  mode. xvfb-run and the driver are one process group, ended together. */
async function startWebKit(compositing) {
  const port = await freePort();
  const child = spawn(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1920x1200x24', WEBKIT_DRIVER, `--port=${port}`, '--host=127.0.0.1'],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        LANG: 'en_US.UTF-8',
        LANGUAGE: 'en_US',
        ...(compositing ? {} : { WEBKIT_DISABLE_COMPOSITING_MODE: '1' }),
      },
    },
  );
  let log = '';
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const server = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  try {
    await waitForDriver(server, child, () => log);
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    return {
      driver,
      quit: async () => {
        await driver.quit().catch(() => {});
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Polls the driver's /status until it answers (10 s at most). */
async function waitForDriver(server, child, log) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}):\n${log()}`);
    const ready = await fetch(`${server}/status`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on ${server} within 10 s:\n${log()}`);
}

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}
