/*
 * e-Kinerja service worker: keeps the built app shell so the app opens and the activity page keeps
 * working without a connection (issue 4 §6). The build replaces BUILD with { version, assets };
 * every build gets its own cache, and older caches are deleted when the new worker activates, so a
 * deploy never leaves people on an old shell. /api is never cached nor intercepted: data and the
 * offline entry queue (IndexedDB, in the page) stay the page's business.
 */
const BUILD = self.__EKINERJA_BUILD__;
const CACHE_PREFIX = 'ekinerja-shell-';
const CACHE = `${CACHE_PREFIX}${BUILD.version}`;
const SHELL = '/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...BUILD.assets]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

/** Navigations: the network first (a new deploy is seen at once), the cached shell when offline. */
async function handleNavigation(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) await cache.put(SHELL, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

/** Built files have content hashes in their names: the cache first, the network for anything new. */
async function handleAsset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(handleNavigation(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || BUILD.assets.includes(url.pathname)) event.respondWith(handleAsset(request));
});
