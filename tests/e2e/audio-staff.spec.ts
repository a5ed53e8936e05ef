import { expect, testWithKiosk } from './harness/fixtures'
import { HARNESS_STAFF_PIN } from './harness/kiosk-harness'
import { holdToStartAudio, key } from './harness/keypad'
import { installRecordedSpeech } from './harness/recorded-speech'
import { listen } from './harness/spoken-words'

/**
 * A blind clerk, with the tactile keypad and headphones only (EN 301 549 §5.1 covers staff
 * screens too): the counter desk's sign-in, a look-up and a correction; the staff PIN pad and
 * panel. Every key press and exactly what is said after it, the words from the locale files.
 */
const speaking = (config: Parameters<typeof testWithKiosk>[0]['config']) =>
  testWithKiosk({ config }).extend({
    page: async ({ page }, use) => {
      await installRecordedSpeech(page)
      await use(page)
    },
  })

const STAFF = { email: 'al@ex.ca', name: 'Al Roy', password: 'Aaaaaaaaaaaaa1!' }
const TYPO = 'bo@exa.ca'
const RIGHT = 'bo@ex.ca'
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

speaking({ mode: 'counter' })(
  'a counter-desk sign-in, look-up and correction by keypad and audio alone — fr-CA',
  async ({ page, kiosk, service }) => {
    await service.enrolledStaff(STAFF.email, STAFF.name, STAFF.password)
    await service.invite(TYPO)
    const ear = await listen(page, 'fr-CA')
    const { m, words } = ear
    await holdToStartAudio(page)
    await ear.expectNext([m('audio.started', words.keys), m('welcome.title'), m('welcome.lead')])

    // Back from the title: the accessibility bar's toggles, then the header's counter entry.
    const off = m('audio.state.off')
    for (const toggle of ['a11y.lowered', 'a11y.highContrast', 'a11y.largeText'])
      await ear.press(key('previous'), [words.button(m(toggle), off)])
    await ear.press(key('previous'), [words.button(m('a11y.audio'), m('audio.state.on'))])
    await ear.press(key('previous'), [words.button(m('counter.entry'))])
    await ear.press(key('select'), [m('counter.signIn.title'), m('counter.signIn.lead')])

    const email = m('counter.signIn.email')
    await ear.press(key('next'), [words.field(email, 'textField')])
    await ear.typeInField(
      email,
      STAFF.email,
      'textField',
      words.field(email, 'textField', STAFF.email),
    )
    const password = m('common.password')
    await ear.press(key('next'), [words.field(password, 'passwordField')])
    await ear.typeInField(
      password,
      STAFF.password,
      'passwordField',
      words.field(password, 'passwordField', words.entered(STAFF.password.length)),
    )
    await ear.press(key('next'), [words.button(m('common.showPassword'), off)])
    await ear.press(key('next'), [words.button(m('counter.signIn.enrolLink'))])
    await ear.press(key('next'), [words.button(m('counter.signIn.submit'))])
    await ear.press(key('select'), [
      m('counter.desk.title'),
      m('counter.desk.signedInAs', { name: STAFF.name }),
    ])

    // The look-up: the address typed and heard back, the file said from its title down.
    await ear.press(key('next'), [words.button(m('counter.desk.signOut'))])
    await ear.press(key('next'), [m('counter.desk.lookUpTitle')])
    await ear.press(key('next'), [m('counter.desk.lookUpLead')])
    const student = m('counter.desk.email')
    await ear.press(key('next'), [words.field(student, 'textField')])
    await ear.typeInField(student, TYPO, 'textField', words.field(student, 'textField', TYPO))
    await ear.press(key('next'), [words.button(m('counter.desk.lookUp'))])
    await ear.press(key('select'), [m('counter.record.title', { email: TYPO })])
    const fileSaid = [
      m('counter.record.account'),
      m('counter.record.state'),
      m('counter.record.accountStates.none'),
      m('counter.record.signInLock'),
      m('counter.record.notLocked', { n: 0 }, 0),
      m('counter.record.invitations'),
      expect.stringMatching(
        `^${escaped(m('counter.record.invitationStates.open'))} ${escaped(m('counter.record.invitedNoName'))} Université Laval-de-Test ${escaped(m('counter.record.noDocument'))} `,
      ),
      m('counter.record.mails'),
      expect.stringMatching(`^${escaped(m('counter.record.mailKinds.invitation'))} `),
      m('counter.record.consents'),
      m('counter.record.noConsents'),
      m('counter.actions.title'),
      words.button(m('counter.actions.resendInvitation')),
      words.button(m('counter.actions.correctAddress')),
    ]
    for (const said of fileSaid)
      await ear.press(key('next'), [
        typeof said === 'string' ? said : { text: said, lang: 'fr-CA' },
      ])

    // The correction: the dialog, the new address typed and heard back, then what was done.
    const corrected = m('counter.correct.newEmail')
    // Which invitation moves: the address holds one, already chosen, said with its radio button.
    await ear.press(key('select'), [
      m('counter.correct.title'),
      m('counter.correct.lead'),
      TYPO,
      m('counter.correct.which'),
      `${m('counter.correct.noNames')} · Université Laval-de-Test, ${m('audio.role.radio')}, ${m('audio.state.chosen')}`,
    ])
    await ear.press(key('next'), [words.field(corrected, 'textField')])
    await ear.typeInField(corrected, RIGHT, 'textField', words.field(corrected, 'textField', RIGHT))
    await ear.press(key('next'), [words.button(m('counter.actions.cancel'))])
    await ear.press(key('next'), [words.button(m('counter.correct.submit'))])
    await ear.press(key('select'), [m('counter.notices.correctAddress')])
    await ear.press(key('next'), [m('counter.record.title', { email: RIGHT })])

    expect(service.outbox(RIGHT).map((mail) => mail.kind)).toEqual(['invitation'])
    expect((await service.audit()).map((entry) => [entry.action, entry.target])).toEqual([
      ['sign_in', null],
      ['lookup', TYPO],
      ['correct_address', TYPO],
    ])
    expect(kiosk.quits).toEqual([])
  },
)

speaking({})(
  'the staff PIN pad and panel by keypad and audio alone — en-CA',
  async ({ page, kiosk }) => {
    const fr = await listen(page, 'fr-CA')
    await holdToStartAudio(page)
    await fr.expectNext([
      fr.m('audio.started', fr.words.keys),
      fr.m('welcome.title'),
      fr.m('welcome.lead'),
    ])
    // Back from the title to the language switch, said in the language it switches to.
    const off = fr.m('audio.state.off')
    for (const toggle of ['a11y.lowered', 'a11y.highContrast', 'a11y.largeText'])
      await fr.press(key('previous'), [fr.words.button(fr.m(toggle), off)])
    await fr.press(key('previous'), [fr.words.button(fr.m('a11y.audio'), fr.m('audio.state.on'))])
    const ear = await listen(page, 'en-CA')
    const { m, words } = ear
    await ear.press(key('previous'), [
      `${fr.m('header.languageSwitchLabel')}, ${m('audio.role.button')}`,
    ])
    await ear.press(key('select'), [m('welcome.title'), m('welcome.lead')])

    kiosk.emit({ type: 'staffRequested' })
    await ear.expectNext([m('staff.pinTitle'), m('staff.pinLead'), words.button('1')])
    // Each digit's key found by its name and pressed; the display says how many are in, never which.
    const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']
    let at = 0
    for (const [typed, digit] of [...HARNESS_STAFF_PIN].entries()) {
      const target = keys.indexOf(digit)
      while (at !== target) {
        const step = target > at ? 1 : -1
        at += step
        await ear.press(key(step === 1 ? 'next' : 'previous'), [words.button(keys[at]!)])
      }
      await ear.press(key('select'), [m('staff.pinEntered', { n: typed + 1 }, typed + 1)])
    }
    for (; at < keys.length - 1; at++) await ear.press(key('next'), [words.button(keys[at + 1]!)])
    await ear.press(key('next'), [words.button(m('staff.backspace'))])
    await ear.press(key('next'), [words.button(m('common.cancel'))])
    await ear.press(key('next'), [words.button(m('staff.clear'))])
    await ear.press(key('next'), [words.button(m('staff.unlock'))])
    await ear.press(key('select'), [m('staff.panelTitle')])

    // The panel: its status read item by item, a list stepped through, an address sent.
    await ear.press(key('next'), [m('staff.health')])
    await ear.press(key('next'), [
      { text: expect.stringMatching(/^Reachable \(version /), lang: 'en-CA' },
    ])
    for (const said of [
      m('staff.kioskId'),
      kiosk.config.kioskId,
      m('staff.version'),
      '0.0.0-harness',
      m('staff.configSource'),
      '/etc/mescertif-kiosk/config.json',
      m('staff.keychain'),
      m('staff.keychainStates.not_used_in_demo'),
    ])
      await ear.press(key('next'), [said])
    const list = m('audio.role.list')
    await ear.press(key('next'), [`${m('staff.defaultLocale')}, ${list}, ${m('locales.fr-CA')}`])
    await ear.press(key('next'), [m('staff.resendTitle')])
    await ear.press(key('next'), [`${m('staff.resendLocale')}, ${list}, ${m('locales.en-CA')}`])
    await ear.press(key('select'), [`${m('staff.resendLocale')}, ${list}, ${m('locales.fr-CA')}`])
    const email = m('common.email')
    await ear.press(key('next'), [words.field(email, 'textField')])
    await ear.typeInField(email, RIGHT, 'textField', words.field(email, 'textField', RIGHT))
    await ear.press(key('next'), [words.button(m('staff.resend'))])
    await ear.press(key('select'), [m('staff.resent')])
    expect(kiosk.invoked).toContain('staff.resend')
  },
)
