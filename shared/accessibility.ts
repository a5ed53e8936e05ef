import { z } from 'zod'
import {
  DEFAULT_ACCESSIBILITY,
  DEFAULT_KEYPAD,
  keypadActions,
  type KeypadAction,
} from './accessibility-defaults'

export { DEFAULT_ACCESSIBILITY, DEFAULT_KEYPAD, keypadActions, type KeypadAction }

/** A key as `KeyboardEvent.code` names it: the physical key, whatever Num Lock says. */
const KeyCode = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/, 'must be a KeyboardEvent.code name, e.g. Numpad5')
const KeyCodes = z.array(KeyCode).min(1).max(4)

const DEFAULT_AUDIO = DEFAULT_ACCESSIBILITY.audioGuidance

const actionMeaning: Record<KeypadAction, string> = {
  next: 'move to the next item (in a field being edited: the next character)',
  previous: 'move to the previous item (in a field being edited: the previous character)',
  select: 'activate the item; in a field being edited, type the chosen character',
  enter: 'activate the item; in a field being edited, finish editing',
  groupNext: 'in a field being edited, the next group of characters',
  groupPrevious: 'in a field being edited, the previous group of characters',
  repeat: 'say the current item again',
  erase: 'in a field, erase the last character',
  spell: 'spell the field (a code digit by digit; never a password)',
  time: 'say the time left (resend, idle, return to Welcome)',
  louder: 'speak louder',
  softer: 'speak softer',
  help: 'say what the keys do here (audio off: how to start it, in both languages)',
  stop: 'stop speaking',
}

const keypadShape = Object.fromEntries(
  keypadActions.map((action) => [
    action,
    KeyCodes.default(DEFAULT_KEYPAD[action]).describe(`Keys that ${actionMeaning[action]}`),
  ]),
) as Record<KeypadAction, z.ZodDefault<typeof KeyCodes>>

const VoiceNames = z
  .array(z.string().trim().min(1).max(200))
  .max(10)
  .default([])
  .describe('Voice names to prefer, in order (as the OS lists them); empty: the first voice found')

export const AudioGuidanceSettings = z.strictObject({
  enabled: z
    .boolean()
    .default(DEFAULT_AUDIO.enabled)
    .describe('Offer audio guidance (keypad and on-screen button)'),
  startKey: KeyCode.default(DEFAULT_AUDIO.startKey).describe(
    'The tactile key a person holds to start audio guidance without seeing the screen',
  ),
  startHoldMs: z
    .number()
    .int()
    .min(500)
    .max(5000)
    .default(DEFAULT_AUDIO.startHoldMs)
    .describe('How long the start key is held, in milliseconds'),
  keypad: z
    .strictObject(keypadShape)
    .default(DEFAULT_KEYPAD)
    .describe('Keypad mapping: for each action, the KeyboardEvent.code of its keys'),
  voices: z
    .strictObject({ 'fr-CA': VoiceNames, 'en-CA': VoiceNames })
    .default(DEFAULT_AUDIO.voices)
    .describe('Preferred voices per locale'),
  rate: z
    .number()
    .min(0.5)
    .max(2)
    .default(DEFAULT_AUDIO.rate)
    .describe('Speaking rate (1 = the voice’s own)'),
})
export type AudioGuidanceSettings = z.infer<typeof AudioGuidanceSettings>

export const AccessibilitySettings = z.strictObject({
  audioGuidance: AudioGuidanceSettings.default(DEFAULT_AUDIO).describe(
    'Audio guidance for people who cannot see the screen',
  ),
  largeText: z.boolean().default(DEFAULT_ACCESSIBILITY.largeText).describe('Offer text at 200 %'),
  highContrast: z
    .boolean()
    .default(DEFAULT_ACCESSIBILITY.highContrast)
    .describe('Offer the high-contrast theme (7:1)'),
  loweredLayout: z
    .boolean()
    .default(DEFAULT_ACCESSIBILITY.loweredLayout)
    .describe('Offer the layout with the controls in the lower part of the screen'),
  // WCAG 2.2.1 counts an extension of at least ten times as enough; a person may always ask more.
  timeMultiplier: z
    .number()
    .min(1)
    .max(10)
    .default(DEFAULT_ACCESSIBILITY.timeMultiplier)
    .describe(
      'Idle and finished-screen times are multiplied by this in audio and large-text modes',
    ),
})
export type AccessibilitySettings = z.infer<typeof AccessibilitySettings>
