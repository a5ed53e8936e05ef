import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { activateControl } from '@renderer/audio/activation'
import { i18n } from '@renderer/i18n'

/** What the keypad's select key does to a control, and what is said when focus does not say it. */
beforeAll(() => {
  document.documentElement.lang = 'en-CA'
  i18n.global.locale.value = 'en-CA'
})
afterEach(() => document.body.replaceChildren())

describe('activateControl', () => {
  it('steps a list to its next choice, round, and tells the page as a choice would', async () => {
    document.body.innerHTML =
      '<label for="l">Language</label><select id="l"><option>Français</option>' +
      '<option>English</option></select>'
    const list = document.querySelector('select')!
    const changes: string[] = []
    list.addEventListener('change', () => changes.push(list.value))
    expect(await activateControl(list)).toEqual([
      { text: 'Language, list, English', lang: 'en-CA' },
    ])
    expect(await activateControl(list)).toEqual([
      { text: 'Language, list, Français', lang: 'en-CA' },
    ])
    expect(changes).toEqual(['English', 'Français'])
  })

  it('says what a key wrote into the display it controls, not the key itself', async () => {
    document.body.innerHTML =
      '<p id="d" role="status"><span aria-hidden="true">●</span><span>1 digit entered</span></p>' +
      '<button aria-controls="d">7</button>'
    const key = document.querySelector('button')!
    let pressed = 0
    key.addEventListener('click', () => {
      pressed += 1
      document.querySelector('#d span:last-child')!.textContent = `${pressed + 1} digits entered`
    })
    key.focus()
    expect(await activateControl(key)).toEqual([{ text: '2 digits entered', lang: 'en-CA' }])
    expect(pressed).toBe(1)
  })

  it('says a toggle’s new state, and nothing for a button that moves focus on its own', async () => {
    document.body.innerHTML =
      '<button aria-pressed="false">Large text</button><button>Next</button><h1 tabindex="-1">Step</h1>'
    const [toggle, next] = document.querySelectorAll('button')
    toggle!.addEventListener('click', () => toggle!.setAttribute('aria-pressed', 'true'))
    next!.addEventListener('click', () => document.querySelector('h1')!.focus())
    toggle!.focus()
    expect(await activateControl(toggle!)).toEqual([
      { text: 'Large text, button, on', lang: 'en-CA' },
    ])
    next!.focus()
    expect(await activateControl(next!)).toEqual([])
  })
})
