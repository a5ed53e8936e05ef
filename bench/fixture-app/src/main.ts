// The baseline of the size and start-up benchmarks: a bare vue + vue-router + pinia + vue-i18n
// app with one screen and its messages in a locale file, built by the kiosk renderer's own Vite
// setup (renderer/vite.shared.ts).
import { createPinia, defineStore } from 'pinia'
import { createApp, defineComponent, h } from 'vue'
import { createI18n, useI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import frCA from '../locales/fr-CA.json'

const useStore = defineStore('bare', { state: () => ({ count: 0 }) })
const Welcome = defineComponent({
  setup() {
    const { t } = useI18n()
    const store = useStore()
    return () =>
      h('main', [
        h('h1', { id: 'welcome-title' }, t('title')),
        h('button', { onClick: () => store.count++ }, t('go')),
      ])
  },
})
const i18n = createI18n({
  legacy: false,
  locale: 'fr-CA',
  messages: { 'fr-CA': frCA },
})
const router = createRouter({
  history: createMemoryHistory(),
  routes: [{ path: '/', component: Welcome }],
})
void router.push('/')
createApp(defineComponent({ render: () => h(RouterView) }))
  .use(createPinia())
  .use(router)
  .use(i18n)
  .mount('#app')
