import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { keypadActions, type KeypadAction } from '@shared/accessibility-defaults'
import { supportedLocales, type Locale } from '@shared/locale-codes'
import type { createAudioGuide } from '../audio/audio-guide'
import { digitOf, namedKeys } from '../audio/keypad'
import type { Speaker, Utterance } from '../audio/speaker'
import { createWebSpeechSpeaker } from '../audio/web-speech'
import { i18n, loadAllMessages } from '../i18n'
import { useAccessibilityStore } from '../stores/accessibility'
import { useAppStore } from '../stores/app'
import { useRecoveryStore } from '../stores/recovery'
import { useRegistrationStore } from '../stores/registration'
import { secondsUntil } from './useNow'
import { finishedReturnAt } from './useAutoReturn'

type AudioGuide = ReturnType<typeof createAudioGuide>

/** A key as help names it: its digit, or its name in `locale` ("Enter", "star"). */
function keySaid(code: string, locale: Locale): string {
  const digit = digitOf(code)
  if (digit !== undefined) return digit
  if ((namedKeys as readonly string[]).includes(code))
    return i18n.global.t(`audio.keys.${code}`, {}, { locale })
  return code
}

/**
 * Audio guidance, from the outside (docs/accessibility.md): holding the start key (or the
 * on-screen button) turns it on; the help key says how, in both languages, while it is off; the
 * wipe turns it off. While it is on, the guide (loaded then) has the keypad.
 */
export function useAudioGuidance(idle: { warning: Ref<boolean>; secondsLeft: Ref<number> }) {
  const a11y = useAccessibilityStore()
  const app = useAppStore()
  const route = useRoute()
  const router = useRouter()
  const settings = () => a11y.settings.audioGuidance
  let speaker: Speaker | undefined
  let guide: AudioGuide | undefined
  let holdTimer: ReturnType<typeof setTimeout> | undefined

  function getSpeaker(): Speaker | undefined {
    if (!speaker && 'speechSynthesis' in window)
      speaker = createWebSpeechSpeaker({
        synthesis: window.speechSynthesis,
        preferredVoices: (lang) => settings().voices[lang],
        rate: () => settings().rate,
      })
    return speaker
  }

  const say = (key: string, locale: Locale, named: Record<string, unknown> = {}): Utterance => ({
    text: i18n.global.t(key, named, { locale }),
    lang: locale,
  })

  function keyNames(locale: Locale) {
    const keypad = settings().keypad
    return Object.fromEntries(
      keypadActions.map((action) => [action, keySaid(keypad[action][0]!, locale)]),
    ) as Record<KeypadAction, string>
  }

  const seconds = (key: string, count: number) =>
    i18n.global.t(key, count, { locale: app.locale, named: { seconds: count } })

  function timeLeft(): string {
    const now = Date.now()
    if (idle.warning.value) return seconds('audio.time.idle', idle.secondsLeft.value)
    const flow =
      route.name === 'register-code'
        ? useRegistrationStore()
        : route.name === 'recovery-code'
          ? useRecoveryStore()
          : undefined
    if (flow) {
      const wait = secondsUntil(flow.resendAvailableAt, now)
      return wait
        ? seconds('audio.time.resendIn', wait)
        : say('audio.time.resendNow', app.locale).text
    }
    if (finishedReturnAt.value)
      return seconds('audio.time.returnIn', secondsUntil(finishedReturnAt.value, now))
    return say('audio.time.none', app.locale).text
  }

  /**
   * Turns guidance on in a language a voice can speak: with no voice for the screen's language the
   * kiosk switches to the other one and says so; with no voice at all the screen says it.
   */
  async function startAudio() {
    const voices = getSpeaker()
    if (!voices || a11y.audio) return
    // What guidance says comes from every section of both languages, not Welcome's alone.
    await loadAllMessages()
    const wanted = app.locale
    const other = supportedLocales.find((locale) => locale !== wanted)!
    const intro: Utterance[] = []
    if ((await voices.voiceFor(wanted)) === 'none') {
      if ((await voices.voiceFor(other)) === 'none') {
        a11y.audioUnavailable = true
        return
      }
      app.switchLocale(other)
      intro.push(
        say('audio.voiceMissing', other, {
          missing: i18n.global.t(`audio.language.${wanted}`, {}, { locale: other }),
        }),
      )
    }
    const { createAudioGuide } = await import('../audio/audio-guide')
    voices.setVolume(a11y.volume)
    guide = createAudioGuide({
      speaker: voices,
      keypad: () => settings().keypad,
      locale: () => app.locale,
      timeLeft,
      changeVolume: (step) => {
        a11y.changeVolume(step * 0.2)
        return a11y.volume
      },
      keyNames,
    })
    a11y.audioUnavailable = false
    a11y.audio = true
    intro.push(say('audio.started', app.locale, keyNames(app.locale)))
    guide.start(intro)
  }

  function stopAudio() {
    guide?.stop()
    guide = undefined
    a11y.audio = false
  }

  /** Audio off, any help key: how to start it, in the screen's language first, then the other. */
  async function sayHowToStart() {
    const voices = getSpeaker()
    if (!voices) return
    // A key pressed before the idle preload: the hint is in no start message, in neither language.
    await loadAllMessages()
    const order = [app.locale, ...supportedLocales.filter((locale) => locale !== app.locale)]
    voices.silence()
    for (const locale of order)
      if ((await voices.voiceFor(locale)) !== 'none')
        voices.say(say('audio.howToStart', locale, { key: keySaid(settings().startKey, locale) }))
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!settings().enabled) return
    if (guide) {
      if (guide.handleKey(event)) {
        event.preventDefault()
        event.stopPropagation()
      }
      return
    }
    if (event.code === settings().startKey && !event.repeat) {
      clearTimeout(holdTimer)
      holdTimer = setTimeout(() => void startAudio(), settings().startHoldMs)
    } else if (settings().keypad.help.includes(event.code) && !event.repeat) {
      event.preventDefault()
      void sayHowToStart()
    }
  }

  function onKeyUp(event: KeyboardEvent) {
    if (event.code === settings().startKey) clearTimeout(holdTimer)
  }

  // The wipe resets the store: guidance stops with it.
  watch(
    () => a11y.audio,
    (on) => {
      if (!on && guide) stopAudio()
    },
  )
  watch(
    () => app.locale,
    async (now, before) => {
      if (!guide || !speaker) return
      if ((await speaker.voiceFor(now)) !== 'none') return guide.announceScreen()
      // No voice for the language just chosen: back to the one that speaks, and why.
      app.switchLocale(before)
      guide.speak([
        say('audio.voiceMissing', before, {
          missing: i18n.global.t(`audio.language.${now}`, {}, { locale: before }),
        }),
      ])
    },
  )
  // With large text and no audio guidance, the idle warning is still said aloud.
  watch(idle.warning, (warning) => {
    if (!warning || guide || !a11y.largeText) return
    const voices = getSpeaker()
    const locale = app.locale
    voices?.silence()
    voices?.say(say('idle.title', locale))
    voices?.say(say('idle.lead', locale, { seconds: idle.secondsLeft.value }))
  })

  const untilNavigation = router.beforeEach(() => guide?.navigationStarted())
  const afterNavigation = router.afterEach(() => guide?.navigationEnded())

  onMounted(() => {
    // The OS may take seconds to list its voices: ask now, not when a person is waiting.
    if (settings().enabled) getSpeaker()
    window.addEventListener('keydown', onKeyDown, true)
    window.addEventListener('keyup', onKeyUp, true)
  })
  onBeforeUnmount(() => {
    untilNavigation()
    afterNavigation()
    window.removeEventListener('keydown', onKeyDown, true)
    window.removeEventListener('keyup', onKeyUp, true)
    clearTimeout(holdTimer)
    guide?.stop()
  })

  return { startAudio, stopAudio }
}
