import { ipcChannels, ipcContract, type IpcChannel, type IpcResponse } from '@shared/ipc'
import type { KioskError } from '@shared/errors'
import type { Result } from '@shared/result'
import type { z } from 'zod'
import type { EventLog } from '../event-log'
import { channelForLog } from './channel-for-log'
import { withRequestFields } from './field-names'
import type { HumanSpeedLimiter } from './human-speed'
import { inspectPayload } from './payload-guard'

/** The two facts about a sender frame the router needs (a subset of Electron's WebFrameMain). */
export interface SenderFrame {
  url: string
  parent: unknown
}

export type IpcHandler<C extends IpcChannel> = (
  request: z.output<(typeof ipcContract)[C]['request']>,
) => Promise<Result<IpcResponse<C>>> | Result<IpcResponse<C>>

export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> }

export interface IpcRouter {
  dispatch(
    channel: string,
    frame: SenderFrame | null | undefined,
    payload: unknown,
  ): Promise<Result<unknown>>
}

/** `scheme://host` of a URL, parsed (never string-prefixed); undefined if it does not parse. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return undefined
  }
}

function fieldsOf(error: z.ZodError): Record<string, 'required' | 'invalid' | 'too_long'> {
  const fields: Record<string, 'required' | 'invalid' | 'too_long'> = {}
  for (const issue of error.issues) {
    const key = (issue.path.join('.') || '(payload)').slice(0, 64)
    fields[key] ??=
      issue.code === 'too_big'
        ? 'too_long'
        : issue.code === 'invalid_type' && issue.input === undefined
          ? 'required'
          : 'invalid'
  }
  return fields
}

const failure = (error: KioskError): Result<never> => ({ ok: false, error })

/**
 * The one gate between the renderer and main (docs/product.md, "Architecture"), which treats the
 * renderer as hostile: the sender must be the app's own top-level frame; the payload must be a
 * small tree of plain data, then match the channel's schema; the channel must be used at a person's
 * speed; and whatever the handler does, a typed result comes back; no exception crosses IPC.
 */
export function createIpcRouter(options: {
  appOrigin: string
  handlers: IpcHandlers
  log: EventLog
  humanSpeed: HumanSpeedLimiter
}): IpcRouter {
  const known = new Set<string>(ipcChannels)
  return {
    async dispatch(name, frame, payload) {
      if (!known.has(name)) return failure({ code: 'forbidden_sender' })
      const channel = name as IpcChannel
      if (!frame || frame.parent !== null || originOf(frame.url) !== options.appOrigin) {
        options.log.warn('ipc.rejected_sender', { channel: channelForLog(channel) })
        return failure({ code: 'forbidden_sender' })
      }
      if (!inspectPayload(payload).ok)
        return failure({ code: 'validation_failed', fields: { '(payload)': 'invalid' } })
      const contract = ipcContract[channel]
      // With the input in each issue, a field of the wrong type reads "invalid", not "required".
      const request = contract.request.safeParse(payload, { reportInput: true })
      if (!request.success)
        return failure({ code: 'validation_failed', fields: fieldsOf(request.error) })
      const waitSeconds = options.humanSpeed.take(channel)
      if (waitSeconds > 0) return failure({ code: 'too_fast', retryAfterSeconds: waitSeconds })
      try {
        const handler = options.handlers[channel] as (
          request: unknown,
        ) => Promise<Result<unknown>> | Result<unknown>
        const result = await handler(request.data)
        if (!result.ok) return failure(withRequestFields(channel, result.error))
        if (!contract.response.safeParse(result.data).success) {
          options.log.error('ipc.bad_response', { channel: channelForLog(channel) })
          return failure({ code: 'internal_error' })
        }
        return result
      } catch (error) {
        options.log.error('ipc.handler_threw', {
          channel: channelForLog(channel),
          error: error instanceof Error ? error.name : 'unknown',
        })
        return failure({ code: 'internal_error' })
      }
    },
  }
}
