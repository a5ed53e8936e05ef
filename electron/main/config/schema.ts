import { z } from 'zod'
import { AccessibilitySettings, DEFAULT_ACCESSIBILITY } from '@shared/accessibility'
import { InstitutionProfile } from '@shared/institution'
import { Locale } from '@shared/locales'
import { KioskMode, OnScreenKeyboardSetting } from '@shared/ipc/app-info'

/** WCAG 2.2.1: a person must get at least 20 s to ask for more time. */
export const MIN_IDLE_GRACE_SECONDS = 20

const clockTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time like 07:30 (24-hour clock)')

const SERVICE_URL_RULE =
  'must be an https:// address (http:// only for a service on this machine: localhost, 127.0.0.1, [::1])'

/**
 * http:// would carry the device token and students' passwords in clear, so only to this machine:
 * the demo, the tests, a TLS proxy on the kiosk itself. The WHATWG URL parser has already turned
 * any way of writing an IPv4 address (`2130706433`, `0x7f.1`) into dotted decimal.
 */
function isServiceUrl(value: string): boolean {
  const url = new URL(value)
  if (url.protocol === 'https:') return true
  const loopback =
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(url.hostname)
  return url.protocol === 'http:' && loopback
}

const serviceUrl = z
  .url({ protocol: /^https?$/, error: SERVICE_URL_RULE })
  .refine(isServiceUrl, { error: SERVICE_URL_RULE })

/**
 * The kiosk's one config file (docs/deployment.md). Each key is described here once;
 * `docs/deployment.md`'s reference is generated from these descriptions.
 */
export const KioskConfig = z
  .strictObject({
    serviceUrl: serviceUrl.describe(
      'Base address of the MesCertif account service, e.g. https://accounts.example.ca (http:// only for a service on this machine)',
    ),
    kioskId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or dashes')
      .describe('Name of this kiosk, shown to staff and sent in logs (never personal data)'),
    mode: KioskMode.default('kiosk').describe(
      '`kiosk`: full screen, locked down; `counter`: a normal window for staff desks',
    ),
    defaultLocale: Locale.default('fr-CA').describe(
      'Language shown at start and after each wipe: `fr-CA` or `en-CA`',
    ),
    idle: z
      .strictObject({
        warnAfterSeconds: z
          .number()
          .int()
          .min(15)
          .max(3600)
          .default(90)
          .describe('Seconds without input before the "Are you still there?" dialog'),
        graceSeconds: z
          .number()
          .int()
          .min(
            MIN_IDLE_GRACE_SECONDS,
            `must be at least ${MIN_IDLE_GRACE_SECONDS} seconds (WCAG 2.2.1)`,
          )
          .max(600)
          .default(30)
          .describe('Seconds the dialog counts down before the kiosk wipes the session'),
      })
      .default({ warnAfterSeconds: 90, graceSeconds: 30 })
      .describe('Idle timing'),
    institution: InstitutionProfile.describe(
      'Names and contact of the institution, per locale (the Questions screen)',
    ),
    portalUrl: z
      .url({ protocol: /^https$/, error: 'must be an https:// address' })
      .describe('The MesCertif portal students use on their own devices (shown with a QR code)'),
    onScreenKeyboard: OnScreenKeyboardSetting.default('auto').describe(
      '`auto` (when a touch screen is present), `on` or `off`',
    ),
    staff: z
      .strictObject({
        allowQuit: z
          .boolean()
          .default(false)
          .describe('May staff quit the kiosk from the staff panel?'),
      })
      .default({ allowQuit: false })
      .describe('Staff mode'),
    runWithoutChromiumSandbox: z
      .boolean()
      .default(false)
      .describe(
        "Let the kiosk serve people while Chromium's sandbox is off (started with --no-sandbox, as the AppImage's launcher does where user namespaces are restricted). Leave false: the kiosk then shows out of order with the reason",
      ),
    branding: z
      .strictObject({
        accentColor: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d4f91')
          .default('#1d4f91')
          .describe('Accent colour (buttons, header); must keep 4.5:1 contrast with white'),
      })
      .default({ accentColor: '#1d4f91' })
      .describe('Look of the kiosk'),
    display: z
      .strictObject({
        keepAwake: z
          .enum(['hours', 'always', 'never'])
          .default('hours')
          .describe(
            'Keep the screen on: `hours` (from `from` until `until` each day), `always`, or `never` (the OS decides)',
          ),
        from: clockTime
          .default('07:00')
          .describe('Start of the daily keep-awake hours (local time)'),
        until: clockTime
          .default('19:00')
          .describe('End of the daily keep-awake hours (local time)'),
      })
      .default({ keepAwake: 'hours', from: '07:00', until: '19:00' })
      .describe('Display power'),
    accessibility: AccessibilitySettings.default(DEFAULT_ACCESSIBILITY).describe(
      'Audio guidance, large text, high contrast and the lowered layout (docs/accessibility.md)',
    ),
    maintenance: z
      .strictObject({
        restartAt: clockTime
          .optional()
          .describe(
            'Daily restart window start (local time), e.g. `03:30`; the kiosk relaunches inside it when nobody is using it. Leave out for no scheduled restart',
          ),
        windowMinutes: z
          .number()
          .int()
          .min(15)
          .max(360)
          .default(60)
          .describe('Length of the restart window in minutes'),
      })
      .default({ windowMinutes: 60 })
      .describe('Scheduled maintenance'),
  })
  .describe('MesCertif Kiosk configuration')

export type KioskConfig = z.infer<typeof KioskConfig>
