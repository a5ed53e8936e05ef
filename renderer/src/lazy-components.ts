import { defineAsyncComponent } from 'vue'
import { loadAllMessages } from './i18n'

/**
 * What no one waits for at start, each in its own chunk: the on-screen keyboard (simple-keyboard
 * and its styles), the staff screens, the demo mailbox, the dialogs and the screen IT sees when
 * the config is broken. The first screen comes up on less (docs/performance.md); main.ts fetches
 * them all as soon as the browser is idle after start, so none is still loading when it is first
 * shown. Each shows with its messages loaded.
 */
const withMessages =
  <T>(load: () => Promise<T>) =>
  async () => {
    await loadAllMessages()
    return load()
  }

const loaders = {
  OnScreenKeyboard: withMessages(() => import('./components/OnScreenKeyboard.vue')),
  StaffPinPad: withMessages(() => import('./components/StaffPinPad.vue')),
  StaffPanel: withMessages(() => import('./components/StaffPanel.vue')),
  DemoMailbox: withMessages(() => import('./components/DemoMailbox.vue')),
  IdleDialog: withMessages(() => import('./components/IdleDialog.vue')),
  ConfirmDialog: withMessages(() => import('./components/ConfirmDialog.vue')),
  ConfigErrorView: withMessages(() => import('./views/ConfigErrorView.vue')),
}

export const OnScreenKeyboard = defineAsyncComponent(loaders.OnScreenKeyboard)
export const StaffPinPad = defineAsyncComponent(loaders.StaffPinPad)
export const StaffPanel = defineAsyncComponent(loaders.StaffPanel)
export const DemoMailbox = defineAsyncComponent(loaders.DemoMailbox)
export const IdleDialog = defineAsyncComponent(loaders.IdleDialog)
export const ConfirmDialog = defineAsyncComponent(loaders.ConfirmDialog)
export const ConfigErrorView = defineAsyncComponent(loaders.ConfigErrorView)

export function preloadComponents(): void {
  for (const load of Object.values(loaders)) void load()
}
