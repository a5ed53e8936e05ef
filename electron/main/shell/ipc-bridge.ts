import type { IpcMain } from 'electron'
import { ipcChannels } from '@shared/ipc/channels'
import type { IpcRouter } from '../ipc/router'

/** Every contract channel into the core's router, which checks sender and payload. */
export function setupIpcBridge(ipcMain: Pick<IpcMain, 'handle'>, router: IpcRouter): void {
  for (const channel of ipcChannels) {
    // senderFrame is read synchronously: it can be gone after an await.
    ipcMain.handle(channel, (event, payload: unknown) =>
      router.dispatch(channel, event.senderFrame, payload),
    )
  }
}
