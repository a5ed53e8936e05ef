import { describe, expect, it } from 'vitest'
import { createEventLog, safeValue } from '@main/event-log'

describe('event log redaction', () => {
  it.each([
    'alex.roy@example.ca',
    'Rivière-Bleue#2026!',
    'Émilie',
    'q3xZ0_-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    'has space',
    'x'.repeat(80),
  ])('never writes %s', (value) => {
    expect(safeValue(value)).toBe('[redacted]')
  })

  it('never writes a number that could be a code', () => {
    expect(safeValue(123456)).toBe('[redacted]')
    expect(safeValue(42)).toBe(42)
  })

  it('writes event names and codes', () => {
    const lines: string[] = []
    createEventLog({ write: (level, line) => lines.push(`${level} ${line}`) }).warn(
      'link.rejected',
      { reason: 'bad_token', ok: false, email: 'a@b.ca' },
    )
    expect(lines).toEqual(['warn link.rejected reason=bad_token ok=false email=[redacted]'])
  })
})
