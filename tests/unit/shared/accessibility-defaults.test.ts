import { describe, expect, it } from 'vitest'
import { AccessibilitySettings } from '@shared/accessibility'
import {
  DEFAULT_ACCESSIBILITY,
  DEFAULT_KEYPAD,
  keypadActions,
} from '@shared/accessibility-defaults'

describe('accessibility defaults the renderer reads without zod', () => {
  it('are what the config schema gives for an empty accessibility section', () => {
    expect(AccessibilitySettings.parse({})).toEqual(DEFAULT_ACCESSIBILITY)
  })

  it('are themselves valid settings', () => {
    expect(AccessibilitySettings.safeParse(DEFAULT_ACCESSIBILITY).success).toBe(true)
  })

  it('map every keypad action to its own key', () => {
    expect(Object.keys(DEFAULT_KEYPAD).sort()).toEqual([...keypadActions].sort())
    const keys = Object.values(DEFAULT_KEYPAD).flat()
    expect(new Set(keys).size).toBe(keys.length)
  })
})
