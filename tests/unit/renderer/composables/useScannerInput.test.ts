import { afterEach, describe, expect, it, vi } from 'vitest'
import { useScannerInput } from '@renderer/composables/useScannerInput'
import { mountComposable } from '../mount-composable'

const LINK = `mescertif://reset/${'Ab3_-'.repeat(8)}xyz`

/** A keydown as the browser stamps it, `at` ms after the page started. */
function press(key: string, at: number, target: EventTarget = window) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  Object.defineProperty(event, 'timeStamp', { value: at })
  target.dispatchEvent(event)
  return event
}

/** Types `text` one key every `msPerKey` from `start`, then Enter one step later. */
function typeThenEnter(text: string, msPerKey: number, start = 1000, target?: EventTarget) {
  ;[...text].forEach((key, i) => press(key, start + i * msPerKey, target))
  return press('Enter', start + text.length * msPerKey, target)
}

function listen() {
  const onScan = vi.fn()
  const { unmount } = mountComposable(() => useScannerInput(onScan))
  cleanups.push(unmount)
  return onScan
}
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

describe('useScannerInput: a USB scanner is a keyboard that types a whole link in a burst', () => {
  it('reads a burst ending in Enter as one scan, and keeps the Enter from doing anything else', () => {
    const onScan = listen()
    const enter = typeThenEnter(LINK, 5)
    expect(onScan).toHaveBeenCalledExactlyOnceWith(LINK)
    expect(enter.defaultPrevented).toBe(true)
  })

  it('judges the burst by its average pace: one late keystroke on a busy kiosk does not break it', () => {
    const onScan = listen()
    ;[...LINK].forEach((key, i) => press(key, 1000 + i * 5 + (i >= 30 ? 400 : 0)))
    press('Enter', 1000 + LINK.length * 5 + 400)
    expect(onScan).toHaveBeenCalledExactlyOnceWith(LINK)
  })

  it('takes a person typing (120 ms a key) for a person, and lets their Enter through', () => {
    const onScan = listen()
    const enter = typeThenEnter(LINK, 120)
    expect(onScan).not.toHaveBeenCalled()
    expect(enter.defaultPrevented).toBe(false)
  })

  it('accepts 50 ms a key on average, not 51', () => {
    const onScan = listen()
    typeThenEnter(LINK.slice(0, 20), 50)
    expect(onScan).toHaveBeenCalledExactlyOnceWith(LINK.slice(0, 20))
    typeThenEnter(LINK.slice(0, 20), 51, 10_000)
    expect(onScan).toHaveBeenCalledTimes(1)
  })

  it('needs at least 20 characters', () => {
    const onScan = listen()
    typeThenEnter(LINK.slice(0, 19), 5)
    expect(onScan).not.toHaveBeenCalled()
    typeThenEnter(LINK.slice(0, 20), 5, 5000)
    expect(onScan).toHaveBeenCalledExactlyOnceWith(LINK.slice(0, 20))
  })

  it('starts over after a pause of more than a second', () => {
    const onScan = listen()
    ;[...'stray keys'].forEach((key, i) => press(key, 1000 + i * 5))
    typeThenEnter(LINK, 5, 1000 + 10 * 5 + 1001)
    expect(onScan).toHaveBeenCalledExactlyOnceWith(LINK)
  })

  it('leaves out keys that type nothing (Shift, arrows)', () => {
    const onScan = listen()
    ;[...LINK].forEach((key, i) => {
      if (i % 10 === 0) press('Shift', 1000 + i * 5)
      press(key, 1000 + i * 5 + 1)
    })
    press('Enter', 1000 + LINK.length * 5 + 1)
    expect(onScan).toHaveBeenCalledExactlyOnceWith(LINK)
  })

  it('leaves a burst typed into a text field to the field', () => {
    const onScan = listen()
    const field = document.body.appendChild(document.createElement('input'))
    typeThenEnter(LINK, 5, 1000, field)
    expect(onScan).not.toHaveBeenCalled()
    field.remove()
  })

  it('stops listening when its screen goes', () => {
    const onScan = listen()
    cleanups.splice(0).forEach((cleanup) => cleanup())
    typeThenEnter(LINK, 5)
    expect(onScan).not.toHaveBeenCalled()
  })
})
