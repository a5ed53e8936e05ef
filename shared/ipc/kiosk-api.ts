import type { Result } from '../result'
import type { IpcChannel } from './channels'
import type { IpcRequest, IpcResponse } from './contract'
import type { KioskEvent } from './events'

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never
type ActionOf<C extends string, D extends string> = C extends `${D}.${infer A}` ? A : never

type Call<C extends IpcChannel> =
  undefined extends IpcRequest<C>
    ? (payload?: IpcRequest<C>) => Promise<Result<IpcResponse<C>>>
    : (payload: IpcRequest<C>) => Promise<Result<IpcResponse<C>>>

/** `window.kiosk`: one method per channel, grouped by domain, derived from the contract. */
export type KioskApi = {
  [D in DomainOf<IpcChannel>]: {
    [A in ActionOf<IpcChannel, D>]: Call<`${D}.${A}` & IpcChannel>
  }
} & {
  /** Subscribe to main → renderer events; returns the unsubscribe function. */
  onEvent(listener: (event: KioskEvent) => void): () => void
}

/** How the API reaches main: `ipcRenderer` in Electron, `page.exposeBinding` in the harness. */
export interface KioskTransport {
  invoke(channel: IpcChannel, payload: unknown): Promise<unknown>
  subscribe(listener: (event: unknown) => void): () => void
}
