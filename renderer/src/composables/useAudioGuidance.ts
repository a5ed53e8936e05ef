import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { AudioSession } from '../audio/audio-session'
import { DEFAULT_ACCESSIBILITY } from '@shared/accessibility-defaults'
import { useAccessibilityStore } from '../stores/accessibility'
import { useAppStore } from '../stores/app'

/**
 * Audio guidance, from the outside (docs/accessibility.md): holding the start key (or the
 * on-screen button) turns it on; the help key says how, in both languages, while it is off; the
 * wipe turns it off. While it is on, the guide has the keypad.
 *
 * Only these listeners come with the first screen; what speaks (`audio/audio-session.ts`, with the
 * OS voices and the guide) is fetched when the browser is idle after start, or by the first key
 * that needs it, whichever comes first (docs/performance.md).
 */
export function useAudioGuidance(idle: { warning: Ref<boolean>; secondsLeft: Ref<number> }) {
  const a11y = useAccessibilityStore()
  const app = useAppStore()
  const route = useRoute()
  const router = useRouter()
  // Until main has said what IT offers, the defaults (the keys, as the schema sets them).
  const settings = () => a11y.settings?.audioGuidance ?? DEFAULT_ACCESSIBILITY.audioGuidance
  let session: AudioSession | undefined
  let loading: Promise<AudioSession> | undefined
  let holdTimer: ReturnType<typeof setTimeout> | undefined

  function loadSession(): Promise<AudioSession> {
    loading ??= import('../audio/audio-session').then(({ createAudioSession }) => {
      session = createAudioSession({ idle, route, a11y, app })
      return session
    })
    return loading
  }

  const startAudio = async () => (await loadSession()).start()
  const stopAudio = () => (session ? session.stop() : (a11y.audio = false))

  function onKeyDown(event: KeyboardEvent) {
    if (!settings().enabled) return
    const guide = session?.guide()
    if (guide) {
      if (guide.handleKey(event)) {
        event.preventDefault()
        event.stopPropagation()
      }
      return
    }
    if (event.code === settings().startKey && !event.repeat) {
      clearTimeout(holdTimer)
      // Fetched while the key is held, so the guide is there when the hold is long enough.
      void loadSession()
      holdTimer = setTimeout(() => void startAudio(), settings().startHoldMs)
    } else if (settings().keypad.help.includes(event.code) && !event.repeat) {
      event.preventDefault()
      void loadSession().then((loaded) => loaded.sayHowToStart())
    }
  }

  function onKeyUp(event: KeyboardEvent) {
    if (event.code === settings().startKey) clearTimeout(holdTimer)
  }

  // The wipe resets the store: guidance stops with it.
  watch(
    () => a11y.audio,
    (on) => {
      if (!on && session?.guide()) session.stop()
    },
  )
  watch(
    () => app.locale,
    (now, before) => void session?.localeChanged(now, before),
  )
  watch(idle.warning, (warning) => {
    if (!warning || session?.guide() || !a11y.largeText) return
    const said = { locale: app.locale, secondsLeft: idle.secondsLeft.value }
    void loadSession().then((loaded) => loaded.sayIdleWarning(said.locale, said.secondsLeft))
  })

  const untilNavigation = router.beforeEach(() => session?.guide()?.navigationStarted())
  const afterNavigation = router.afterEach(() => session?.guide()?.navigationEnded())

  onMounted(() => {
    // The OS may take seconds to list its voices: the session asks as soon as it loads.
    if (settings().enabled) requestIdleCallback(() => void loadSession())
    window.addEventListener('keydown', onKeyDown, true)
    window.addEventListener('keyup', onKeyUp, true)
  })
  onBeforeUnmount(() => {
    untilNavigation()
    afterNavigation()
    window.removeEventListener('keydown', onKeyDown, true)
    window.removeEventListener('keyup', onKeyUp, true)
    clearTimeout(holdTimer)
    session?.guide()?.stop()
  })

  return { startAudio, stopAudio }
}
