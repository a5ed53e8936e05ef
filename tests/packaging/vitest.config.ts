import { defineConfig } from 'vitest/config'

/** `npm run test:packaging`: real installers around a stand-in Electron (tests/packaging/README.md). */
export default defineConfig({
  test: {
    name: 'packaging',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Each file builds its installers once, in beforeAll: minutes, not seconds.
    hookTimeout: 600_000,
    testTimeout: 60_000,
    fileParallelism: false,
  },
})
