import { z } from 'zod'
import { InstitutionProfile } from '../institution'
import { Locale } from '../locales'

export const KioskMode = z.enum(['kiosk', 'counter'])
export type KioskMode = z.infer<typeof KioskMode>
export const OnScreenKeyboardSetting = z.enum(['auto', 'on', 'off'])

/** What the renderer may know about how this kiosk is set up (no secrets, no paths). */
export const AppInfo = z.strictObject({
  version: z.string(),
  kioskId: z.string(),
  mode: KioskMode,
  demo: z.boolean(),
  defaultLocale: Locale,
  institution: InstitutionProfile,
  portalUrl: z.url(),
  onScreenKeyboard: OnScreenKeyboardSetting,
  idle: z.strictObject({ warnAfterSeconds: z.number().int(), graceSeconds: z.number().int() }),
  staffAllowQuit: z.boolean(),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Set when the config file is invalid: the renderer shows the problem instead of the flows. */
  configProblems: z.array(z.string()).optional(),
  configSource: z.string(),
})
export type AppInfo = z.infer<typeof AppInfo>
