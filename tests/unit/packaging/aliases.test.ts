import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aliases } from '../../../vite.aliases'

const root = resolve(import.meta.dirname, '../../..')
const tsconfig = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> }
}

describe('the aliases', () => {
  it('mean the same folders for TypeScript and for Vite/vitest', () => {
    const paths = tsconfig.compilerOptions.paths
    expect(Object.keys(paths)).toEqual(Object.keys(aliases).map((name) => `${name}/*`))
    for (const [name, folder] of Object.entries(aliases)) {
      const [target] = paths[`${name}/*`] ?? []
      expect(resolve(root, (target ?? '').replace(/\/\*$/, ''))).toBe(folder)
    }
  })
})
