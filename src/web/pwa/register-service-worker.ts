/// <reference types="vite/client" />

/**
 * Registers the service worker of a production build (the dev server has none). The worker only
 * keeps the app shell; a failure to register leaves the app working online as before.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('service worker not registered', error));
  });
}
