import type { KeypadAction } from '@shared/accessibility-defaults'

export type KeypadMapping = Record<KeypadAction, readonly string[]>

/** The action of a physical key (`KeyboardEvent.code`), if the mapping gives it one. */
export function keypadAction(mapping: KeypadMapping, code: string): KeypadAction | undefined {
  for (const [action, codes] of Object.entries(mapping) as [KeypadAction, readonly string[]][])
    if (codes.includes(code)) return action
  return undefined
}

/** The digit a keypad or top-row key types, whatever Num Lock says. */
export function digitOf(code: string): string | undefined {
  return /^(?:Numpad|Digit)(\d)$/.exec(code)?.[1]
}

/** The names of the non-digit keys, as spoken in help ("press star for help"). */
export const namedKeys = [
  'NumpadEnter',
  'NumpadAdd',
  'NumpadSubtract',
  'NumpadMultiply',
  'NumpadDivide',
  'NumpadDecimal',
] as const
