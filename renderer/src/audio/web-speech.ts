import type { Locale } from '@shared/locale-codes'
import { plainSpaces } from './plain-spaces'
import type { Speaker, Utterance, VoiceMatch } from './speaker'

/**
 * Chromium fills its voice list after start-up and says so once (speech-dispatcher with espeak-ng's
 * 13,000 voices takes about 5 s); a kiosk without voices never does.
 */
const VOICE_LIST_WAIT_MS = 10_000

const normalize = (lang: string) => lang.replace('_', '-').toLowerCase()

/** The voice to use for `lang`: IT's preferred names first, then the exact locale, then the language. */
export function chooseVoice(
  voices: readonly SpeechSynthesisVoice[],
  lang: Locale,
  preferred: readonly string[],
): { voice: SpeechSynthesisVoice | undefined; match: VoiceMatch } {
  const language = lang.slice(0, 2)
  const sameLanguage = voices.filter((voice) => normalize(voice.lang).startsWith(language))
  for (const name of preferred) {
    const voice = sameLanguage.find((candidate) => candidate.name === name)
    if (voice)
      return { voice, match: normalize(voice.lang) === normalize(lang) ? 'exact' : 'language' }
  }
  const exact = sameLanguage.find((voice) => normalize(voice.lang) === normalize(lang))
  if (exact) return { voice: exact, match: 'exact' }
  if (sameLanguage[0]) return { voice: sameLanguage[0], match: 'language' }
  return { voice: undefined, match: 'none' }
}

/** The OS voices Chromium (and so Electron) offers, through `window.speechSynthesis`. */
export function createWebSpeechSpeaker(options: {
  synthesis: SpeechSynthesis
  preferredVoices: (lang: Locale) => readonly string[]
  rate: () => number
}): Speaker {
  const { synthesis } = options
  let volume = 1

  const voiceList = new Promise<readonly SpeechSynthesisVoice[]>((resolve) => {
    const now = synthesis.getVoices()
    if (now.length) return resolve(now)
    const done = () => resolve(synthesis.getVoices())
    synthesis.addEventListener('voiceschanged', done, { once: true })
    setTimeout(done, VOICE_LIST_WAIT_MS)
  })
  let voices: readonly SpeechSynthesisVoice[] = synthesis.getVoices()
  void voiceList.then((list) => (voices = list))

  return {
    say({ text, lang }: Utterance) {
      const utterance = new SpeechSynthesisUtterance(plainSpaces(text))
      utterance.lang = lang
      const { voice } = chooseVoice(voices, lang, options.preferredVoices(lang))
      if (voice) utterance.voice = voice
      utterance.volume = volume
      utterance.rate = options.rate()
      synthesis.speak(utterance)
    },
    silence() {
      synthesis.cancel()
    },
    setVolume(next: number) {
      volume = next
    },
    async voiceFor(lang: Locale) {
      return chooseVoice(await voiceList, lang, options.preferredVoices(lang)).match
    },
  }
}
