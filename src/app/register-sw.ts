// Registers the service worker built by vite-plugin-pwa (workbox-window under the hood).
//
// Updates are never applied on their own (registerType 'prompt'): when a new version has been
// downloaded, listeners added with onNeedRefresh() are told, and the app calls applyUpdate()
// when it is safe, that is never while a form is open, because applying reloads the page.
import { registerSW } from 'virtual:pwa-register';

type Listener = () => void;

const needRefreshListeners = new Set<Listener>();
const offlineReadyListeners = new Set<Listener>();
let needRefresh = false;
let offlineReady = false;
let updateSW: ((reloadPage?: boolean) => Promise<void>) | undefined;

/** Registers the service worker once. Does nothing where service workers are unavailable. */
export function registerServiceWorker(): void {
  if (updateSW !== undefined || !('serviceWorker' in navigator)) return;
  updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      needRefresh = true;
      for (const listener of needRefreshListeners) listener();
    },
    onOfflineReady() {
      offlineReady = true;
      for (const listener of offlineReadyListeners) listener();
    },
    onRegisterError(error: unknown) {
      console.error('Fieldnote: service worker registration failed', error);
    },
  });
}

function subscribe(set: Set<Listener>, alreadyHappened: boolean, listener: Listener): () => void {
  set.add(listener);
  if (alreadyHappened) listener();
  return () => {
    set.delete(listener);
  };
}

/**
 * Calls `listener` when a new version is waiting (at once if one already is). Returns a
 * function that removes the listener.
 */
export function onNeedRefresh(listener: Listener): () => void {
  return subscribe(needRefreshListeners, needRefresh, listener);
}

/** Calls `listener` once the app shell is cached and the app can open offline. */
export function onOfflineReady(listener: Listener): () => void {
  return subscribe(offlineReadyListeners, offlineReady, listener);
}

/**
 * Activates the waiting version and reloads the page. The caller must make sure nothing is
 * being edited: unsaved form input would be lost.
 */
export async function applyUpdate(): Promise<void> {
  if (!needRefresh || updateSW === undefined) return;
  await updateSW(true);
}
