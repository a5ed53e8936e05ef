import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderConfigReference, withConfigReference } from '@main/config/reference'
import { KioskConfig } from '@main/config/schema'

const deployment = resolve(import.meta.dirname, '../../../../docs/deployment.md')

describe('docs/deployment.md config reference', () => {
  it('matches the schema: regenerating it changes nothing (run `npm run docs` after a schema change)', () => {
    const current = readFileSync(deployment, 'utf8')
    expect(withConfigReference(current)).toBe(current)
  })

  it('lists every key of the schema, nested keys included', () => {
    const reference = renderConfigReference()
    for (const key of Object.keys(KioskConfig.shape)) expect(reference).toContain(`| \`${key}\` |`)
    expect(reference).toContain('`idle.graceSeconds`')
    expect(reference).toContain('≥ 20')
  })
})
