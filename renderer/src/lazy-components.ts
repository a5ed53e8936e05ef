import { defineAsyncComponent } from 'vue'
import { loadScreenNeeds } from './screen-needs'

/**
 * What no one waits for at start, each in its own chunk: the on-screen keyboard (simple-keyboard
 * and its styles), the staff screens, the demo mailbox, the dialogs and the screen IT sees when
 * the config is broken. The first screen comes up on less (docs/performance.md); main.ts fetches
 * them all as soon as the browser is idle after start, so none is still loading when it is first
 * shown. Each shows with the messages and the screens' styles loaded (screen-needs.ts).
 */
const withScreenNeeds =
  <T>(load: () => Promise<T>) =>
  async () => {
    await loadScreenNeeds()
    return load()
  }

const loaders = {
  OnScreenKeyboard: withScreenNeeds(() => import('./components/OnScreenKeyboard.vue')),
  StaffPinPad: withScreenNeeds(() => import('./components/StaffPinPad.vue')),
  StaffPanel: withScreenNeeds(() => import('./components/StaffPanel.vue')),
  DemoMailbox: withScreenNeeds(() => import('./components/DemoMailbox.vue')),
  IdleDialog: withScreenNeeds(() => import('./components/IdleDialog.vue')),
  ConfirmDialog: withScreenNeeds(() => import('./components/ConfirmDialog.vue')),
  ConfigErrorView: withScreenNeeds(() => import('./views/ConfigErrorView.vue')),
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
