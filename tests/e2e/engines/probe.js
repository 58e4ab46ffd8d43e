// Loaded first by every page of the cross-engine tests (serve.mjs puts it
// at the top of <head> when asked to). Selenium's classic WebDriver, the
// one protocol geckodriver and WebKitWebDriver both speak, cannot read the
// console or hook a page before its scripts run, as Playwright does for
// Chromium; so the page records its own problems, and the tests read
// `window.__probe` (a missing probe is itself reported as a problem).
//
// Recorded: console.error and console.warn calls (a Rust panic arrives as
// one), uncaught errors and rejections, resources that failed to load,
// Content-Security-Policy violations, and alert/confirm/prompt calls,
// which are answered without showing a dialog.
(() => {
  const problems = [];
  const dialogs = [];
  const text = (args) => args.map((a) => (a instanceof Error ? a.stack || a.message : String(a))).join(' ');
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      problems.push(`console.${level}: ${text(args)}`);
      original(...args);
    };
  }
  addEventListener(
    'error',
    (event) => {
      const target = event.target;
      if (target && target !== window && (target.src || target.href)) {
        problems.push(`failed to load ${target.tagName.toLowerCase()}: ${target.src || target.href}`);
      } else {
        // A WebAssembly trap's stack lists the functions it passed, by
        // index (by name in a build that keeps them: wasm-opt -g).
        const stack = event.error && event.error.stack ? `\n${String(event.error.stack).slice(0, 1500)}` : '';
        problems.push(`pageerror: ${event.message}${stack}`);
      }
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${text([event.reason])}`));
  addEventListener('securitypolicyviolation', (event) =>
    problems.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
  );
  for (const kind of ['alert', 'confirm', 'prompt']) {
    window[kind] = (message) => {
      dialogs.push(`${kind}: ${message}`);
      return kind === 'confirm' ? false : kind === 'prompt' ? null : undefined;
    };
  }
  window.__probe = { problems, dialogs };
})();
