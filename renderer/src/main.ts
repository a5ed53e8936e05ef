import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n, loadAllMessages } from './i18n'
import { loadModeStyles } from './mode-styles'
import { router } from './router'
import { afterStartUp } from './start-up'
import { useAppStore } from './stores/app'
import './styles.css'
import './layout.css'
import './styles/a11y-bar.css'

async function start() {
  // The session (main's events, audio guidance's keys, the dialogs: App.vue) is fetched while the
  // first screen's data is asked for, not once that screen has mounted: the kiosk is interactive
  // when the session is (docs/performance.md).
  void import('./KioskSession.vue')
  const app = createApp(App).use(createPinia()).use(router).use(i18n)
  // Welcome needs only the messages that come with the app; every other screen, all of them.
  router.beforeEach((to) => to.name === 'welcome' || loadAllMessages().then(() => true))
  await useAppStore().load()
  await router.push({ name: 'welcome' })
  app.mount('#app')
  // What the first screen did not need, fetched while nobody waits (docs/performance.md).
  afterStartUp(() => {
    void loadAllMessages()
    void import('./lazy-components').then(({ preloadComponents }) => preloadComponents())
    void loadModeStyles()
  })
}

void start()
