import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { fileStaffAttempts } from '@main/staff/staff-attempts'

function setup() {
  const folder = mkdtempSync(join(tmpdir(), 'staff-attempts-'))
  const lines: string[] = []
  const log = createEventLog({ write: (_level, line) => lines.push(line) })
  return { folder, file: join(folder, 'staff-attempts.json'), lines, log }
}

describe('staff attempt file', () => {
  it('starts from zero when there is no file yet', () => {
    const { file, log } = setup()
    expect(fileStaffAttempts(file, log).load()).toEqual({ counted: 0, lockedUntil: 0 })
  })

  it('keeps what was saved for the next start, leaving no temporary file behind', () => {
    const { folder, file, log } = setup()
    fileStaffAttempts(file, log).save({ counted: 3, lockedUntil: 1_800_000_000_000 })
    expect(fileStaffAttempts(file, log).load()).toEqual({
      counted: 3,
      lockedUntil: 1_800_000_000_000,
    })
    expect(readdirSync(folder)).toEqual(['staff-attempts.json'])
  })

  it('is readable by the kiosk’s account only', () => {
    const { file, log } = setup()
    fileStaffAttempts(file, log).save({ counted: 1, lockedUntil: 0 })
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('a record that cannot be read at all is unreadable, and the log says so', () => {
    const { file, log, lines } = setup()
    mkdirSync(file)
    expect(fileStaffAttempts(file, log).load()).toBe('unreadable')
    expect(lines).toEqual(['staff.attempts_unreadable error=[redacted]'])
  })

  it.each([
    ['not JSON', '{"counted": 2'],
    ['a negative count', '{"counted": -4, "lockedUntil": 0}'],
    ['an extra field', '{"counted": 0, "lockedUntil": 0, "reset": true}'],
  ])('a damaged record (%s) is unreadable, and the log says so', (_name, text) => {
    const { file, log, lines } = setup()
    writeFileSync(file, text)
    expect(fileStaffAttempts(file, log).load()).toBe('unreadable')
    expect(lines).toEqual(['staff.attempts_unreadable error=invalid_record'])
  })

  it('a folder it cannot write to is logged, not thrown', () => {
    const { folder, log, lines } = setup()
    const file = join(folder, 'missing', 'staff-attempts.json')
    expect(() => fileStaffAttempts(file, log).save({ counted: 1, lockedUntil: 0 })).not.toThrow()
    expect(existsSync(file)).toBe(false)
    expect(lines).toEqual(['staff.attempts_not_saved error=[redacted]'])
  })
})
