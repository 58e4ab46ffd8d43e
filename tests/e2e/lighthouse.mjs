// A Lighthouse audit of the release build: serves dist/ on loopback, audits
// it as Lighthouse's default phone (Moto G Power screen, simulated slow 4G
// and a 4× slower CPU), prints the four category scores, the key metrics and
// every failed audit with what it found, writes the full report to
// tests/e2e/out/, and exits non-zero when a score is below its threshold.
//
// Slow (half a minute or more), so it is a script rather than a
// *.test.mjs file: `cargo xtask lighthouse` builds dist/ and runs it, and
// `cargo xtask test` runs it last. By hand: `node tests/e2e/lighthouse.mjs`
// from the repository root after `cargo xtask dist`.

import { CHROMIUM_ARGS } from './browser.mjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist } from './serve.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'out');

/** The lowest acceptable score per category (0–1). */
const THRESHOLDS = {
  performance: 0.95,
  accessibility: 1.0,
  'best-practices': 0.95,
  seo: 0.9,
};

/** The metrics worth reading first, by audit id. */
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];

/** Headless Chromium as root on a machine with no outside network: the
 *  same flags as every other browser test (browser.mjs), plus headless,
 *  which Lighthouse's launcher does not add itself. */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

/** Lighthouse shows an audit as passed from this score up (its
 *  PASS_THRESHOLD); binary audits score 0 or 1. */
const PASS = 0.9;

/** The audit modes that carry no pass or fail. */
const UNSCORED = new Set(['informative', 'notApplicable', 'manual']);

const pct = (score) => (score === null || score === undefined ? '  -' : String(Math.round(score * 100)).padStart(3));

/** A few lines on what an audit found: the offending nodes, URLs or
 *  sources of its details table (tables nested in a list included). */
function findings(audit, limit = 8) {
  const rows = [];
  const walk = (details) => {
    for (const item of details?.items ?? []) {
      if (item && (item.type === 'table' || item.type === 'opportunity' || item.type === 'list')) walk(item);
      else if (item?.type === 'list-section') walk(item.value);
      else if (item && item.type !== 'debugdata' && item.type !== 'network-tree') rows.push(item);
    }
  };
  walk(audit.details);
  const lines = [];
  for (const item of rows.slice(0, limit)) {
    const parts = [];
    const node = item.node ?? (item.type === 'node' ? item : undefined);
    if (node?.selector) parts.push(node.selector);
    if (node?.snippet) parts.push(node.snippet.replace(/\s+/g, ' ').slice(0, 160));
    if (node?.explanation) parts.push(node.explanation.replace(/\s+/g, ' ').slice(0, 300));
    if (typeof item.url === 'string') parts.push(item.url);
    if (item.source?.url) parts.push(`${item.source.url}:${item.source.line ?? ''}`);
    if (typeof item.statistic === 'string') parts.push(`${item.statistic}: ${item.value?.value ?? item.value}`);
    if (typeof item.phase === 'string') parts.push(`${item.phase} ${item.percent ?? ''} ${Math.round(item.timing ?? 0)} ms`);
    if (typeof item.reason === 'string') parts.push(`${item.reason}${item.failureType ? ` (${item.failureType})` : ''}`);
    if (typeof item.description === 'string') parts.push(item.description.slice(0, 200));
    if (typeof item.wastedBytes === 'number') parts.push(`could save ${(item.wastedBytes / 1024).toFixed(1)} KiB`);
    if (typeof item.wastedMs === 'number') parts.push(`could save ${Math.round(item.wastedMs)} ms`);
    if (typeof item.duration === 'number' && !item.wastedMs) parts.push(`${Math.round(item.duration)} ms`);
    if (parts.length === 0) {
      const text = JSON.stringify(item);
      parts.push(text.length > 200 ? `${text.slice(0, 200)}…` : text);
    }
    lines.push(parts.join(' — '));
  }
  if (rows.length > limit) lines.push(`… and ${rows.length - limit} more`);
  return lines;
}

async function main() {
  const server = await serveDist();
  let chrome;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      chromeFlags: CHROME_FLAGS,
      logLevel: 'silent',
    });
    const result = await lighthouse(server.url, {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: Object.keys(THRESHOLDS),
    });
    if (!result) throw new Error('Lighthouse returned no result');
    return await summarise(result, server.url);
  } finally {
    await chrome?.kill();
    await server.close();
  }
}

async function summarise({ lhr, report }, url) {
  await mkdir(OUT, { recursive: true });
  const [json, html] = Array.isArray(report) ? report : [report];
  await writeFile(join(OUT, 'lighthouse.json'), json);
  if (html) await writeFile(join(OUT, 'lighthouse.html'), html);

  const settings = lhr.configSettings;
  console.log(`Lighthouse ${lhr.lighthouseVersion} on ${url}`);
  console.log(`  ${lhr.environment?.hostUserAgent ?? ''}`);
  console.log(
    `  form factor ${settings.formFactor}, throttling ${settings.throttlingMethod}` +
      ` (RTT ${settings.throttling?.rttMs} ms, ${settings.throttling?.throughputKbps} Kbps, CPU ×${settings.throttling?.cpuSlowdownMultiplier})`,
  );
  if (lhr.runtimeError) {
    console.log(`\nLighthouse could not audit the page: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return 1;
  }
  for (const warning of lhr.runWarnings ?? []) console.log(`  warning: ${warning}`);

  console.log('\nscores (threshold)');
  const below = [];
  for (const [id, min] of Object.entries(THRESHOLDS)) {
    const category = lhr.categories[id];
    const score = category?.score ?? null;
    const ok = score !== null && score >= min;
    if (!ok) below.push(`${category?.title ?? id} ${pct(score).trim()} < ${Math.round(min * 100)}`);
    console.log(`  ${(category?.title ?? id).padEnd(16)} ${pct(score)}  (${Math.round(min * 100)})  ${ok ? 'ok' : 'BELOW'}`);
  }

  console.log('\nmetrics');
  for (const [id, short] of METRICS) {
    const audit = lhr.audits[id];
    console.log(`  ${short.padEnd(4)} ${String(audit?.displayValue ?? '-').padEnd(10)} score ${pct(audit?.score)}  ${audit?.title ?? id}`);
  }

  console.log('\nfailed audits');
  let failures = 0;
  for (const id of Object.keys(THRESHOLDS)) {
    const category = lhr.categories[id];
    if (!category) continue;
    const failed = category.auditRefs
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ audit }) => audit && !UNSCORED.has(audit.scoreDisplayMode))
      .filter(({ audit }) => audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < PASS));
    console.log(`  ${category.title}: ${failed.length === 0 ? 'none' : failed.length}`);
    for (const { ref, audit } of failed) {
      failures++;
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      const weight = ref.weight ? `, weight ${ref.weight}` : '';
      const error = audit.errorMessage ? ` error: ${audit.errorMessage}` : '';
      console.log(`    - ${audit.id}: ${audit.title}${value} [score ${pct(audit.score).trim()}${weight}]${error}`);
      for (const line of findings(audit)) console.log(`        ${line}`);
    }
  }

  console.log(`\nfull report: ${relative(process.cwd(), join(OUT, 'lighthouse.html'))} (and lighthouse.json)`);
  if (below.length > 0) {
    console.log(`\nLighthouse FAILED: ${below.join('; ')} (${failures} failed audits listed above)`);
    return 1;
  }
  console.log(`\nLighthouse passed every threshold${failures ? ` (${failures} audits below ${PASS * 100} listed above)` : ''}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`lighthouse.mjs: ${error?.stack ?? error}`);
    process.exitCode = 1;
  },
);
