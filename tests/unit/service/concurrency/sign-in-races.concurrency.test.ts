import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deviceCommand, deviceRoleCommand, staffCommand } from '@service/commands/office-commands'
import { disableDeviceAudited } from '@service/domain/devices'
import { addStaff } from '@service/domain/staff-accounts'
import { COUNTER, STAFF_EMAIL, STAFF_PASSWORD } from '../counter/counter-harness'
import { PASSWORD } from '../service-harness'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService({ counterDeviceTokens: [COUNTER] })
})
afterEach(() => t.close())

const onCounter = { authorization: `Bearer ${COUNTER}` }

/**
 * Holds the next password check after scrypt said yes and before the session is written: the
 * moment a reset, a disable or a role change can slip in. Resolves `entered` once a sign-in is
 * held there; `release()` lets it go on.
 */
function holdNextPasswordCheck() {
  const verify = t.service.ctx.hasher.verify
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let entered!: () => void
  const held = new Promise<void>((resolve) => (entered = resolve))
  t.service.ctx.hasher.verify = async (password, stored) => {
    const right = await verify(password, stored)
    t.service.ctx.hasher.verify = verify
    entered()
    await released
    return right
  }
  return { entered: held, release }
}

async function enrolledStaff() {
  const code = await addStaff(t.service.ctx, STAFF_EMAIL, 'Marie Côté')
  const enrolled = await t.send(
    t.json(
      'POST',
      '/v1/staff/enrolments',
      { email: STAFF_EMAIL, code, password: STAFF_PASSWORD },
      onCounter,
    ),
  )
  expect(enrolled.status).toBe(204)
}
const staffSignIn = () =>
  t.json('POST', '/v1/staff/sessions', { email: STAFF_EMAIL, password: STAFF_PASSWORD }, onCounter)
const lookup = (staffToken: string) =>
  t.json(
    'POST',
    '/v1/staff/lookups',
    { email: 'alex@example.ca' },
    {
      ...onCounter,
      'x-staff-session': staffToken,
    },
  )
/** A staff sign-in held after its password check while `meanwhile` runs: what it ends with. */
async function staffSignInAcross(meanwhile: () => Promise<void>) {
  const hold = holdNextPasswordCheck()
  const answer = t.send(staffSignIn())
  await hold.entered
  await meanwhile()
  hold.release()
  return answer
}
const liveStaffSessions = async () =>
  (await t.sql.get<{ n: number }>(
    'SELECT count(*) AS n FROM staff_sessions WHERE revoked_at IS NULL',
  ))!.n
const liveSessions = async () =>
  (await t.sql.get<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE revoked_at IS NULL'))!.n

describe('a password change ends every session, including one being signed in (issue 25, rule 1)', () => {
  it('a student’s password reset while their sign-in is being checked: no session survives', async () => {
    await t.activeAccount('alex@example.ca')
    const hold = holdNextPasswordCheck()
    const signIn = t.send(
      t.json('POST', '/v1/sessions', { email: 'alex@example.ca', password: PASSWORD }),
    )
    await hold.entered
    const recovery = await t.send(
      t.json('POST', '/v1/recovery', { email: 'alex@example.ca', locale: 'fr-CA' }),
    )
    const verified = await t.send(
      t.json('POST', `/v1/recovery/${recovery.json?.recoveryId}/verify`, {
        code: await t.lastCode('alex@example.ca'),
      }),
    )
    const reset = await t.send(
      t.json('POST', '/v1/password-resets', {
        resetToken: verified.json?.resetToken as string,
        newPassword: 'Nouveau-Passe#2027-Lévis',
      }),
    )
    expect(reset.status).toBe(204)
    hold.release()
    const answer = await signIn
    expect(answer.json?.error?.code).toBe('invalid_credentials')
    expect(await liveSessions()).toBe(0)
  })

  it('`staff reset` while a staff sign-in is being checked: no session opens a record', async () => {
    await enrolledStaff()
    const answer = await staffSignInAcross(async () => {
      await staffCommand(t.service.ctx, { action: 'reset', email: STAFF_EMAIL })
    })
    expect(answer.json?.error?.code).toBe('invalid_credentials')
    expect(await liveStaffSessions()).toBe(0)
  })

  it('`staff disable` while a staff sign-in is being checked: no session', async () => {
    await enrolledStaff()
    const answer = await staffSignInAcross(async () => {
      await staffCommand(t.service.ctx, { action: 'disable', email: STAFF_EMAIL })
    })
    expect(answer.status).toBe(401)
    expect(await liveStaffSessions()).toBe(0)
  })

  it('`device-role public` then back to counter while a sign-in is being checked: no session', async () => {
    await enrolledStaff()
    const answer = await staffSignInAcross(async () => {
      await deviceRoleCommand(t.service.ctx, 'counter-1', 'public')
      await deviceRoleCommand(t.service.ctx, 'counter-1', 'counter')
    })
    expect(answer.status).toBe(401)
    expect(await liveStaffSessions()).toBe(0)
    const again = await t.send(staffSignIn())
    expect((await t.send(lookup(again.json?.staffSessionToken as string))).status).toBe(200)
  })

  it('IT gives the counter a new token while a staff sign-in is checked with the old one: no session', async () => {
    await enrolledStaff()
    const answer = await staffSignInAcross(async () => {
      await deviceCommand(t.service.ctx, 'token', 'counter-1')
    })
    expect(answer.status).toBe(401)
    expect(await liveStaffSessions()).toBe(0)
  })

  it('IT disables the device while a student signs in on it: no session', async () => {
    await t.activeAccount('alex@example.ca')
    const hold = holdNextPasswordCheck()
    const signIn = t.send(
      t.json('POST', '/v1/sessions', { email: 'alex@example.ca', password: PASSWORD }),
    )
    await hold.entered
    await disableDeviceAudited(t.service.ctx, { name: 'device-1' }, 'cli')
    hold.release()
    expect((await signIn).status).toBe(401)
    expect(await liveSessions()).toBe(0)
  })
})

describe('one staff session per counter (issue 25, rule 13)', () => {
  it('a second staff sign-in on the same counter ends the first', async () => {
    await enrolledStaff()
    const first = (await t.send(staffSignIn())).json?.staffSessionToken as string
    expect((await t.send(lookup(first))).status).toBe(200)
    const second = (await t.send(staffSignIn())).json?.staffSessionToken as string
    expect((await t.send(lookup(first))).json?.error?.code).toBe('staff_session_expired')
    expect((await t.send(lookup(second))).status).toBe(200)
  })

  it('30 staff sign-ins at once on one counter: exactly one session is live afterwards', async () => {
    const staff = times(6, (i) => `agent${i}@registraire.example.ca`)
    for (const email of staff) {
      const code = await addStaff(t.service.ctx, email, `Agent Numéro${email.length}`)
      const enrolled = await t.send(
        t.json(
          'POST',
          '/v1/staff/enrolments',
          { email, code, password: STAFF_PASSWORD },
          onCounter,
        ),
      )
      expect(enrolled.status).toBe(204)
    }
    const responses = await t.parallel(
      times(30, (i) =>
        t.json(
          'POST',
          '/v1/staff/sessions',
          { email: staff[i % 6], password: STAFF_PASSWORD },
          onCounter,
        ),
      ),
    )
    expect(tally(responses)).toEqual({ '200': 30 })
    expect(await liveStaffSessions()).toBe(1)
    const lookups = await t.parallel(
      responses.map((r) => lookup(r.json?.staffSessionToken as string)),
    )
    expect(tally(lookups)).toEqual({ '200': 1, '401 staff_session_expired': 29 })
  })
})
