import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { describeStop } from '@renderer/audio/describe'
import { spelled } from '@renderer/audio/field-editing'
import { collectStops } from '@renderer/audio/stops'
import { i18n } from '@renderer/i18n'

/** What audio guidance says of a control: never a password, a code only when spelled. */
function field(html: string, value: string): HTMLInputElement {
  document.body.insertAdjacentHTML('beforeend', html)
  const input = document.body.querySelector<HTMLInputElement>('input:last-of-type')!
  input.value = value
  return input
}

beforeAll(() => {
  document.documentElement.lang = 'en-CA'
  i18n.global.locale.value = 'en-CA'
})
afterEach(() => document.body.replaceChildren())

describe('describeStop', () => {
  it('says a radio button as one, chosen or not, and never its value', () => {
    document.body.innerHTML =
      '<fieldset><legend>Which invitation?</legend>' +
      '<label><input type="radio" name="i" value="inv-1" checked> Alex Roy · Cégep</label>' +
      '<label><input type="radio" name="i" value="inv-2"> No name · Cégep</label></fieldset>'
    const [first, second] = document.querySelectorAll('input')
    expect(describeStop(first!).text).toBe('Alex Roy · Cégep, radio button, chosen')
    expect(describeStop(second!).text).toBe('No name · Cégep, radio button, not chosen')
    expect(collectStops(document.body).map((stop) => stop.tagName)).toEqual([
      'LEGEND',
      'INPUT',
      'INPUT',
    ])
  })

  it('says a name field’s value', () => {
    const input = field(
      '<label for="f">First name</label><input id="f" autocomplete="given-name">',
      'Zoë',
    )
    expect(describeStop(input)).toEqual({ text: 'First name, text field, Zoë', lang: 'en-CA' })
  })

  it('says only how long a password is, shown or hidden', () => {
    const hidden = field(
      '<label for="p">Password</label><input id="p" type="password" data-private="true">',
      'Rivière-Bleue#2026!',
    )
    expect(describeStop(hidden).text).toBe('Password, password field, 19 characters entered')
    hidden.type = 'text'
    expect(describeStop(hidden).text).toBe('Password, password field, 19 characters entered')
    expect(spelled(hidden, 'en-CA')).toBe('19 characters entered')
  })

  it('says a code’s length, and its digits only when spelled', () => {
    const code = field('<label for="c">Code</label><input id="c" inputmode="numeric">', '481592')
    expect(describeStop(code).text).toBe('Code, code field, 6 characters entered')
    expect(spelled(code, 'en-CA')).toBe('4, 8, 1, 5, 9, 2')
  })

  it('never says a pasted link, even spelled: it holds a token', () => {
    const link = field(
      '<label for="l">Link</label><input id="l" autocomplete="off">',
      `mescertif://invite/${'A'.repeat(43)}`,
    )
    expect(describeStop(link).text).toBe('Link, text field, 62 characters entered')
    expect(spelled(link, 'en-CA')).toBe('62 characters entered')
  })

  it('says any address, whoever’s it is (a student’s, typed at the counter)', () => {
    const student = field(
      '<label for="s">Student’s email</label><input id="s" type="email" autocomplete="off">',
      'bo@ex.ca',
    )
    expect(describeStop(student).text).toBe('Student’s email, text field, bo@ex.ca')
    expect(spelled(student, 'en-CA')).toBe('b, o, at sign, e, x, dot, c, a')
  })

  it('says a list with its choice, and a folding button open or closed', () => {
    document.body.innerHTML =
      '<label for="l">Language</label><select id="l"><option>Français</option>' +
      '<option selected>English</option></select>' +
      '<button aria-expanded="false">Display and audio</button>'
    const [list, fold] = collectStops(document.body)
    expect([list, fold].map((stop) => describeStop(stop!).text)).toEqual([
      'Language, list, English',
      'Display and audio, button, collapsed',
    ])
  })

  it('says a box’s state, a toggle’s state and an unavailable button', () => {
    document.body.innerHTML =
      '<input id="b" type="checkbox" checked><label for="b">I agree</label>' +
      '<button aria-pressed="false">Large text</button><button disabled>Resend (in 42 s)</button>'
    const [box, toggle, resend] = collectStops(document.body)
    expect([box, toggle, resend].map((stop) => describeStop(stop!).text)).toEqual([
      'I agree, checkbox, checked',
      'Large text, button, off',
      'Resend (in 42 s), button, unavailable',
    ])
  })
})

describe('collectStops', () => {
  it('walks controls and text, leaving out what is read with a control or hidden', () => {
    document.body.innerHTML = `
      <h1>Title</h1><p class="lead">Lead</p>
      <p>Help text</p>
      <label for="e">Email</label><p id="e-hint">Hint</p><input id="e" aria-describedby="e-hint">
      <p aria-hidden="true">✓</p>
      <img src="data:," alt="QR code of the portal"><img src="data:," alt="">
      <button>Next</button>`
    expect(collectStops(document.body).map((stop) => describeStop(stop).text)).toEqual([
      'Title',
      'Help text',
      'Email, text field, empty. Hint',
      'QR code of the portal',
      'Next, button',
    ])
  })
})
