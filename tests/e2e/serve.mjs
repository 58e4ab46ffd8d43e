// A tiny static file server for the end-to-end tests, using only Node's
// standard library. It serves the release build in dist/ the way a static
// host does (right MIME types, index.html for folders, 404 otherwise), on
// 127.0.0.1 only, so the tests never depend on trunk or the network.

import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** MIME types a static host must send; browsers refuse to stream-compile
 *  WebAssembly unless it is served as application/wasm. */
/** Types worth compressing: text of every kind, and WebAssembly. */
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|javascript|manifest)|image\/svg)/;

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** Where the optional probe script is served (see serveDist). */
const PROBE_PATH = '/__probe.js';

/**
 * Serves `root` (default $RED_LINES_DIST or dist/, relative to the working
 * directory, which is the repository root under `cargo xtask test`) on
 * 127.0.0.1. The variable lets a build in another folder be tested.
 *
 * `probe`, when given, is the source of a classic script that every HTML
 * page loads before anything else, served as /__probe.js (same origin, so
 * the page's Content-Security-Policy allows it): the cross-engine tests
 * use it to see console errors that their WebDriver cannot.
 * `maxHeaderSize` raises Node's 16 KB limit on a request's head, for tests
 * of very long links in browsers whose requests cannot be rewritten.
 * `compress` (the default) sends text and WebAssembly gzipped to a browser
 * that accepts it, as most static hosts and CDNs do; `compress: false`
 * sends every file as it is on disk, as a plain host does. The page must
 * work, and Lighthouse must pass, on both (lighthouse.mjs audits each).
 *
 * @param {{root?: string, port?: number, probe?: string, maxHeaderSize?: number, compress?: boolean}} [options] port 0 picks a free port.
 * @returns {Promise<{url: string, close: () => Promise<void>}>} url ends in '/'.
 */
export async function serveDist({ root = process.env.RED_LINES_DIST || 'dist', port = 0, probe, maxHeaderSize, compress = true } = {}) {
  const base = resolve(root);
  const info = await stat(base).catch(() => null);
  if (!info?.isDirectory()) {
    throw new Error(`serveDist: ${base} is not a directory; run \`cargo xtask dist\` first`);
  }

  const server = createServer({ maxHeaderSize }, async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      if (probe !== undefined && new URL(req.url ?? '/', 'http://localhost').pathname === PROBE_PATH) {
        res.writeHead(200, { 'Content-Type': MIME_TYPES['.js'], 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : probe);
        return;
      }
      const file = await locate(base, req.url ?? '/');
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      let body = await readFile(file);
      if (probe !== undefined && type.startsWith('text/html')) {
        body = Buffer.from(withProbe(body.toString('utf8')));
      }
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
      // Most static hosts and CDNs send text and WebAssembly compressed, so
      // this server does by default, and speed and Lighthouse figures match
      // a real visit; a plain host sends the bytes on disk.
      if (compress) headers.Vary = 'Accept-Encoding';
      if (compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        // Level 9, as the size budget counts (xtask/src/dist/budget.rs)
        // and as hosts that compress files ahead of time do.
        body = gzipSync(body, { level: 9 });
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${error}\n`);
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // Keep-alive connections from the browser would hold close() open.
        server.closeAllConnections?.();
      }),
  };
}

/** `html` with the probe's script tag first in its head. Minified pages
 *  may leave out the optional <head> tag; then it goes straight after
 *  <html>, where the parser opens the head by itself. */
function withProbe(html) {
  const tag = `<script src="${PROBE_PATH}"></script>`;
  const at = /<head(?=[\s>])[^>]*>/i.exec(html) ?? /<html(?=[\s>])[^>]*>/i.exec(html);
  if (!at) return tag + html;
  const end = at.index + at[0].length;
  return html.slice(0, end) + tag + html.slice(end);
}

/** The file under `base` that a request path names, or null. The guard
 *  rejects any path that resolves outside `base` (`..`, encoded or not). */
async function locate(base, rawUrl) {
  let path;
  try {
    path = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  let file = resolve(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return null;
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  return info?.isFile() ? file : null;
}
