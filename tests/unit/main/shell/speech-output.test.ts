import { describe, expect, it } from 'vitest'
import { setupSpeechOutput } from '@main/shell/speech-output'

describe('speech output', () => {
  it('lets Chromium reach speech-dispatcher on Linux, and changes nothing elsewhere', () => {
    const switches = (platform: NodeJS.Platform) => {
      const appended: string[] = []
      setupSpeechOutput({ appendSwitch: (name) => appended.push(name) }, platform)
      return appended
    }
    expect(switches('linux')).toEqual(['enable-speech-dispatcher'])
    expect(switches('win32')).toEqual([])
    expect(switches('darwin')).toEqual([])
  })
})
