/// <reference types="vite/client" />
import type { KioskApi } from '@shared/ipc/kiosk-api'

declare global {
  interface Window {
    /** The only bridge to main, built by the preload's `createKioskApi`. */
    readonly kiosk: KioskApi
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
