import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNEL } from '@shared/ipc/channels'
import { askedAsThePageStarts, createKioskApi } from './api'

const api = createKioskApi(
  {
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (listener) => {
      // Never hand the page the IpcRendererEvent (it carries `sender`).
      const wrapped = (_event: IpcRendererEvent, value: unknown) => listener(value)
      ipcRenderer.on(EVENT_CHANNEL, wrapped)
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
    },
  },
  { askAtOnce: askedAsThePageStarts(location.pathname) },
)

contextBridge.exposeInMainWorld('kiosk', api)
