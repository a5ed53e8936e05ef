import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { setSessionHooks } from './api'
import { i18n, setLocale, startingLocale } from './i18n'
import { createConsoleRouter } from './router'
import { useSessionStore } from './stores/session'
import './styles.css'

async function start() {
  const app = createApp(App).use(createPinia()).use(i18n)
  setLocale(startingLocale())
  const session = useSessionStore()
  const router = createConsoleRouter()
  const ended = () => {
    session.end('expired')
    void router.push({ name: 'sign-in' })
  }
  setSessionHooks({
    activity: () => session.touched(),
    ended,
    staleCsrfToken: async () => {
      if (await session.adoptRenewed()) return true
      // Someone else's session, or none: this page's person is no longer signed in here.
      ended()
      return false
    },
  })
  // A reload keeps the session: the cookie is still there, the CSRF token is asked again.
  if (await session.load()) setLocale(session.account!.locale)
  app.use(router)
  await router.isReady()
  app.mount('#app')
}

void start()
