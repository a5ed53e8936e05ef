import { describe, expect, it } from 'vitest'
import { calendarDay, formatDate } from '@renderer/composables/useDates'

/** Dates as a Quebec French editor and an English one would print them. */
const NBSP = '\u00a0'
const long = { year: 'numeric', month: 'long', day: 'numeric' } as const
const withTime = { ...long, month: 'short', hour: '2-digit', minute: '2-digit' } as const

describe('formatDate', () => {
  it('writes the first of the month "1er" in French, and only the first', () => {
    expect(formatDate(calendarDay('2026-06-01'), 'fr-CA', long)).toBe(`1er${NBSP}juin 2026`)
    expect(formatDate(calendarDay('2026-06-11'), 'fr-CA', long)).toBe(`11${NBSP}juin 2026`)
    expect(formatDate(calendarDay('2026-06-01'), 'en-CA', long)).toBe(`June${NBSP}1, 2026`)
  })

  it('never breaks a time, or a day from its month', () => {
    const noon = new Date(2026, 10, 28, 12, 28)
    const fr = formatDate(noon, 'fr-CA', withTime)
    expect(fr).toContain(`28${NBSP}nov.`)
    expect(fr).toMatch(new RegExp(`12${NBSP}h${NBSP}28$`))
    // Intl puts a space, or a narrow no-break one, before "p.m.": either way it stays.
    expect(formatDate(noon, 'en-CA', withTime)).toMatch(
      new RegExp(`^Nov${NBSP}28, 2026, 12:28[${NBSP}\u202f]p\\.m\\.$`),
    )
  })

  it('reads a calendar date as that day wherever the kiosk is', () => {
    const day = calendarDay('2026-01-31')
    expect([day.getFullYear(), day.getMonth(), day.getDate()]).toEqual([2026, 0, 31])
  })
})
