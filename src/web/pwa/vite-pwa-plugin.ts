import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const pwaDir = path.dirname(fileURLToPath(import.meta.url));

/** The installable web app: name, colours and icons (issue 4 §6: entry on a phone, offline). */
const manifest = {
  name: 'e-Kinerja',
  short_name: 'e-Kinerja',
  description: 'Kinerja ASN pemerintah daerah: aktivitas harian, presensi, SKP dan TPP',
  lang: 'id',
  start_url: '/activities',
  scope: '/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#1c7ed6',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

const STATIC_FILES = [
  { fileName: 'icons/icon-192.png', source: 'icon-192.png' },
  { fileName: 'icons/icon-512.png', source: 'icon-512.png' },
];

/**
 * Production builds only: emits the web manifest, the icons and `sw.js`, whose cache is named by
 * a hash of this build's files, and links the manifest from index.html. The dev server has no
 * service worker, so nothing is ever served stale while developing.
 */
export function pwaPlugin(): Plugin {
  return {
    name: 'ekinerja-pwa',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: manifest.theme_color }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/icon-192.png' }, injectTo: 'head' },
    ],
    generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: `${JSON.stringify(manifest, null, 2)}\n` });
      for (const file of STATIC_FILES) this.emitFile({ type: 'asset', fileName: file.fileName, source: fs.readFileSync(path.join(pwaDir, file.source)) });
      // Files emitted here may not show in `bundle` yet (it depends on the bundler): list them by name.
      const emitted = ['manifest.webmanifest', ...STATIC_FILES.map((file) => file.fileName)];
      const names = [...new Set([...Object.keys(bundle), ...emitted])].filter((name) => name !== 'index.html' && name !== 'sw.js').sort();
      const hash = createHash('sha256');
      for (const name of names) hash.update(`${name}\n`);
      const html = bundle['index.html'];
      if (html?.type === 'asset') hash.update(typeof html.source === 'string' ? html.source : Buffer.from(html.source));
      const build = { version: hash.digest('hex').slice(0, 16), assets: names.map((name) => `/${name}`) };
      const worker = fs.readFileSync(path.join(pwaDir, 'sw.js'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: `self.__EKINERJA_BUILD__ = ${JSON.stringify(build)};\n${worker}` });
    },
  };
}
