import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { aliases } from './vite.aliases'
import { precompiledMessages } from './vite.precompiled-messages'

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: aliases },
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/{main,shared,service,packaging}/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          pool: 'forks',
        },
      },
      {
        // The renderer's messages as the app gets them: compiled, the rest of them loaded later.
        plugins: [vue(), precompiledMessages()],
        resolve: { alias: aliases },
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/unit/renderer/**/*.test.ts'],
          setupFiles: ['tests/unit/renderer/all-messages.ts'],
        },
      },
    ],
  },
})
