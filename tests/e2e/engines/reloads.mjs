// Not a test: a tool for a rare fault. It loads the release build again
// and again in one tab of one engine, uses each page at once (the moment
// when on-demand chunks arrive), and counts the pages whose WebAssembly
// trapped or panicked, with what the probe recorded of each.
//
//   node tests/e2e/engines/reloads.mjs [loads] [firefox|webkit]
//
// It is how WebKit's WebAssembly fault (README, "Known problem") was
// caught with a stack and counted: about one page in a thousand.
// WebDriver's own steps cost seconds; here the page drives itself (a
// script after the probe), so a load takes about 1.5 s. The engine's
// options can be set as usual (JSC_useWasmFastMemory=0, for one).

import { serveDist } from '../serve.mjs';
import { startEngine } from './driver.mjs';
import { PROBE, Session } from './session.mjs';

const loads = Number(process.argv[2] ?? 400);
const engine = process.argv[3] ?? 'webkit';

/** Runs in every page, after the probe, while sessionStorage says how
 *  many loads are left: waits for the sliders, opens the advanced ones,
 *  moves a dozen sliders in quick steps, records any problem in
 *  localStorage and goes to the next address. */
const DRIVER = `
(() => {
  const left = Number(sessionStorage.getItem('loads-left') || 0);
  if (!left) return;
  const ADDRESSES = ['./', './?lang=uk&story=5', './?pr=4&lang=fr', './?story=2'];
  const start = performance.now();
  const next = () => {
    const found = JSON.parse(localStorage.getItem('loads-found') || '[]');
    const problems = window.__probe.problems;
    if (problems.length || document.querySelector('main.crash')) {
      found.push({ left, href: location.href, problems: problems.slice(0, 6) });
    }
    localStorage.setItem('loads-found', JSON.stringify(found));
    localStorage.setItem('loads-done', String(Number(localStorage.getItem('loads-done') || 0) + 1));
    sessionStorage.setItem('loads-left', String(left - 1));
    setTimeout(() => (location.href = ADDRESSES[left % ADDRESSES.length]), 50);
  };
  const use = () => {
    const sliders = [...document.querySelectorAll('input[type=range]')];
    if (sliders.length < 5) return performance.now() - start < 8000 ? setTimeout(use, 10) : next();
    document.querySelector('details.advanced > summary')?.click();
    let moved = 0;
    const move = () => {
      if (moved === 12) return setTimeout(next, 600);
      const slider = sliders[moved % sliders.length];
      slider.focus();
      const [min, max] = [Number(slider.min), Number(slider.max)];
      slider.value = String([max, min, (min + max) / 2][moved % 3]);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      moved += 1;
      setTimeout(move, 15 + (left % 4) * 10);
    };
    // A different moment each load, relative to the chunks' arrival.
    setTimeout(move, (left * 37) % 200);
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', use);
  else use();
})();`;

const server = await serveDist({ probe: PROBE + DRIVER });
const started = await startEngine(engine);
const s = new Session(engine, started.driver);
const t0 = Date.now();
try {
  await s.open(server.url);
  await s.js((n) => {
    localStorage.clear();
    sessionStorage.setItem('loads-left', String(n));
    location.reload();
  }, loads);
  let before = -1;
  let shown = 0;
  let still = 0;
  for (;;) {
    await new Promise((ok) => setTimeout(ok, 5000));
    // Between two pages a script may fail: try again next time.
    const state = await s
      .js(() => ({
        done: Number(localStorage.getItem('loads-done') || 0),
        found: JSON.parse(localStorage.getItem('loads-found') || '[]'),
      }))
      .catch(() => null);
    if (!state) continue;
    console.log(`${Math.round((Date.now() - t0) / 1000)} s: ${state.done} loads, ${state.found.length} with a problem`);
    for (const f of state.found.slice(shown)) console.log(JSON.stringify(f));
    shown = state.found.length;
    const stuck = state.done === before && ++still > 4;
    if (state.done >= loads || stuck) {
      if (stuck) console.log('no progress for 25 s: stopped');
      break;
    }
    if (state.done !== before) still = 0;
    before = state.done;
  }
} finally {
  await started.quit();
  await server.close();
}
