import type { Page } from '@playwright/test'
import { maskEmail } from '@shared/email'
import type { Locale } from '@shared/locales'
import { test as base, expect } from './harness/fixtures'
import { createActiveAccount } from './harness/flows'
import { holdToStartAudio, key } from './harness/keypad'
import { installRecordedSpeech, spokenSoFar } from './harness/recorded-speech'
import { listen, wordsOf } from './harness/spoken-words'

/**
 * A blind person at the kiosk, with the tactile keypad and headphones only: every key press and
 * exactly what is said after it, for a whole registration and a whole recovery in each language.
 * The words come from the locale files; the sequence is the guidance's (docs/accessibility.md).
 */
const test = base.extend({
  page: async ({ page }, use) => {
    await installRecordedSpeech(page)
    await use(page)
  },
})

const ADDRESS = 'al@ex.ca'
const PASSWORD = 'Aaaaaaaaaaaaa1!'
const NEW_PASSWORD = 'Aaaaaaaaaaaaa2?'

/** Audio on, and in English when asked: the language switch found and pressed by keypad. */
async function startListening(page: Page, locale: Locale) {
  const fr = await listen(page, 'fr-CA')
  await holdToStartAudio(page)
  await fr.expectNext([
    fr.m('audio.started', fr.words.keys),
    fr.m('welcome.title'),
    fr.m('welcome.lead'),
  ])
  if (locale === 'en-CA') {
    const off = fr.m('audio.state.off')
    await fr.press(key('previous'), [fr.words.button(fr.m('a11y.lowered'), off)])
    await fr.press(key('previous'), [fr.words.button(fr.m('a11y.highContrast'), off)])
    await fr.press(key('previous'), [fr.words.button(fr.m('a11y.largeText'), off)])
    await fr.press(key('previous'), [fr.words.button(fr.m('a11y.audio'), fr.m('audio.state.on'))])
    // The switch is written in the language it switches to, so it is said in that language.
    const english = wordsOf('en-CA')
    await fr.press(key('previous'), [
      {
        text: `${fr.m('header.languageSwitchLabel')}, ${english.m('audio.role.button')}`,
        lang: 'en-CA',
      },
    ])
  }
  const ear = await listen(page, locale)
  if (locale === 'en-CA')
    await ear.press(key('select'), [ear.m('welcome.title'), ear.m('welcome.lead')])
  return ear
}

type Ear = Awaited<ReturnType<typeof listen>>

/** Code digits on the keypad, each said only as "entered"; then spelled, because asked. */
async function enterCode(ear: Ear, label: string, code: string) {
  const { m, words } = ear
  await ear.press(key('select'), [m('audio.editDigits', { name: label, ...words.keys })])
  for (const digit of code) await ear.press(`Numpad${digit}`, [m('audio.characterEntered')])
  await ear.press(key('enter'), [words.field(label, 'codeField', words.entered(6))])
  // Out of editing, the keypad's digits are its controls again: 9 spells the field.
  await ear.press(key('spell'), [[...code].join(', ')])
}

/**
 * The rest of a code step after its field, up to its main button: resend (unavailable during its
 * countdown, whose seconds are the clock's), the help beside the field, then Back.
 */
async function walkCodeStepTo(ear: Ear, submit: string) {
  const { m, words } = ear
  const resend = await ear.pressAndTake(key('next'))
  const seconds = Number(/\d+/.exec(resend.text)?.[0])
  expect(resend).toEqual({
    text: words.button(m('code.resendIn', { seconds }), m('audio.state.unavailable')),
    lang: ear.locale,
  })
  await ear.press(key('next'), [m('code.delayHelp')])
  await ear.press(key('next'), [m('code.linkHelp')])
  await ear.press(key('next'), [words.button(m('common.back'))])
  await ear.press(key('next'), [words.button(submit)])
}

/** A new password, its confirmation and their show toggles. */
async function choosePassword(ear: Ear, label: string, password: string) {
  const { m, words } = ear
  const field = (value: string) => words.field(label, 'passwordField', value)
  await ear.press(key('next'), [`${field(m('audio.state.empty'))}. ${words.checklist('')}`])
  await ear.typeInField(
    label,
    password,
    'passwordField',
    `${field(words.entered(password.length))}. ${words.checklist(password)}`,
  )
  const toggle = words.button(m('common.showPassword'), m('audio.state.off'))
  await ear.press(key('next'), [toggle])
  const confirm = m('password.confirm')
  await ear.press(key('next'), [words.field(confirm, 'passwordField')])
  await ear.typeInField(
    confirm,
    password,
    'passwordField',
    words.field(confirm, 'passwordField', words.entered(password.length)),
  )
  await ear.press(key('next'), [toggle])
}

/** Nothing secret was said unasked: the passwords never, the code only right after "spell". */
async function expectNoSecretsSaid(page: Page, secrets: string[], code: string) {
  const all = await spokenSoFar(page)
  for (const secret of secrets) expect(all.filter((u) => u.text.includes(secret))).toEqual([])
  const spelled = [...code].join(', ')
  const codeSaid = all.filter((u) => u.text.includes(code) || u.text.includes(spelled))
  expect(codeSaid).toEqual([{ text: spelled, lang: expect.any(String) }])
}

for (const locale of ['fr-CA', 'en-CA'] as const) {
  test(`a whole registration by keypad and audio alone — ${locale}`, async ({
    page,
    kiosk,
    service,
  }) => {
    await service.invite(ADDRESS)
    const ear = await startListening(page, locale)
    const { m, words } = ear
    await ear.press(key('next'), [
      words.button(`${m('welcome.create')} ${m('welcome.createHint')}`),
    ])
    await ear.press(key('select'), [
      words.step(1, 4, 'identity'),
      m('identity.title'),
      m('identity.lead'),
    ])
    for (const [label, value] of [
      [m('identity.firstName'), 'Al'],
      [m('identity.lastName'), 'Roy'],
      [m('common.email'), ADDRESS],
    ] as const) {
      await ear.press(key('next'), [words.field(label, 'textField')])
      await ear.typeInField(label, value, 'textField', words.field(label, 'textField', value))
    }
    await ear.press(key('next'), [words.button(m('common.back'))])
    await ear.press(key('next'), [words.button(m('common.next'))])
    await ear.press(key('select'), [
      m('identity.confirm.title'),
      m('identity.confirm.lead'),
      ADDRESS,
      words.button(m('identity.confirm.no')),
    ])
    await ear.press(key('next'), [words.button(m('identity.confirm.yes'))])
    await ear.press(key('select'), [
      words.step(2, 4, 'password'),
      m('password.title'),
      m('password.lead'),
    ])

    await choosePassword(ear, m('common.password'), PASSWORD)
    for (const document of ['Terms', 'Privacy'] as const) {
      const box = m(`password.accept${document}`)
      await ear.press(key('next'), [words.checkbox(box, false)])
      await ear.press(key('select'), [words.checkbox(box, true)])
      await ear.press(key('next'), [words.button(m(`password.read${document}`))])
    }
    await ear.press(key('next'), [words.button(m('common.back'))])
    await ear.press(key('next'), [words.button(m('password.submit'))])
    await ear.press(key('select'), [
      words.step(3, 4, 'code'),
      m('code.title'),
      m('code.sentTo', { email: maskEmail(ADDRESS) }),
    ])

    await ear.press(key('next'), [words.field(m('code.label'), 'codeField')])
    const code = service.lastCode(ADDRESS)
    await enterCode(ear, m('code.label'), code)
    // The resend countdown, on request: the seconds are the clock's, the words the locale's.
    const countdown = await ear.pressAndTake(key('time'))
    const seconds = Number(/\d+/.exec(countdown.text)?.[0])
    expect(seconds).toBeGreaterThan(0)
    expect(countdown).toEqual({
      text: m('audio.time.resendIn', { seconds }, seconds),
      lang: locale,
    })
    await walkCodeStepTo(ear, m('code.submit'))
    await ear.press(key('select'), [words.step(4, 4, 'done'), m('done.title'), m('done.lead')])

    await expectNoSecretsSaid(page, [PASSWORD], code)
  })

  test(`a whole recovery by keypad and audio alone — ${locale}`, async ({
    page,
    kiosk,
    service,
  }) => {
    await service.invite(ADDRESS)
    await createActiveAccount(page, service, {
      firstName: 'Alex',
      lastName: 'Roy',
      email: ADDRESS,
      password: PASSWORD,
    })
    const ear = await startListening(page, locale)
    const { m, words } = ear
    await ear.press(key('next'), [
      words.button(`${m('welcome.create')} ${m('welcome.createHint')}`),
    ])
    await ear.press(key('next'), [
      words.button(`${m('welcome.signIn')} ${m('welcome.signInHint')}`),
    ])
    await ear.press(key('next'), [
      words.button(`${m('welcome.cantSignIn')} ${m('welcome.cantSignInHint')}`),
    ])
    await ear.press(key('select'), [
      words.step(1, 4, 'email'),
      m('recovery.title'),
      m('recovery.lead'),
    ])
    const email = m('common.email')
    await ear.press(key('next'), [words.field(email, 'textField')])
    await ear.typeInField(email, ADDRESS, 'textField', words.field(email, 'textField', ADDRESS))
    // The other ways to sign in, beside the field, before Back and the main button.
    for (const help of [
      'recovery.otherWaysTitle',
      'recovery.institutionTitle',
      'recovery.institutionHelp',
      'recovery.socialTitle',
      'recovery.socialHelp',
    ])
      await ear.press(key('next'), [m(help)])
    await ear.press(key('next'), [words.button(m('common.back'))])
    await ear.press(key('next'), [words.button(m('recovery.submit'))])
    await ear.press(key('select'), [
      words.step(2, 4, 'code'),
      m('recovery.sentTitle'),
      m('recovery.sent'),
    ])
    await ear.press(key('next'), [words.field(m('recovery.codeLabel'), 'codeField')])
    const code = service.lastCode(ADDRESS)
    await enterCode(ear, m('recovery.codeLabel'), code)
    await walkCodeStepTo(ear, m('code.submit'))
    await ear.press(key('select'), [
      words.step(3, 4, 'newPassword'),
      m('recovery.newPasswordTitle'),
      m('recovery.newPasswordLead'),
    ])
    await choosePassword(ear, m('recovery.newPassword'), NEW_PASSWORD)
    await ear.press(key('next'), [words.button(m('recovery.savePassword'))])
    await ear.press(key('select'), [
      words.step(4, 4, 'done'),
      m('recovery.passwordChangedTitle'),
      m('recovery.passwordChanged'),
    ])
    await expectNoSecretsSaid(page, [PASSWORD, NEW_PASSWORD], code)
  })
}
