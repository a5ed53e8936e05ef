import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { useAppStore } from './stores/app'
import './styles.css'
import './layout.css'
import './keyboard.css'
import './styles/modes.css'

async function start() {
  const app = createApp(App).use(createPinia()).use(router).use(i18n)
  await useAppStore().load()
  await router.push({ name: 'welcome' })
  app.mount('#app')
}

void start()
