import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Keep in step with index.html (theme-color meta) and scripts/make-icons.ts.
const THEME_COLOR = '#1d5c63';
const BACKGROUND_COLOR = '#f7f6f2';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // An update waits for the user: the app decides when to apply it (never while a form is
      // open). src/app/register-sw.ts registers the worker, so no script is injected.
      registerType: 'prompt',
      injectRegister: false,
      // Our own service worker (src/sw.ts): precaching plus Background Sync of the outbox.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // public/ files are precached by globPatterns below; listing them again would duplicate
      // precache entries.
      includeManifestIcons: false,
      manifest: {
        name: 'Fieldnote',
        short_name: 'Fieldnote',
        description:
          'Offline-first field app for homeless-services case managers recording HUD HMIS data.',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        lang: 'en',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // The whole shell is precached, so every route opens offline.
        globPatterns: ['**/*.{js,css,html,png,ico,svg,txt,woff2}'],
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // During `npm run dev`, API calls go to a sync server started with `npm run serve`.
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/health': 'http://127.0.0.1:8787',
    },
  },
  preview: {
    host: '127.0.0.1',
  },
});
