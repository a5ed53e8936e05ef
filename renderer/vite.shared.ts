import vue from '@vitejs/plugin-vue'
import type { UserConfig } from 'vite'
import { precompiledMessages } from '../vite.precompiled-messages'

/**
 * What every renderer-like build shares (the kiosk's renderer and the benchmark's bare app), so
 * the size and start-up ratios compare like with like: minified, messages compiled at build time, Vue
 * and vue-i18n compile-time flags set so their production builds drop what the kiosk does not use.
 */
export const rendererBuildBase = {
  plugins: [vue(), precompiledMessages()],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    // A lazy chunk's styles come with it (as before); of its scripts, only rolldown's small runtime
    // is asked for beside it, so the session's one request is not followed by a second round.
    // Preloading every shared chunk would cost the start chunk the lists of them all.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file: string, deps: string[]) =>
        deps.filter((dep) => dep.endsWith('.css') || /rolldown-runtime/.test(dep)),
    },
    minify: true,
    cssMinify: true,
    // Everything the entry imports statically in one chunk: one request and one gzip window for
    // the first screen, instead of the shared chunks rolldown splits out for the lazy screens. The
    // same for the session (KioskSession.vue and all it imports, but what the start chunk has):
    // fetched as the app starts, it is one request, not rounds of shared chunks
    // (docs/performance.md). Neither group matches anything in the bare app of the benchmarks.
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            {
              name: 'kiosk-session',
              test: /[\\/]renderer[\\/]src[\\/]KioskSession\.vue$/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
} satisfies UserConfig
