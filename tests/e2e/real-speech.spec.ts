import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import config from '../../playwright.config'
import { expect, test } from './harness/fixtures'
import { holdToStartAudio, key } from './harness/keypad'
import { RESULTS } from './harness/paths'

/**
 * Real audio, no recorder: Debian's speech-dispatcher with espeak-ng behind Chromium's Web Speech
 * API, as on a Linux kiosk (Electron gets the same switch, electron/main/shell/speech-output.ts).
 * Headless, the sound goes to ALSA's file plugin instead of a sound card, and the test reads it.
 */
const ESPEAK_MODULE = '/usr/lib/speech-dispatcher-modules/sd_espeak-ng'
const home = resolve(RESULTS, 'real-speech', `home-${process.pid}`)
const sound = resolve(home, 'sound.raw')

if (existsSync(ESPEAK_MODULE)) {
  mkdirSync(resolve(home, '.config/speech-dispatcher'), { recursive: true })
  mkdirSync(resolve(home, 'run'), { recursive: true, mode: 0o700 })
  writeFileSync(
    resolve(home, '.asoundrc'),
    `pcm.!default { type file slave.pcm "null" file "${sound}" format "raw" }\n`,
  )
  writeFileSync(
    resolve(home, '.config/speech-dispatcher/speechd.conf'),
    [
      'AudioOutputMethod "alsa"',
      'Timeout 5',
      'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
      'DefaultModule espeak-ng',
      '',
    ].join('\n'),
  )
}

const defaults = config.use?.launchOptions ?? {}
test.use({
  launchOptions: {
    ...defaults,
    args: [...(defaults.args ?? []), '--enable-speech-dispatcher'],
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: resolve(home, '.config'),
      XDG_CACHE_HOME: resolve(home, '.cache'),
      XDG_RUNTIME_DIR: resolve(home, 'run'),
    },
  },
})

/** The loudest 16-bit sample written to the sound file since `from` bytes. */
function loudestSince(from: number): number {
  if (!existsSync(sound)) return 0
  const bytes = readFileSync(sound).subarray(from)
  let loudest = 0
  for (let i = 0; i + 1 < bytes.length; i += 2)
    loudest = Math.max(loudest, Math.abs(bytes.readInt16LE(i)))
  return loudest
}

const soundBytes = () => (existsSync(sound) ? readFileSync(sound).length : 0)

/** Every utterance the page handed to the OS, with the voice chosen and how it ended. */
async function utterances(page: Page) {
  return page.evaluate(() => (window as unknown as { __heard: object[] }).__heard)
}

test('audio guidance comes out of the speakers in French and in English', async ({
  page,
  kiosk,
}) => {
  test.skip(
    !existsSync(ESPEAK_MODULE),
    `no speech-dispatcher espeak-ng module at ${ESPEAK_MODULE} (Debian's path; .ci/run installs speech-dispatcher-espeak-ng)`,
  )
  rmSync(sound, { force: true })
  // Watch the real speechSynthesis, without replacing it.
  await page.evaluate(() => {
    const heard: object[] = []
    Object.defineProperty(window, '__heard', { value: heard })
    const speak = speechSynthesis.speak.bind(speechSynthesis)
    speechSynthesis.speak = (utterance) => {
      const entry = { lang: utterance.lang, voice: utterance.voice?.lang, outcome: 'pending' }
      heard.push(entry)
      utterance.addEventListener('end', () => (entry.outcome = 'spoken'))
      utterance.addEventListener('error', (e) => (entry.outcome = `error ${e.error}`))
      speak(utterance)
    }
  })

  await holdToStartAudio(page)
  await expect.poll(() => loudestSince(0), { timeout: 30_000 }).toBeGreaterThan(1000)
  await expect
    .poll(async () => (await utterances(page)).at(-1), { timeout: 30_000 })
    .toMatchObject({ lang: 'fr-CA', voice: expect.stringMatching(/^fr/), outcome: 'spoken' })

  const frenchBytes = soundBytes()
  // To the language switch by keypad: the a11y bar's four buttons, then the switch.
  for (let i = 0; i < 5; i++) await page.keyboard.press(key('previous'))
  await page.keyboard.press(key('select'))
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA')
  await expect
    .poll(async () => (await utterances(page)).at(-1), { timeout: 30_000 })
    .toMatchObject({ lang: 'en-CA', voice: expect.stringMatching(/^en/), outcome: 'spoken' })
  await expect.poll(() => loudestSince(frenchBytes), { timeout: 30_000 }).toBeGreaterThan(1000)
})
