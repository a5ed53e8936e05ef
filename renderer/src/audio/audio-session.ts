import { nextTick, type Ref } from 'vue'
import type { RouteLocationNormalizedLoaded } from 'vue-router'
import {
  DEFAULT_ACCESSIBILITY,
  keypadActions,
  type KeypadAction,
} from '@shared/accessibility-defaults'
import { supportedLocales, type Locale } from '@shared/locale-codes'
import { finishedReturnAt } from '../composables/useAutoReturn'
import { secondsUntil } from '../composables/useNow'
import { i18n, loadAllMessages } from '../i18n'
import type { useAccessibilityStore } from '../stores/accessibility'
import type { useAppStore } from '../stores/app'
import { useRecoveryStore } from '../stores/recovery'
import { useRegistrationStore } from '../stores/registration'
import { createAudioGuide } from './audio-guide'
import { digitOf, namedKeys } from './keypad'
import type { Speaker, Utterance } from './speaker'
import { createWebSpeechSpeaker } from './web-speech'

export interface AudioSessionOptions {
  idle: { warning: Ref<boolean>; secondsLeft: Ref<number> }
  route: RouteLocationNormalizedLoaded
  a11y: ReturnType<typeof useAccessibilityStore>
  app: ReturnType<typeof useAppStore>
}

/** A key as help names it: its digit, or its name in `locale` ("Enter", "star"). */
function keySaid(code: string, locale: Locale): string {
  const digit = digitOf(code)
  if (digit !== undefined) return digit
  if ((namedKeys as readonly string[]).includes(code))
    return i18n.global.t(`audio.keys.${code}`, {}, { locale })
  return code
}

const say = (key: string, locale: Locale, named: Record<string, unknown> = {}): Utterance => ({
  text: i18n.global.t(key, named, { locale }),
  lang: locale,
})

/**
 * Everything audio guidance says and how, loaded apart from the first screen (docs/performance.md):
 * the OS voices, the guide with its keypad, what a key is called, how much time is left. The start
 * key's listener (`useAudioGuidance`) fetches it on idle after start, or when a key asks for it.
 */
export function createAudioSession({ idle, route, a11y, app }: AudioSessionOptions) {
  // Until main has said what IT offers, the defaults (the keys, as the schema sets them).
  const settings = () => a11y.settings?.audioGuidance ?? DEFAULT_ACCESSIBILITY.audioGuidance
  let guide: ReturnType<typeof createAudioGuide> | undefined
  // The OS may take seconds to list its voices: asked as soon as this loads, not when a person waits.
  const speaker: Speaker | undefined =
    'speechSynthesis' in window
      ? createWebSpeechSpeaker({
          synthesis: window.speechSynthesis,
          preferredVoices: (lang) => settings().voices[lang],
          rate: () => settings().rate,
        })
      : undefined

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
  async function start() {
    if (!speaker || a11y.audio) return
    // What guidance says comes from every section of both languages, not Welcome's alone.
    await loadAllMessages()
    const wanted = app.locale
    const other = supportedLocales.find((locale) => locale !== wanted)!
    const intro: Utterance[] = []
    if ((await speaker.voiceFor(wanted)) === 'none') {
      if ((await speaker.voiceFor(other)) === 'none') {
        a11y.audioUnavailable = true
        return
      }
      // Switched and drawn before the guide exists: the guide reads the screen in the language it
      // speaks, and the locale watcher does not announce a change the guide is about to say.
      await app.switchLocale(other)
      await nextTick()
      intro.push(
        say('audio.voiceMissing', other, {
          missing: i18n.global.t(`audio.language.${wanted}`, {}, { locale: other }),
        }),
      )
    }
    speaker.setVolume(a11y.volume)
    guide = createAudioGuide({
      speaker,
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

  function stop() {
    guide?.stop()
    guide = undefined
    a11y.audio = false
  }

  /** Audio off, any help key: how to start it, in the screen's language first, then the other. */
  async function sayHowToStart() {
    if (!speaker) return
    // A key pressed before the idle preload: the hint is in no start message, in neither language.
    await loadAllMessages()
    const order = [app.locale, ...supportedLocales.filter((locale) => locale !== app.locale)]
    speaker.silence()
    for (const locale of order)
      if ((await speaker.voiceFor(locale)) !== 'none')
        speaker.say(say('audio.howToStart', locale, { key: keySaid(settings().startKey, locale) }))
  }

  /** The screen's language just changed while guidance is on. */
  async function localeChanged(now: Locale, before: Locale) {
    if (!guide || !speaker) return
    if ((await speaker.voiceFor(now)) !== 'none') return guide.announceScreen()
    // No voice for the language just chosen: back to the one that speaks, and why.
    app.switchLocale(before)
    guide.speak([
      say('audio.voiceMissing', before, {
        missing: i18n.global.t(`audio.language.${now}`, {}, { locale: before }),
      }),
    ])
  }

  /** With large text and no audio guidance, the idle warning is still said aloud. */
  function sayIdleWarning(locale: Locale, secondsLeft: number) {
    speaker?.silence()
    speaker?.say(say('idle.title', locale))
    speaker?.say(say('idle.lead', locale, { seconds: secondsLeft }))
  }

  return {
    start,
    stop,
    sayHowToStart,
    localeChanged,
    sayIdleWarning,
    /** The guide, while guidance is on: it has the keypad. */
    guide: () => guide,
  }
}

export type AudioSession = ReturnType<typeof createAudioSession>
