import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { rendererBuildBase } from './renderer/vite.shared'
import { aliases } from './vite.aliases'

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
    // No Content-Security-Policy <meta>: the app:// handler sends the policy as a header with every
    // file, and a CSP <meta> makes Blink drop every preload its scanner found in the page, which
    // delayed the start chunk's request by 6.7 ms (docs/security.md row 7, docs/performance.md).
    plugins: rendererBuildBase.plugins,
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
