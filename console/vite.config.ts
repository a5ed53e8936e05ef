import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { rendererBuildBase } from '../renderer/vite.shared'
import { aliases } from '../vite.aliases'

/**
 * The console (docs/console.md): a second Vue app, built like the kiosk's renderer (the same Vue,
 * vue-i18n with messages compiled at build time, no eval, no inline script), served by the
 * service at `/console/` from `out/console`.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: rendererBuildBase.plugins,
  define: rendererBuildBase.define,
  resolve: { alias: [{ find: '@shared', replacement: aliases['@shared'] }] },
  build: {
    minify: true,
    cssMinify: true,
    outDir: resolve(import.meta.dirname, '../out/console'),
    emptyOutDir: true,
    // Vite's modulepreload polyfill is an inline script in the page; the console's policy allows
    // none, and every browser it supports preloads modules itself.
    modulePreload: { polyfill: false },
  },
})
