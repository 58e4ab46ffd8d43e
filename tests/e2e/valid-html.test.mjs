// Valid HTML, by the Nu HTML Checker (npm `vnu-jar`, run on the Java that
// xtask installs from Debian): every static page of dist/ in every
// language, and the main page and an embed as the app renders them (the
// DOM saved once it has drawn, since most of the page is built in the
// browser). Browsers forgive invalid markup, but each in its own way, and
// assistive technology reads the tree they build from it.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import vnuJar from 'vnu-jar';
import { openPage, showFigures, useBrowser } from './helpers.mjs';

const env = useBrowser();
const DIST = process.env.RED_LINES_DIST || 'dist';
const LANGS = ['en', 'uk', 'ru', 'fr', 'de'];
/** The static pages xtask renders from docs/ (xtask/src/pages.rs). */
const STATIC_PAGES = [
  'methods.html',
  'forecasts.html',
  ...['teach', 'summary', 'positions'].flatMap((kind) => LANGS.map((lang) => `${kind}-${lang}.html`)),
];

/**
 * The checker's errors in `files`, as `file:line: message` lines. Warnings
 * are left out: they flag what is allowed but perhaps unmeant.
 */
async function errors(files) {
  const run = promisify(execFile);
  const args = ['-jar', String(vnuJar), '--errors-only', '--format', 'json', ...files];
  // The checker exits with 1 when it finds errors; its report is on stderr.
  const { stderr } = await run('java', args, { maxBuffer: 64 * 1024 * 1024 }).catch((e) => {
    if (e.code === 'ENOENT') throw new Error('java is missing: `cargo xtask test` installs default-jre-headless');
    if (typeof e.stderr !== 'string' || !e.stderr.trim().startsWith('{')) throw e;
    return e;
  });
  const { messages } = JSON.parse(stderr);
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${m.url.replace(/^file:/, '')}:${m.lastLine ?? '?'}: ${m.message}`);
}

test('every static page, in every language, is valid HTML', async () => {
  const pages = readdirSync(DIST).filter((name) => name.endsWith('.html') && name !== 'index.html');
  for (const page of STATIC_PAGES) assert.ok(pages.includes(page), `${DIST}/${page} is built`);
  const found = await errors(pages.map((name) => join(DIST, name)));
  assert.deepEqual(found, [], `the Nu HTML Checker reports:\n${found.join('\n')}`);
});

test('the main page and an embed, as rendered, are valid HTML', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'red-lines-vnu-'));
  try {
    const rendered = [];
    for (const [name, query] of [
      ['main.html', ''],
      ['embed.html', '?embed=1'],
    ]) {
      const o = await openPage(env.browser, `${env.url}${query}`);
      try {
        await showFigures(o.page);
        const html = await o.page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`);
        const file = join(dir, name);
        writeFileSync(file, html);
        rendered.push(file);
        o.assertClean(name);
      } finally {
        await o.close();
      }
    }
    const found = await errors(rendered);
    assert.deepEqual(found, [], `the Nu HTML Checker reports:\n${found.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
