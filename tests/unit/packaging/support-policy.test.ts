import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkElectron,
  checkNode,
  engineFloorMajor,
  exitCodeOf,
  NODE_END_OF_LIFE,
} from '../../../scripts/support/support-policy'

// Fixtures: what `npm view electron dist-tags --json` answered on given days.
const tagsDecember2026 = { latest: '45.6.1', beta: '46.0.0-beta.3', alpha: '47.0.0-alpha.1' }
const tagsThreeMajorsLater = { latest: '48.1.0' }

describe('check:support, Electron', () => {
  it('the latest major and the one before it are supported', () => {
    expect(checkElectron('45.6.1', tagsDecember2026).verdict).toBe('ok')
    expect(checkElectron('44.3.0', tagsDecember2026).verdict).toBe('ok')
  })

  it('the oldest of the three supported majors warns, and does not fail', () => {
    const finding = checkElectron('43.9.0', tagsDecember2026)
    expect(finding.verdict).toBe('warn')
    expect(exitCodeOf([finding])).toBe(0)
  })

  it('three or more majors behind the latest fails, naming the oldest supported major', () => {
    const finding = checkElectron('41.7.1', tagsDecember2026)
    expect(finding).toMatchObject({ verdict: 'fail', subject: 'electron' })
    expect(finding.message).toContain('43.x and later')
    expect(exitCodeOf([finding])).toBe(1)
    expect(checkElectron('45.6.1', tagsThreeMajorsLater).verdict).toBe('fail')
    expect(checkElectron('45.6.1', { latest: '47.1.0' }).verdict).toBe('warn')
  })

  it('a registry answer without a latest tag fails rather than passing silently', () => {
    expect(checkElectron('45.6.1', { beta: '46.0.0-beta.1' }).verdict).toBe('fail')
  })
})

describe('check:support, Node', () => {
  it('reads the floor of an engines range', () => {
    expect(engineFloorMajor('>=24.11.0')).toBe(24)
    expect(engineFloorMajor('^22.12.0 || >=24.0.0')).toBe(22)
    expect(engineFloorMajor('24.x')).toBe(24)
    expect(engineFloorMajor('>= 20')).toBe(20)
    expect(() => engineFloorMajor('latest')).toThrow()
  })

  it('a floor past its end of life fails: Node 20 after 2026-04-30', () => {
    const finding = checkNode('>=20.19.0', new Date('2026-12-06T12:00:00Z'))
    expect(finding.verdict).toBe('fail')
    expect(finding.message).toContain('2026-04-30')
    expect(exitCodeOf([finding])).toBe(1)
  })

  it('the day before the end is still supported, with a warning; the day itself fails', () => {
    expect(checkNode('>=20', new Date('2026-04-29T00:00:00Z')).verdict).toBe('warn')
    expect(checkNode('>=20', new Date('2026-04-30T00:00:00Z')).verdict).toBe('fail')
  })

  it('Node 24 is supported in December 2026 and warns six months before April 2028', () => {
    expect(checkNode('>=24.11.0', new Date('2026-12-06T00:00:00Z')).verdict).toBe('ok')
    expect(checkNode('>=24.11.0', new Date('2027-12-01T00:00:00Z')).verdict).toBe('warn')
    expect(checkNode('>=24.11.0', new Date('2028-05-01T00:00:00Z')).verdict).toBe('fail')
  })

  it('an odd line or an unknown line fails', () => {
    expect(checkNode('>=25.0.0', new Date('2026-01-01T00:00:00Z')).verdict).toBe('fail')
    expect(checkNode('>=30.0.0', new Date('2026-01-01T00:00:00Z')).message).toContain(
      'not a release line this check knows',
    )
  })

  it("the project's own engines floor is a known LTS line still in support today", () => {
    const pkg = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8'),
    ) as { engines: { node: string } }
    const floor = engineFloorMajor(pkg.engines.node)
    expect(floor % 2).toBe(0)
    expect(NODE_END_OF_LIFE[floor]).toBeDefined()
  })
})
