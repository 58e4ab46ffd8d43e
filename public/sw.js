// Red Lines service worker: after the first visit the page works offline.
// `cargo xtask finalize` writes the bundle's file list and a version into
// this file at build time; file names carry content hashes, so a new build
// means a new cache and the old one is dropped.
const VERSION = '__VERSION__';
const ASSETS = "__ASSETS__";
const CACHE = `red-lines-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Same-origin GETs only. Pages: network first, so a new build shows up at
// once, with the cached page when offline. Assets: cache first; anything
// not precached (a language's catalogue, a teaching page's style sheet) is
// cached when first fetched.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // A page read once (methods, a teaching guide) opens offline
          // later, under its address without the query. The app's own
          // page is precached with the build it belongs to instead.
          const app = url.pathname.endsWith('/') || url.pathname.endsWith('/index.html');
          if (response.ok && !app) {
            const copy = response.clone();
            url.search = '';
            caches.open(CACHE).then((cache) => cache.put(url.href, copy));
          }
          return response;
        })
        .catch(() =>
          caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match('./')),
        ),
    );
    return;
  }
  event.respondWith(
    caches.match(request).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
