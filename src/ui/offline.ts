// Registers the built site's service worker (dist/sw.js, made by vite.config.ts) so pages work offline after one visit.

/** Production builds only (the dev server has no sw.js); a failure just leaves the site online-only. */
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
