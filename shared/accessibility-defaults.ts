/**
 * The accessibility settings' defaults as plain data: the config schema (`accessibility.ts`) takes
 * its defaults from here, and the renderer imports this module instead, so that zod is not in what
 * it loads at start (docs/performance.md).
 */

/**
 * What each key of the tactile keypad does in audio guidance (docs/accessibility.md, "Keypad").
 * `select` types the chosen character while a field is being edited; `enter` ends the editing;
 * outside a field both activate the control under the cursor.
 */
export const keypadActions = [
  'next',
  'previous',
  'select',
  'enter',
  'groupNext',
  'groupPrevious',
  'repeat',
  'erase',
  'spell',
  'time',
  'louder',
  'softer',
  'help',
  'stop',
] as const
export type KeypadAction = (typeof keypadActions)[number]

/**
 * A standard USB numeric keypad (calculator layout, 7-8-9 on top, the nib on 5): left/right move,
 * 5 selects, Enter confirms, 0 repeats, the dot erases, + and − change the volume, * is help.
 * A telephone-layout (ATM) keypad swaps 8 and 2: IT sets `groupNext`/`groupPrevious` to match.
 */
export const DEFAULT_KEYPAD: Record<KeypadAction, string[]> = {
  next: ['Numpad6'],
  previous: ['Numpad4'],
  select: ['Numpad5'],
  enter: ['NumpadEnter'],
  groupNext: ['Numpad2'],
  groupPrevious: ['Numpad8'],
  repeat: ['Numpad0'],
  erase: ['NumpadDecimal'],
  spell: ['Numpad9'],
  time: ['Numpad7'],
  louder: ['NumpadAdd'],
  softer: ['NumpadSubtract'],
  help: ['NumpadMultiply'],
  stop: ['NumpadDivide'],
}

/** What the config gives when its `accessibility` section is absent (held equal by a test). */
export const DEFAULT_ACCESSIBILITY = {
  audioGuidance: {
    enabled: true,
    startKey: 'Numpad5',
    startHoldMs: 2000,
    keypad: DEFAULT_KEYPAD,
    voices: { 'fr-CA': [] as string[], 'en-CA': [] as string[] },
    rate: 1,
  },
  largeText: true,
  highContrast: true,
  loweredLayout: true,
  timeMultiplier: 2,
}
