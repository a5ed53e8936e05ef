import { expect, type Page } from '@playwright/test'

export interface Spoken {
  text: string
  lang: string
}

/**
 * The OS voices the kiosk would find, as Chromium's Web Speech API lists them. Headless Chromium
 * has none, so tests give the page a `speechSynthesis` that records each utterance (text, lang,
 * voice, volume) instead of playing it; the kiosk's own Web Speech code runs unchanged above it.
 */
export const CANADIAN_VOICES = [
  { name: 'Amélie', lang: 'fr-CA' },
  { name: 'Thomas', lang: 'fr-FR' },
  { name: 'Clara', lang: 'en-CA' },
]

export async function installRecordedSpeech(page: Page, voices = CANADIAN_VOICES) {
  await page.addInitScript((list) => {
    type Recorded = { text: string; lang: string; voice?: string; volume: number; rate: number }
    const spoken: Recorded[] = []
    const osVoices = list.map((voice) => ({
      ...voice,
      default: false,
      localService: true,
      voiceURI: voice.name,
    }))
    class RecordedUtterance extends EventTarget {
      lang = ''
      voice: { name: string } | null = null
      volume = 1
      rate = 1
      pitch = 1
      constructor(public text = '') {
        super()
      }
    }
    let told = false
    const synthesis = Object.assign(new EventTarget(), {
      speaking: false,
      pending: false,
      paused: false,
      // Like Chromium on a machine without voices: an empty list, and one "voiceschanged".
      getVoices: () => {
        if (!osVoices.length && !told) {
          told = true
          setTimeout(() => synthesis.dispatchEvent(new Event('voiceschanged')))
        }
        return osVoices
      },
      speak: (utterance: RecordedUtterance) => {
        spoken.push({
          text: utterance.text,
          lang: utterance.lang,
          voice: utterance.voice?.name,
          volume: utterance.volume,
          rate: utterance.rate,
        })
      },
      cancel: () => undefined,
      pause: () => undefined,
      resume: () => undefined,
    })
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true })
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: RecordedUtterance,
      configurable: true,
    })
    Object.defineProperty(window, '__spoken', { value: spoken })
  }, voices)
}

export async function spokenSoFar(page: Page): Promise<Spoken[]> {
  return page.evaluate(() =>
    (window as unknown as { __spoken: Spoken[] }).__spoken.map(({ text, lang }) => ({
      text,
      lang,
    })),
  )
}

/** Everything said since `from`, once it is exactly `expected` (waits for it, never sleeps). */
export async function expectSaidSince(page: Page, from: number, expected: Spoken[]) {
  await expect
    .poll(async () => (await spokenSoFar(page)).slice(from), { timeout: 10_000 })
    .toEqual(expected)
}
