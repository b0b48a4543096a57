// Service worker template (vite.config.ts fills in the version and the built files as dist/sw.js): cache-first, offline after one visit.
const CACHE = 'dockerlings-' + '__VERSION__';
const FILES = [/* __FILES__ */];

self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES))));

// A new version takes over once no page uses the old one (no skipWaiting), then drops the old cache.
self.addEventListener('activate', (e) =>
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dockerlings-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  ),
);

// Same-origin GETs come from the cache when there (pages ignore their ?lesson=… query; module scripts send an Origin
// header that a server's `Vary: Origin` would otherwise make miss), else from the network.
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  e.respondWith(caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true, ignoreVary: true })).then((hit) => hit || fetch(req)));
});
