import { resolve } from 'node:path'

/**
 * `@shared/…` is `shared/…` for every build and test runner that does not read tsconfig's `paths`
 * (Vite, vitest). tsconfig.base.json declares the same alias for TypeScript, tsx, Playwright and
 * esbuild; tests/unit/packaging/aliases.test.ts keeps the two equal.
 */
export const aliases = { '@shared': resolve(import.meta.dirname, 'shared') }
