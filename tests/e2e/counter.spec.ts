import type { Locale } from '@shared/locales'
import { expectNoAxeViolations } from './harness/accessibility'
import { lookUp, STAFF, staffSignsIn } from './harness/counter-desk'
import { expect, screenshot, testWithKiosk, uniqueEmail } from './harness/fixtures'
import {
  acceptConsents,
  createActiveAccount,
  enterCode,
  fillPassword,
  GOOD_PASSWORD,
  goHome,
  registerUntilCode,
  signIn,
} from './harness/flows'
import { COUNTER_DEVICE_TOKEN, DEVICE_TOKEN } from './harness/reference-service'

const counterTest = testWithKiosk({ config: { mode: 'counter' } })
const locales: readonly Locale[] = ['fr-CA', 'en-CA']

for (const locale of locales) {
  counterTest(
    `${locale}: staff sign in, correct a mistyped invitation address, and the student registers on the same screen`,
    async ({ page, kiosk, service }) => {
      const right = uniqueEmail('lea')
      const typo = right.replace('@etudiant.example.ca', '@etudiant.exmaple.ca')
      // The mistyped address also holds another graduate's own invitation: it must stay.
      await service.invite(typo, {
        firstName: 'Samuel',
        lastName: 'Roy',
        locale,
        document: { title: 'DEC en informatique', issuedOn: '2026-05-30' },
      })
      await service.invite(typo, {
        firstName: 'Léa',
        lastName: 'Bouchard',
        locale,
        document: { title: 'Baccalauréat en droit', issuedOn: '2026-06-01' },
      })
      if (locale === 'en-CA') await page.getByTestId('language-switch').click()
      await screenshot(page, `counter-welcome.${locale}`)
      if (locale === 'en-CA') await page.getByTestId('language-switch').click()
      await staffSignsIn(page, service, locale)
      await screenshot(page, `counter-desk.${locale}`)

      await lookUp(page, typo)
      await expect(page.getByTestId('record-invitations')).toContainText('Baccalauréat en droit')
      await expect(page.getByTestId('invitation-names')).toHaveText([/Léa Bouchard/, /Samuel Roy/])
      await expectNoAxeViolations(page, `counter desk with a file (${locale})`)
      await screenshot(page, `counter-record.${locale}`)

      await page.getByTestId('action-correctAddress').click()
      await page.locator('#correct-new-email').fill(right)
      await page.getByTestId('correct-submit').click()
      // Two invitations: staff must say whose it is.
      await expect(page.getByRole('alert').filter({ hasText: /invitation/ })).toBeVisible()
      await page
        .getByTestId('correct-invitations')
        .getByText(/Léa Bouchard/)
        .click()
      await screenshot(page, `counter-correct.${locale}`)
      await page.getByTestId('correct-submit').click()
      await expect(page.getByTestId('counter-notice')).toBeVisible()
      await expect(page.locator('#record-title')).toContainText(right)
      await screenshot(page, `counter-corrected.${locale}`)
      expect(service.outbox(typo)).toHaveLength(2)
      expect(service.outbox(right).map((mail) => mail.kind)).toEqual(['invitation'])
      expect(
        service.sql<{ first_name: string }>(
          'SELECT first_name FROM invitations WHERE email = ? AND revoked_at IS NULL',
          typo,
        ),
      ).toEqual([{ first_name: 'Samuel' }])

      await page.getByTestId('action-startRegistration').click()
      await expect(page.getByTestId('confirm-emphasis')).toHaveText(right)
      await screenshot(page, `counter-handover.${locale}`)
      await page.getByTestId('confirm-yes').click()

      // The student's registration, on the same screen, the corrected address locked.
      await expect(page.locator('#identity-title')).toBeFocused()
      await expect(page.locator('#identity-email')).toBeDisabled()
      await expect(page.locator('#identity-email')).toHaveValue(right)
      await expect(page.locator('#identity-firstName')).toHaveValue('Léa')
      await expect(page.getByText(STAFF.name)).toHaveCount(0)
      await screenshot(page, `counter-handover-identity.${locale}`)
      expect(service.sql('SELECT 1 FROM staff_sessions WHERE revoked_at IS NULL')).toEqual([])

      await page.getByTestId('identity-next').click()
      await page.getByTestId('confirm-yes').click()
      await fillPassword(page, GOOD_PASSWORD)
      await acceptConsents(page)
      await page.getByTestId('password-submit').click()
      await expect(page.locator('#register-code')).toBeVisible()
      await enterCode(page, 'register-code', service.lastCode(right), 'code-submit')
      await expect(page.getByTestId('done-sign-in')).toBeVisible()
      expect(service.accountCount(right)).toBe(1)
      expect(service.accountCount(typo)).toBe(0)
      expect(
        (await service.audit()).map((entry) => [entry.action, entry.target, entry.result]),
      ).toEqual([
        ['sign_in', null, 'ok'],
        ['lookup', typo, 'ok'],
        ['correct_address', typo, 'ok'],
        ['start_registration', right, 'ok'],
      ])
    },
  )

  counterTest(
    `${locale}: a locked student is unlocked at the counter and signs in`,
    async ({ page, kiosk, service }) => {
      const student = uniqueEmail('verrou')
      await service.invite(student)
      await page.evaluate(
        (email) =>
          window.kiosk.registration.submit({
            firstName: 'Noah',
            lastName: 'Gagnon',
            email,
            password: 'Rivière-Bleue#2026!',
            locale: 'fr-CA',
            acceptTerms: true,
            acceptPrivacy: true,
          }),
        student,
      )
      await page.evaluate(
        (code) => window.kiosk.registration.verify({ code }),
        service.lastCode(student),
      )
      for (let attempt = 0; attempt < 10; attempt++)
        await fetch(`${service.url()}/v1/sessions`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${DEVICE_TOKEN}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ email: student, password: 'Wrong-Password#2026' }),
        })
      // The student walks away; the kiosk wipes before staff take it.
      await kiosk.core.wiper.wipe('finished')

      await staffSignsIn(page, service, locale)
      await lookUp(page, student)
      await expect(page.getByTestId('record-lock')).toHaveClass(/record__alert/)
      await screenshot(page, `counter-locked.${locale}`)
      await page.getByTestId('action-liftLock').click()
      await screenshot(page, `counter-lift-confirm.${locale}`)
      await page.getByTestId('confirm-yes').click()
      await expect(page.getByTestId('counter-notice')).toBeVisible()
      await expect(page.getByTestId('record-lock')).not.toHaveClass(/record__alert/)
      await screenshot(page, `counter-unlocked.${locale}`)

      await page.getByTestId('action-sendReset').click()
      await expect(page.getByTestId('confirm-emphasis')).toHaveText(student)
      await screenshot(page, `counter-reset-confirm.${locale}`)
      await page.getByTestId('confirm-yes').click()
      await expect(page.getByTestId('counter-notice')).toHaveText(
        locale === 'fr-CA' ? /réinitialisation/ : /password reset email was sent/,
      )
      await expect(page.getByTestId('record-mails').locator('li').first()).toContainText(
        locale === 'fr-CA' ? 'Réinitialisation' : 'Password reset',
      )
      expect(service.outbox(student).at(-1)?.kind).toBe('recoveryReset')

      await page.getByTestId('counter-sign-out').click()
      await expect(page.locator('#welcome-title')).toBeFocused()
      await page.getByTestId('choice-sign-in').click()
      await signIn(page, student, GOOD_PASSWORD)
      await expect(page.locator('#signed-in-title')).toContainText('Noah')
      expect((await service.audit()).map((entry) => entry.action)).toEqual([
        'sign_in',
        'lookup',
        'lift_lock',
        'send_recovery_mail',
        'sign_out',
      ])
    },
  )

  counterTest(
    `${locale}: "I never got the code": resend, end the waiting registration, register again`,
    async ({ page, kiosk, service }) => {
      const student = { firstName: 'Zoé', lastName: 'Tremblay', email: uniqueEmail('code') }
      await service.invite(student.email)
      await registerUntilCode(page, student)
      await goHome(page)
      await expect(page.locator('#welcome-title')).toBeFocused()

      await staffSignsIn(page, service, locale)
      await lookUp(page, student.email)
      await expect(page.getByTestId('record-waiting')).toBeVisible()
      await expect(page.getByTestId('action-startRegistration')).toHaveCount(0)
      await screenshot(page, `counter-waiting.${locale}`)

      await page.getByTestId('action-sendActivation').click()
      await expect(page.getByTestId('confirm-emphasis')).toHaveText(student.email)
      await screenshot(page, `counter-activation-confirm.${locale}`)
      await page.getByTestId('confirm-yes').click()
      await expect(page.getByTestId('counter-notice')).toHaveText(
        locale === 'fr-CA' ? /activation/ : /activation email was sent/,
      )
      expect(service.outbox(student.email).at(-1)?.kind).toBe('recoveryActivation')

      await page.getByTestId('action-resendInvitation').click()
      await screenshot(page, `counter-resend-confirm.${locale}`)
      await page.getByTestId('confirm-yes').click()
      await expect(page.getByTestId('counter-notice')).toHaveText(
        locale === 'fr-CA' ? /invitation/ : /invitation was sent again/,
      )
      expect(service.outbox(student.email).at(-1)?.kind).toBe('invitation')

      await page.getByTestId('action-endWaiting').click()
      await screenshot(page, `counter-end-waiting-confirm.${locale}`)
      await page.getByTestId('confirm-yes').click()
      await expect(page.getByTestId('record-waiting')).toHaveCount(0)
      await expect(page.getByTestId('counter-notice')).toBeVisible()
      await screenshot(page, `counter-waiting-ended.${locale}`)
      await expect(page.getByTestId('action-sendActivation')).toHaveCount(0)

      // The address is free at once: the student registers again on this screen.
      await page.getByTestId('action-startRegistration').click()
      await page.getByTestId('confirm-yes').click()
      await expect(page.locator('#identity-email')).toHaveValue(student.email)
      await page.locator('#identity-firstName').fill(student.firstName)
      await page.locator('#identity-lastName').fill(student.lastName)
      await page.getByTestId('identity-next').click()
      await page.getByTestId('confirm-yes').click()
      await fillPassword(page, GOOD_PASSWORD)
      await acceptConsents(page)
      await page.getByTestId('password-submit').click()
      await expect(page.locator('#register-code')).toBeVisible()
      await enterCode(page, 'register-code', service.lastCode(student.email), 'code-submit')
      await expect(page.getByTestId('done-sign-in')).toBeVisible()
      expect((await service.audit()).map((entry) => entry.action)).toEqual([
        'sign_in',
        'lookup',
        'send_recovery_mail',
        'resend_invitation',
        'end_waiting_registration',
        'start_registration',
      ])
    },
  )

  counterTest(
    `${locale}: correcting to an address with an active account asks a second confirmation`,
    async ({ page, kiosk, service }) => {
      const holder = uniqueEmail('titulaire')
      const typo = holder.replace('@etudiant.example.ca', '@etudiant.exmaple.ca')
      await service.invite(holder)
      await createActiveAccount(page, service, { email: holder, firstName: 'Léa', lastName: 'Roy' })
      await kiosk.core.wiper.wipe('finished')
      await service.invite(typo, { firstName: 'Léa', lastName: 'Roy', locale })
      await staffSignsIn(page, service, locale)
      await lookUp(page, typo)
      await page.getByTestId('action-correctAddress').click()
      await page.locator('#correct-new-email').fill(holder)
      await page.getByTestId('correct-submit').click()
      await expect(page.getByTestId('correct-holder')).toContainText(holder)
      await expectNoAxeViolations(page, `correction to an active account (${locale})`)
      await screenshot(page, `counter-correct-holder.${locale}`)
      expect(service.outbox(holder).filter((mail) => mail.kind === 'invitation')).toHaveLength(1)
      await page.getByTestId('correct-confirm-holder').click()
      await expect(page.locator('#record-title')).toContainText(holder)
      expect(service.outbox(holder).filter((mail) => mail.kind === 'invitation')).toHaveLength(2)
    },
  )

  counterTest(
    `${locale}: a second staff sign-in on the same counter ends the first session`,
    async ({ page, kiosk, service }) => {
      await staffSignsIn(page, service, locale)
      // Someone signs in on this counter device elsewhere (another window, a stolen token).
      const other = await fetch(`${service.url()}/v1/staff/sessions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${COUNTER_DEVICE_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ email: STAFF.email, password: STAFF.password }),
      })
      expect(other.status).toBe(200)
      await page.locator('#counter-student-email').fill(uniqueEmail('apres'))
      await page.getByTestId('counter-lookup').click()
      await expect(page.locator('.form-error')).toContainText(
        locale === 'fr-CA' ? 'une autre personne s’est connectée' : 'someone else signed in',
      )
      await screenshot(page, `counter-session-replaced.${locale}`)
      expect(kiosk.core.state.person.staffSessionToken).toBeUndefined()
    },
  )

  counterTest(
    `${locale}: first sign-in with IT's one-time code`,
    async ({ page, kiosk, service }) => {
      const code = await service.addStaff(STAFF.email, STAFF.name)
      if (locale === 'en-CA') await page.getByTestId('language-switch').click()
      await page.getByTestId('counter-entry').click()
      await screenshot(page, `counter-sign-in.${locale}`)
      await page.getByTestId('counter-enrol-link').click()
      await expect(page.locator('#counter-enrol-title')).toBeFocused()
      await page.locator('#enrol-email').fill(STAFF.email)
      await page.locator('#enrol-code').fill(code.toLowerCase())
      await page.locator('#enrol-password').fill(STAFF.password)
      await page.locator('#enrol-confirm').fill(STAFF.password)
      await expectNoAxeViolations(page, `counter enrolment (${locale})`)
      await screenshot(page, `counter-enrol.${locale}`)
      await page.getByTestId('counter-enrol-submit').click()
      await expect(page.locator('#counter-sign-in-title')).toBeFocused()
      await expect(page.getByRole('status').filter({ hasText: /\S/ })).toBeVisible()
      await page.locator('#counter-email').fill(STAFF.email)
      await page.locator('#counter-password').fill(STAFF.password)
      await page.getByTestId('counter-sign-in-submit').click()
      await expect(page.getByTestId('counter-staff')).toContainText(STAFF.name)
    },
  )
}

for (const locale of locales)
  counterTest(
    `${locale}: the wipe ends the staff session: at the service, in main and on screen`,
    async ({ page, kiosk, service }) => {
      await staffSignsIn(page, service, locale)
      const student = uniqueEmail()
      await service.invite(student)
      await lookUp(page, student)
      expect(service.sql('SELECT 1 FROM staff_sessions WHERE revoked_at IS NULL')).toHaveLength(1)
      await kiosk.core.wiper.wipe('idle')
      await expect(page.locator('#welcome-title')).toBeFocused()
      // Back in the kiosk's default language, whatever the staff member used.
      await expect(page.locator('#welcome-title')).toHaveText('Bienvenue')
      expect(service.sql('SELECT 1 FROM staff_sessions WHERE revoked_at IS NULL')).toEqual([])
      expect(kiosk.core.state.person.staffSessionToken).toBeUndefined()
      await expect(page.getByText(student)).toHaveCount(0)
      expect(
        await page.evaluate(() => window.kiosk.counter.lookUp({ email: 'x@example.ca' })),
      ).toEqual({ ok: false, error: { code: 'staff_session_expired' } })
      await page.getByTestId('counter-entry').click()
      await expect(page.locator('#counter-sign-in-title')).toBeVisible()
      expect((await service.audit()).at(-1)).toMatchObject({ action: 'sign_out', result: 'ok' })
    },
  )

for (const locale of locales)
  testWithKiosk({})(
    `${locale}: a public kiosk opens the counter sign-in from the staff panel, and the service refuses it`,
    async ({ page, kiosk, service }) => {
      await service.enrolledStaff(STAFF.email, STAFF.name, STAFF.password)
      if (locale === 'en-CA') await page.getByTestId('language-switch').click()
      await expect(page.getByTestId('counter-entry')).toHaveCount(0)
      kiosk.emit({ type: 'staffRequested' })
      for (const digit of '13572468') await page.getByTestId(`pin-${digit}`).click()
      await page.getByTestId('pin-unlock').click()
      await expect(page.getByTestId('staff-counter-desk')).toBeVisible()
      await screenshot(page, `counter-staff-panel.${locale}`)
      await page.getByTestId('staff-counter-desk').click()
      await page.locator('#counter-email').fill(STAFF.email)
      await page.locator('#counter-password').fill(STAFF.password)
      await page.getByTestId('counter-sign-in-submit').click()
      await expect(page.locator('.form-error')).toContainText(
        locale === 'fr-CA' ? 'n’est pas un poste de comptoir' : 'is not a counter desk',
      )
      await screenshot(page, `counter-public-kiosk.${locale}`)
    },
  )
