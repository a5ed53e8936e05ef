import { resolve } from 'node:path'

const folder = (path: string) => resolve(import.meta.dirname, path)

/**
 * One alias per side, for every build and test runner that does not read tsconfig's `paths`
 * (Vite, vitest). tsconfig.base.json declares the same aliases for TypeScript, tsx, Playwright and
 * esbuild; tests/unit/packaging/aliases.test.ts keeps the two equal.
 * - `@shared/…` is the one alias product code uses (ESLint's layering keeps the others out of it).
 * - `@main/`, `@preload/`, `@service/`, `@renderer/` and `@locales/` are how tests, tools and the
 *   bench reach a side, never by climbing `../../../` (eslint.config.js).
 */
export const aliases = {
  '@shared': folder('shared'),
  '@main': folder('electron/main'),
  '@preload': folder('electron/preload'),
  '@service': folder('service'),
  '@renderer': folder('renderer/src'),
  '@locales': folder('locales'),
}
