import type { KioskMode } from '@shared/ipc/app-info'

/** The parts of Electron's `Input` a shortcut decision needs. */
export interface KeyInput {
  type: string
  key: string
  /** The physical key (`KeyS`): unlike `key`, the same with Option, AltGr or any layout. */
  code: string
  control: boolean
  meta: boolean
  alt: boolean
  shift: boolean
}

export type ShortcutDecision = 'allow' | 'block' | 'staff'

const BLOCKED_LETTERS = 'rwqntpsoujifgh'
const BLOCKED_WITH_MODIFIER_KEYS = new Set([...BLOCKED_LETTERS, '+', '=', '-', '_', '0'])
const BLOCKED_WITH_MODIFIER_CODES = new Set([
  ...[...BLOCKED_LETTERS].map((letter) => `Key${letter.toUpperCase()}`),
  'Equal',
  'Minus',
  'Digit0',
  'NumpadAdd',
  'NumpadSubtract',
  'Numpad0',
])
const BLOCKED_KEYS = new Set([
  'F5',
  'F11',
  'F12',
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
])

/**
 * In kiosk mode no shortcut may reload, zoom, print, open devtools, new windows or quit
 * (docs/security.md); Ctrl+Alt+Shift+S asks for staff mode. Typing, Tab, Enter, arrows and the
 * like pass. Modified letters are matched by physical key as well as by character: with Option
 * (macOS) or AltGr (Windows: Ctrl+Alt) the S key types "ß" or "Ś", not "s".
 */
export function classifyShortcut(input: KeyInput): ShortcutDecision {
  if (input.type !== 'keyDown') return 'allow'
  const key = input.key.toLowerCase()
  const command = input.control || input.meta
  if (command && input.alt && input.shift && input.code === 'KeyS') return 'staff'
  if (BLOCKED_KEYS.has(input.key)) return 'block'
  if (
    command &&
    (BLOCKED_WITH_MODIFIER_KEYS.has(key) || BLOCKED_WITH_MODIFIER_CODES.has(input.code))
  )
    return 'block'
  if (
    input.alt &&
    (input.key === 'F4' ||
      input.key === 'ArrowLeft' ||
      input.key === 'ArrowRight' ||
      input.key === 'Home')
  )
    return 'block'
  return 'allow'
}

type InputEvents = {
  on(
    event: 'before-input-event',
    listener: (event: { preventDefault(): void }, input: KeyInput) => void,
  ): unknown
}

/** Staff's shortcut everywhere; in kiosk mode, every escaping shortcut refused. */
export function setupKioskShortcuts(
  contents: InputEvents,
  mode: KioskMode,
  onStaffRequested: () => void,
): void {
  contents.on('before-input-event', (event, input) => {
    const decision = classifyShortcut(input)
    if (decision === 'staff') {
      event.preventDefault()
      onStaffRequested()
    } else if (decision === 'block' && mode === 'kiosk') event.preventDefault()
  })
}
