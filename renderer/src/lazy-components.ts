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

/**
 * Fetched through each async component's own loader (Vue's `__asyncLoader`, which its hydration
 * uses too), so the component keeps what it loaded and its first render is synchronous: the PIN
 * pad gives way to the staff panel in one render, and focus goes straight from one to the other
 * (audio guidance says the panel, not the screen under it in between).
 */
export function preloadComponents(): void {
  const components = [
    OnScreenKeyboard,
    StaffPinPad,
    StaffPanel,
    DemoMailbox,
    IdleDialog,
    ConfirmDialog,
    ConfigErrorView,
  ]
  for (const component of components)
    void (component as { __asyncLoader?: () => Promise<unknown> }).__asyncLoader?.()
}
