import { z } from 'zod'
import { AccessibilitySettings } from '../accessibility'
import { InstitutionProfile } from '../institution'
import { Locale } from '../locales'

export const KioskMode = z.enum(['kiosk', 'counter'])
export type KioskMode = z.infer<typeof KioskMode>
export const OnScreenKeyboardSetting = z.enum(['auto', 'on', 'off'])

/**
 * What the public screens show about how this kiosk is set up, and nothing more: any page in the
 * window can ask for it. What only staff see (kiosk id, versions, config path, keychain) comes
 * from `staff.status`, behind the PIN.
 */
export const AppInfo = z.strictObject({
  demo: z.boolean(),
  defaultLocale: Locale,
  institution: InstitutionProfile,
  portalUrl: z.url(),
  onScreenKeyboard: OnScreenKeyboardSetting,
  idle: z.strictObject({ warnAfterSeconds: z.number().int(), graceSeconds: z.number().int() }),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Which display and audio modes are offered, the keypad mapping and the voices to prefer. */
  accessibility: AccessibilitySettings,
  /** Counter mode: Welcome offers staff the counter desk (named staff sign in there). */
  counterDesk: z.boolean(),
  /** Set when the config file is invalid: the screen shown instead of the flows names it for IT. */
  configError: z.strictObject({ source: z.string(), problems: z.array(z.string()) }).optional(),
})
export type AppInfo = z.infer<typeof AppInfo>
