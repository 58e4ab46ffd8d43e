// Red Lines service worker: after the first visit the page works offline.
// `cargo xtask finalize` writes the bundle's file list and a version into
// this file at build time; file names carry content hashes, so a new build
// means a new cache.
//
// A deploy removes the old build's files from the host, but a tab opened
// before it still runs the old build and may yet ask for one of its
// chunks (the figures load only as they come near the screen). So the
// cache of the build this one replaces is kept until the next deploy,
// and answers for a file the host no longer has; older ones are dropped.
const VERSION = '__VERSION__';
const ASSETS = "__ASSETS__";
const CACHE = `red-lines-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()),
  );
});

// Cache names come in the order they were made, so the last one before
// this build's is the build it replaces.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const previous = keys.filter((k) => k !== CACHE).pop();
        return Promise.all(keys.filter((k) => k !== CACHE && k !== previous).map((k) => caches.delete(k)));
      })
      .then(() => self.clients.claim()),
  );
});

/** The previous build's copy of `request`, or `otherwise` without one. */
const previous = (request, otherwise) => caches.match(request).then((hit) => hit || otherwise());

// Same-origin GETs only. Pages: network first, so a new build shows up at
// once, with this build's cached page when offline; a page read once (the
// methods, a teaching guide) is kept, so it opens offline later. Assets:
// this build's cache first; anything not precached (a language's
// catalogue, a teaching page's style sheet) is cached when first fetched;
// a file the network cannot give (offline, or gone with the previous
// build) comes from the previous build's cache.
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
          // Kept under its address without the query. The app's own page
          // is precached with the build it belongs to instead.
          const app = url.pathname.endsWith('/') || url.pathname.endsWith('/index.html');
          if (response.ok && !app) {
            const copy = response.clone();
            url.search = '';
            caches.open(CACHE).then((cache) => cache.put(url.href, copy));
          }
          return response;
        })
        .catch(() =>
          caches
            .open(CACHE)
            .then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || cache.match('./'))),
        ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then(
            (response) => {
              if (!response.ok) return previous(request, () => response);
              cache.put(request, response.clone());
              return response;
            },
            (error) =>
              previous(request, () => {
                throw error;
              }),
          ),
      ),
    ),
  );
});
