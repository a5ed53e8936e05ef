import type { AccountClient } from '@main/account/http-client'
import { createEventLog } from '@main/event-log'
import type { HandlerDeps, KioskFacts } from '@main/ipc/handler-deps'
import { createHandlers } from '@main/ipc/handlers'
import type { IpcHandlers } from '@main/ipc/router'
import { createKioskState } from '@main/kiosk-state'
import type { StaffGate } from '@main/staff/staff-gate'
import type { AppInfo } from '@shared/ipc/app-info'
import type { IpcChannel } from '@shared/ipc/channels'
import type { Result } from '@shared/result'

type ClientMethod = keyof AccountClient

/**
 * The real handlers over fakes that record what they were asked: a client answering as told
 * (`{ ok: true, data: {} }` unless given), a staff gate open or closed, a log kept as lines.
 */
export function handlerSetup(
  options: {
    answers?: Partial<Record<ClientMethod, Result<unknown>>>
    staffOpen?: boolean
    facts?: Partial<KioskFacts>
    demo?: boolean
  } = {},
) {
  const state = createKioskState()
  const calls: { method: ClientMethod; args: unknown[] }[] = []
  const client = new Proxy(
    {},
    {
      get:
        (_target, method: ClientMethod) =>
        async (...args: unknown[]) => {
          calls.push({ method, args })
          return options.answers?.[method] ?? { ok: true, data: {} }
        },
    },
  ) as AccountClient
  const lines: string[] = []
  const done: string[] = []
  let staffOpen = options.staffOpen ?? true
  const staff = {
    unlock: async (pin: string) =>
      pin === '13572468'
        ? { ok: true as const, data: {} }
        : { ok: false as const, error: { code: 'staff_pin_wrong' as const, attemptsLeft: 4 } },
    touch: () => staffOpen,
    leave: () => {
      staffOpen = false
      done.push('staff.leave')
    },
  } as StaffGate
  const deps: HandlerDeps = {
    client,
    state,
    log: createEventLog({ write: (_level, line) => lines.push(line) }),
    appInfo: () => ({ demo: options.demo ?? false }) as AppInfo,
    kioskFacts: () => ({
      kioskId: 'hall-a-1',
      version: '1.2.3',
      configSource: '/etc/mescertif-kiosk/config.json',
      mode: 'kiosk',
      allowQuit: true,
      ...options.facts,
    }),
    portalHost: 'mescertif.example.ca',
    newIdempotencyKey: () => 'key-1',
    wipe: async (reason, wipeOptions) => {
      done.push(`wipe:${reason}:${wipeOptions?.keepPendingLink ?? 'unset'}`)
    },
    rendererReady: () => done.push('rendererReady'),
    activity: () => done.push('activity'),
    staff,
    keychainStatus: async () => 'available',
    setDefaultLocale: (locale) => done.push(`setDefaultLocale:${locale}`),
    quit: () => done.push('quit'),
  }
  const handlers = createHandlers(deps)
  const call = <C extends IpcChannel>(channel: C, request?: unknown) =>
    (handlers[channel] as (request: unknown) => ReturnType<IpcHandlers[C]>)(request)
  return { state, calls, lines, done, call }
}
