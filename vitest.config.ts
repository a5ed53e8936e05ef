import vue from '@vitejs/plugin-vue'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import { findPostgresBin } from './tests/fixtures/postgres-cluster'
import { aliases } from './vite.aliases'
import { precompiledMessages } from './vite.precompiled-messages'

/**
 * The service's tests run on each engine (docs/account-service.md, "Two engines"): on SQLite in
 * the `node` project, and again on a throwaway PostgreSQL cluster (started by the global setup)
 * with one instance and with two instances sharing the database. Tests that never open a
 * service (pure functions, SQLite's own statement cache) run once.
 */
const serviceOnPostgres = (name: string, instances: 1 | 2): TestProjectInlineConfiguration => ({
  resolve: { alias: aliases },
  test: {
    name,
    environment: 'node',
    include: ['tests/unit/service/**/*.test.ts'],
    exclude: [
      'tests/unit/service/security/**',
      'tests/unit/service/mail-templates.test.ts',
      'tests/unit/service/fixed-numbers.test.ts',
      'tests/unit/service/hot-path.test.ts',
    ],
    env: { MESCERTIF_TEST_ENGINE: 'postgres', MESCERTIF_TEST_INSTANCES: String(instances) },
    globalSetup: ['tests/unit/service/engines/postgres-global-setup.ts'],
    setupFiles: ['tests/unit/service/engines/postgres-setup-file.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})

const postgresInstalled = findPostgresBin() !== undefined
if (!postgresInstalled)
  process.stderr.write(
    'note: PostgreSQL is not installed (no initdb): the service tests run on SQLite only; ' +
      "install Debian's postgresql (or set MESCERTIF_POSTGRES_BIN) to run them on PostgreSQL too\n",
  )

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
      ...(postgresInstalled
        ? [
            serviceOnPostgres('service on postgresql', 1),
            serviceOnPostgres('service on postgresql, two instances', 2),
          ]
        : []),
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
