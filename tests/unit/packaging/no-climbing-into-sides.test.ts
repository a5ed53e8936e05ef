import { resolve } from 'node:path'
import { Linter } from 'eslint'
import { describe, expect, it } from 'vitest'
import rule, { aliasFor } from '../../../tools/eslint/no-climbing-into-sides.js'

const ROOT = resolve(import.meta.dirname, '../../..')
const inTests = (path: string) => resolve(ROOT, 'tests', path)

describe('lint: tests reach a side by its alias', () => {
  it('names the alias for an import that climbs into a side', () => {
    expect(aliasFor(inTests('unit/main/x.test.ts'), '../../../electron/main/wipe')).toBe(
      '@main/wipe',
    )
    expect(aliasFor(inTests('unit/x.test.ts'), '../../service/domain/links')).toBe(
      '@service/domain/links',
    )
    expect(aliasFor(inTests('e2e/x.spec.ts'), '../../renderer/src/i18n')).toBe('@renderer/i18n')
    expect(aliasFor(inTests('e2e/x.spec.ts'), '../../locales/fr-CA.json?lazy')).toBe(
      '@locales/fr-CA.json',
    )
    expect(aliasFor(inTests('e2e/x.spec.ts'), '../../electron/preload/api')).toBe('@preload/api')
  })

  it('leaves test helpers, tools and aliases alone, whatever their folder is called', () => {
    expect(aliasFor(inTests('unit/main/cli/x.test.ts'), '../../service/service-harness')).toBe(
      undefined,
    )
    expect(aliasFor(inTests('e2e/harness/x.ts'), '../../../tools/harness/paths')).toBe(undefined)
    expect(aliasFor(inTests('unit/x.test.ts'), '@service/domain/links')).toBe(undefined)
    expect(aliasFor(resolve(ROOT, 'bench/fixture-app/src/main.ts'), '../locales/fr-CA.json')).toBe(
      undefined,
    )
  })

  it('reports imports, re-exports, dynamic imports and vi.mock', () => {
    const linter = new Linter({ configType: 'flat' })
    const code = [
      "import { wipe } from '../../../electron/main/wipe'",
      "export * from '../../../service/limits'",
      "const lazy = () => import('../../../renderer/src/i18n')",
      "vi.mock('../../../electron/main/log')",
      "import { ok } from '@main/wipe'",
    ].join('\n')
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
          plugins: { kiosk: { rules: { 'no-climbing-into-sides': rule } } },
          rules: { 'kiosk/no-climbing-into-sides': 'error' },
        },
      ],
      inTests('unit/main/x.test.ts'),
    )
    expect(messages.map((m) => [m.line, m.message])).toEqual([
      [1, 'reach ../../../electron/main/wipe by its alias: @main/wipe'],
      [2, 'reach ../../../service/limits by its alias: @service/limits'],
      [3, 'reach ../../../renderer/src/i18n by its alias: @renderer/i18n'],
      [4, 'reach ../../../electron/main/log by its alias: @main/log'],
    ])
  })
})
