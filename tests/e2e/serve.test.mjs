// The test server (serve.mjs) behaves as the two kinds of static host the
// site must work on: one that compresses what the browser accepts, and a
// plain one that sends the files as they are. Lighthouse audits from both
// (lighthouse.mjs); these tests check that the two really differ, and
// that neither mangles a file.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { serveDist } from './serve.mjs';

/** GETs `path` from `url` with the given Accept-Encoding; resolves to the
 *  response's headers and raw body. */
function get(url, path, acceptEncoding) {
  return new Promise((ok, fail) => {
    const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {};
    request(new URL(path, url), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

/** The WebAssembly module's name in dist/. */
async function wasmName() {
  const root = process.env.RED_LINES_DIST || 'dist';
  const name = (await readdir(root)).find((f) => f.endsWith('_bg.wasm'));
  assert.ok(name, 'dist/ has a WebAssembly module');
  return { root, name };
}

test('a compressing host gzips text and WebAssembly for a browser that accepts it, and only then', async () => {
  const server = await serveDist();
  try {
    const { root, name } = await wasmName();
    const disk = await readFile(`${root}/${name}`);
    const gz = await get(server.url, name, 'gzip, deflate, br');
    assert.equal(gz.status, 200);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers['content-type'], 'application/wasm');
    assert.match(gz.headers.vary ?? '', /Accept-Encoding/i);
    assert.ok(gz.body.length < disk.length / 1.5, `compressed (${gz.body.length} of ${disk.length} bytes)`);
    assert.ok(gunzipSync(gz.body).equals(disk), 'the same bytes once unzipped');
    const page = await get(server.url, '/', 'gzip');
    assert.equal(page.headers['content-encoding'], 'gzip', 'the page itself is compressed');
    const none = await get(server.url, name);
    assert.equal(none.headers['content-encoding'], undefined, 'no gzip for a client that did not ask');
    assert.ok(none.body.equals(disk));
  } finally {
    await server.close();
  }
});

test('a plain host sends every file as it is, whatever the browser accepts', async () => {
  const server = await serveDist({ compress: false });
  try {
    const { root, name } = await wasmName();
    const disk = await readFile(`${root}/${name}`);
    for (const path of [name, '/', 'methods.html']) {
      const res = await get(server.url, path, 'gzip, deflate, br');
      assert.equal(res.status, 200, path);
      assert.equal(res.headers['content-encoding'], undefined, `${path} is not compressed`);
      assert.equal(res.headers.vary, undefined, `${path} does not vary`);
      assert.equal(Number(res.headers['content-length']), res.body.length, `${path} has its length`);
    }
    assert.ok((await get(server.url, name, 'gzip')).body.equals(disk), 'the module is sent byte for byte');
  } finally {
    await server.close();
  }
});
