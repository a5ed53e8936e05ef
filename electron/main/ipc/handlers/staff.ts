import type { Result } from '@shared/result'
import type { HandlerDeps } from '../handler-deps'
import { logOutcome } from '../log-outcome'
import type { IpcHandlers } from '../router'

type Channels =
  | 'staff.unlock'
  | 'staff.status'
  | 'staff.resend'
  | 'staff.setDefaultLocale'
  | 'staff.resetKiosk'
  | 'staff.quit'
  | 'staff.leave'

export function staffHandlers(deps: HandlerDeps): Pick<IpcHandlers, Channels> {
  /** Every staff action needs an open staff session (see `staff/staff-gate.ts`). */
  const asStaff =
    <T, A extends unknown[]>(action: (...args: A) => Promise<Result<T>> | Result<T>) =>
    async (...args: A): Promise<Result<T>> => {
      if (!deps.staff.touch()) return { ok: false, error: { code: 'staff_required' } }
      return action(...args)
    }
  return {
    'staff.unlock': async ({ pin }) => {
      const result = await deps.staff.unlock(pin)
      logOutcome(deps.log, 'staff.unlock', result)
      return result
    },
    'staff.status': asStaff(async () => {
      const [health, keychain] = await Promise.all([deps.client.health(), deps.keychainStatus()])
      return {
        ok: true,
        data: {
          ...deps.kioskFacts(),
          serviceReachable: health.ok,
          ...(health.ok ? { serviceVersion: health.data.version } : {}),
          keychain,
        },
      }
    }),
    // The service picks the right email: activation for a pending account, reset for an active one.
    'staff.resend': asStaff(
      async ({ email, locale }: { email: string; locale: 'fr-CA' | 'en-CA' }) => {
        const result = await deps.client.requestRecovery(email.trim(), locale)
        logOutcome(deps.log, 'staff.resend', result)
        return result.ok
          ? { ok: true, data: { resendAfterSeconds: result.data.resendAfterSeconds } }
          : result
      },
    ),
    'staff.setDefaultLocale': asStaff(({ locale }: { locale: 'fr-CA' | 'en-CA' }) => {
      deps.setDefaultLocale(locale)
      deps.log.info('staff.default_locale', { locale })
      return { ok: true, data: {} }
    }),
    'staff.resetKiosk': asStaff(async () => {
      await deps.wipe('staff')
      return { ok: true, data: {} }
    }),
    'staff.quit': asStaff(() => {
      if (!deps.kioskFacts().allowQuit) return { ok: false, error: { code: 'staff_required' } }
      deps.log.info('staff.quit')
      deps.quit()
      return { ok: true, data: {} }
    }),
    'staff.leave': () => {
      deps.staff.leave()
      return { ok: true, data: {} }
    },
  }
}
