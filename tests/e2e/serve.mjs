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
};

/**
 * Serves `root` (default $RED_LINES_DIST or dist/, relative to the working
 * directory, which is the repository root under `cargo xtask test`) on
 * 127.0.0.1. The variable lets a build in another folder be tested.
 *
 * @param {{root?: string, port?: number}} [options] port 0 picks a free port.
 * @returns {Promise<{url: string, close: () => Promise<void>}>} url ends in '/'.
 */
export async function serveDist({ root = process.env.RED_LINES_DIST || 'dist', port = 0 } = {}) {
  const base = resolve(root);
  const info = await stat(base).catch(() => null);
  if (!info?.isDirectory()) {
    throw new Error(`serveDist: ${base} is not a directory; run \`cargo xtask dist\` first`);
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const file = await locate(base, req.url ?? '/');
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      let body = await readFile(file);
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
      // Static hosts and CDNs send text and WebAssembly compressed; so does
      // this server, so that speed and Lighthouse figures match a real visit.
      if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body);
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
