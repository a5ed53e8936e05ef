/** The parts of Electron's `Input` a shortcut decision needs. */
export interface KeyInput {
  type: string
  key: string
  control: boolean
  meta: boolean
  alt: boolean
  shift: boolean
}

export type ShortcutDecision = 'allow' | 'block' | 'staff'

const BLOCKED_WITH_MODIFIER = new Set([
  'r',
  'w',
  'q',
  'n',
  't',
  'p',
  's',
  'o',
  'u',
  'j',
  'i',
  'f',
  'g',
  'h',
  '+',
  '=',
  '-',
  '_',
  '0',
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
 * In kiosk mode no shortcut may reload, zoom, print, open devtools, new windows or quit (SPEC §5);
 * Ctrl+Alt+Shift+S asks for staff mode. Typing, Tab, Enter, arrows and the like pass.
 */
export function classifyShortcut(input: KeyInput): ShortcutDecision {
  if (input.type !== 'keyDown') return 'allow'
  const key = input.key.toLowerCase()
  const command = input.control || input.meta
  if (command && input.alt && input.shift && key === 's') return 'staff'
  if (BLOCKED_KEYS.has(input.key)) return 'block'
  if (command && BLOCKED_WITH_MODIFIER.has(key)) return 'block'
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
