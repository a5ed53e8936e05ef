import type { KioskError } from '@shared/errors'
import { ipcContract, type IpcChannel } from '@shared/ipc'

const requestFields = new Map<IpcChannel, ReadonlySet<string>>()

function fieldsOfRequest(channel: IpcChannel): ReadonlySet<string> {
  let names = requestFields.get(channel)
  if (!names) {
    const schema: object = ipcContract[channel].request
    names = new Set('shape' in schema ? Object.keys(schema.shape as object) : [])
    requestFields.set(channel, names)
  }
  return names
}

/**
 * An error's `fields` name what the renderer's form calls its fields: the keys of the channel's
 * request in `shared/ipc/contract.ts`. A service (ours or another speaking the contract) may name
 * a header, its own body keys (`resetToken`) or a nested path; those are dropped, and when nothing
 * is left the error keeps its code without `fields`, so the renderer shows its general message.
 */
export function withRequestFields(channel: IpcChannel, error: KioskError): KioskError {
  if (!error.fields) return error
  const known = fieldsOfRequest(channel)
  const kept = Object.entries(error.fields).filter(([name]) => known.has(name))
  const { fields: _fields, ...rest } = error
  return kept.length > 0 ? { ...rest, fields: Object.fromEntries(kept) } : rest
}
