import type { Locale } from '@shared/locale-codes'

/** One thing said, in one language. */
export interface Utterance {
  text: string
  lang: Locale
}

/** How well the OS can speak a locale: its own voice, one of the same language, or none. */
export type VoiceMatch = 'exact' | 'language' | 'none'

/**
 * The only way the kiosk speaks. Audio guidance talks to this interface; the Web Speech API is one
 * implementation of it (`web-speech.ts`), and a test can record what is said instead.
 */
export interface Speaker {
  /** Queues one utterance after what is being said. */
  say(utterance: Utterance): void
  /** Stops at once and drops the queue. */
  silence(): void
  /** 0.2–1 of the OS volume. */
  setVolume(volume: number): void
  /** Waits for the OS's voice list, then says how well it can speak `lang`. */
  voiceFor(lang: Locale): Promise<VoiceMatch>
}
