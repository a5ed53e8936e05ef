import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CONSOLE_PASSWORD, consolePost, consoleSignedIn } from './console-signed-in'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService()
})
afterEach(() => t.close())

const EMAIL = 'registraire.sam@cegep.example.ca'
const PASSWORD = CONSOLE_PASSWORD
const post = consolePost
const signedIn = () => consoleSignedIn(t, EMAIL, 'registrar')

const signInWith = (password: string) =>
  t.send(post('/v1/console/session', { email: EMAIL, password }))

describe('one’s console password changed by parallel requests', () => {
  it('30 changes at once with the right current password: exactly one lands, and only its password signs in', async () => {
    const session = await signedIn()
    const newPasswords = times(30, (i) => `Nouveau-Quai#${i}-2027?`)
    const answers = await t.parallel(
      newPasswords.map((newPassword) =>
        post('/v1/console/password', { currentPassword: PASSWORD, newPassword }, session),
      ),
      // The throttle lets ten checks run at once; they are held until the twenty others answered.
      { holdHashing: 10 },
    )
    expect(tally(answers)).toEqual({
      '200': 1,
      '422 invalid_credentials': 9,
      '429 rate_limited': 20,
    })
    const winner = newPasswords[answers.findIndex((answer) => answer.status === 200)]!
    expect((await signInWith(PASSWORD)).json?.error?.code).toBe('invalid_credentials')
    for (const loser of newPasswords.filter((password) => password !== winner).slice(0, 3))
      expect((await signInWith(loser)).json?.error?.code).toBe('invalid_credentials')
    expect((await signInWith(winner)).status).toBe(200)
  })

  it('30 wrong current passwords at once: at most ten are checked, and the account locks', async () => {
    const session = await signedIn()
    const checkedBefore = t.passwordChecks.verify
    const answers = await t.parallel(
      times(30, (i) =>
        post(
          '/v1/console/password',
          { currentPassword: `Pas-Le-Bon#${i}-2026!`, newPassword: 'Nouveau-Quai#2027?' },
          session,
        ),
      ),
      { holdHashing: 10 },
    )
    expect(t.passwordChecks.verify - checkedBefore).toBe(10)
    expect(tally(answers)).toEqual({
      '422 invalid_credentials': 9,
      '423 account_locked': 1,
      '429 rate_limited': 20,
    })
    expect((await signInWith(PASSWORD)).json?.error?.code).toBe('account_locked')
  })
})
