import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './electron/main/shell/csp'
import { rendererBuildBase } from './renderer/vite.shared'
import { aliases } from './vite.aliases'

/**
 * The same policy as the app:// header, also as a <meta> in index.html: defence in depth, and
 * visible to static checkers. `frame-ancestors` only works as a header, so it is left out here.
 */
const cspMeta = (): Plugin => ({
  name: 'kiosk-csp-meta',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content: CONTENT_SECURITY_POLICY.split('; ')
          .filter((d) => !d.startsWith('frame-ancestors'))
          .join('; '),
      },
      injectTo: 'head-prepend',
    },
  ],
})

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() npm modules: bundle everything, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [...rendererBuildBase.plugins, cspMeta()],
    define: rendererBuildBase.define,
    // simple-keyboard's package "main" is a UMD bundle; its ES module build bundles cleanly.
    resolve: {
      alias: [
        { find: '@shared', replacement: aliases['@shared'] },
        {
          find: /^simple-keyboard$/,
          replacement: resolve(
            import.meta.dirname,
            'node_modules/simple-keyboard/build/index.modern.esm.js',
          ),
        },
      ],
    },
    build: {
      ...rendererBuildBase.build,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: {
        ...rendererBuildBase.build.rollupOptions,
        input: resolve(import.meta.dirname, 'renderer/index.html'),
      },
    },
  },
})
