import { beforeAll, describe, expect, it, vi } from 'vitest'
import { chooseVoice, createWebSpeechSpeaker } from '@renderer/audio/web-speech'

// happy-dom has no Web Speech API: the browser's utterance is a plain record here.
beforeAll(() => {
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      lang = ''
      voice: SpeechSynthesisVoice | null = null
      volume = 1
      rate = 1
      constructor(public text: string) {}
    },
  )
})

const voice = (name: string, lang: string) => ({ name, lang }) as SpeechSynthesisVoice

/** A `speechSynthesis` that lists `voices` (after `voiceschanged` if `late`) and records. */
function osSpeech(voices: SpeechSynthesisVoice[], late = false) {
  const spoken: SpeechSynthesisUtterance[] = []
  let cancelled = 0
  let listed = late ? [] : voices
  const events = new EventTarget()
  const synthesis = Object.assign(events, {
    getVoices: () => listed,
    speak: (utterance: SpeechSynthesisUtterance) => spoken.push(utterance),
    cancel: () => (cancelled += 1),
  }) as unknown as SpeechSynthesis
  return {
    synthesis,
    spoken,
    cancelled: () => cancelled,
    arrive: () => {
      listed = voices
      events.dispatchEvent(new Event('voiceschanged'))
    },
  }
}

describe('chooseVoice: the voice for a locale', () => {
  const voices = [voice('Thomas', 'fr-FR'), voice('Amélie', 'fr-CA'), voice('Clara', 'en_CA')]

  it('takes IT’s preferred name first, then the exact locale, then the same language', () => {
    expect(chooseVoice(voices, 'fr-CA', ['Thomas'])).toEqual({
      voice: voices[0],
      match: 'language',
    })
    expect(chooseVoice(voices, 'fr-CA', ['Nobody'])).toEqual({ voice: voices[1], match: 'exact' })
    expect(chooseVoice(voices, 'en-CA', [])).toEqual({ voice: voices[2], match: 'exact' })
    expect(chooseVoice([voices[0]!], 'fr-CA', [])).toEqual({ voice: voices[0], match: 'language' })
  })

  it('never takes a preferred voice of another language, and says when none fits', () => {
    expect(chooseVoice(voices.slice(0, 2), 'en-CA', ['Amélie'])).toEqual({
      voice: undefined,
      match: 'none',
    })
  })
})

describe('the Web Speech speaker', () => {
  it('says each utterance in its language, with the chosen voice, volume and rate', async () => {
    const os = osSpeech([voice('Amélie', 'fr-CA'), voice('Clara', 'en-CA')])
    const speaker = createWebSpeechSpeaker({
      synthesis: os.synthesis,
      preferredVoices: () => [],
      rate: () => 1.2,
    })
    speaker.setVolume(0.6)
    speaker.say({ text: 'Bienvenue', lang: 'fr-CA' })
    speaker.say({ text: 'Welcome', lang: 'en-CA' })
    speaker.silence()
    expect(os.spoken.map((u) => [u.text, u.lang, u.voice?.name, u.volume, u.rate])).toEqual([
      ['Bienvenue', 'fr-CA', 'Amélie', 0.6, 1.2],
      ['Welcome', 'en-CA', 'Clara', 0.6, 1.2],
    ])
    expect(os.cancelled()).toBe(1)
  })

  it('says French typography’s non-breaking spaces as plain spaces', () => {
    const os = osSpeech([voice('Amélie', 'fr-CA')])
    const speaker = createWebSpeechSpeaker({
      synthesis: os.synthesis,
      preferredVoices: () => [],
      rate: () => 1,
    })
    speaker.say({ text: 'Étape 1 sur 4\u00a0: Courriel, dans 5\u202fs', lang: 'fr-CA' })
    expect(os.spoken.map((u) => u.text)).toEqual(['Étape 1 sur 4 : Courriel, dans 5 s'])
  })

  it('waits for the OS to list its voices before saying whether a locale can be spoken', async () => {
    const os = osSpeech([voice('Clara', 'en-CA')], true)
    const speaker = createWebSpeechSpeaker({
      synthesis: os.synthesis,
      preferredVoices: () => [],
      rate: () => 1,
    })
    const french = speaker.voiceFor('fr-CA')
    const english = speaker.voiceFor('en-CA')
    os.arrive()
    expect([await french, await english]).toEqual(['none', 'exact'])
  })
})
