import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pwaPlugin } from './src/web/pwa/vite-pwa-plugin.ts';

const rootDir = path.dirname(fileURLToPath(import.meta.url));

/** The web UI lives in src/web and builds into dist/web, which the API server serves (see src/server/app.ts). */
export default defineConfig({
  root: path.join(rootDir, 'src/web'),
  publicDir: false,
  // pwaPlugin: manifest, icons and a build-versioned service worker (production builds only).
  plugins: [react(), pwaPlugin()],
  css: { postcss: rootDir },
  build: {
    outDir: path.join(rootDir, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // Mantine alone is ~350 kB minified; pages are split per route, the shared vendor chunk is expected.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
