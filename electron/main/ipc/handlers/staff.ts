import type { Result } from '../../../../shared/result'
import type { HandlerDeps } from '../handler-deps'
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
  /** Every staff action needs an open staff session (PIN within the last 60 s of activity). */
  const asStaff =
    <T, A extends unknown[]>(action: (...args: A) => Promise<Result<T>> | Result<T>) =>
    async (...args: A): Promise<Result<T>> => {
      if (!deps.staff.touch()) return { ok: false, error: { code: 'staff_required' } }
      return action(...args)
    }
  return {
    'staff.unlock': async ({ pin }) => {
      const result = await deps.staff.unlock(pin)
      deps.log.info('staff.unlock', {
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
      })
      return result
    },
    'staff.status': asStaff(async () => {
      const info = deps.appInfo()
      const health = await deps.client.health()
      return {
        ok: true,
        data: {
          serviceReachable: health.ok,
          ...(health.ok ? { serviceVersion: health.data.version } : {}),
          kioskId: info.kioskId,
          version: info.version,
          configSource: info.configSource,
          keychain: await deps.keychainStatus(),
          mode: info.mode,
          allowQuit: info.staffAllowQuit,
        },
      }
    }),
    // The service picks the right email: activation for a pending account, reset for an active one.
    'staff.resend': asStaff(
      async ({ email, locale }: { email: string; locale: 'fr-CA' | 'en-CA' }) => {
        const result = await deps.client.requestRecovery(email.trim(), locale)
        deps.log.info('staff.resend', { ok: result.ok })
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
      if (!deps.appInfo().staffAllowQuit) return { ok: false, error: { code: 'staff_required' } }
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
