import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { scriptedCodes } from '../service-harness'
import { openListeningService, tally, times, type ListeningService } from './listening-service'

let t: ListeningService
beforeEach(async () => {
  t = await openListeningService({ newCode: scriptedCodes('111111', '222222', '333333') })
})
afterEach(() => t.close())

const RIGHT = '111111'
const wrong = (i: number) => String(500000 + i)

/** A pending registration, or a recovery of an active account, with the code '111111'. */
async function verification(kind: 'registration' | 'recovery'): Promise<string> {
  if (kind === 'registration') {
    await t.invite('code@example.ca')
    return (await t.register('code@example.ca')).body.registrationId as string
  }
  t.service.ctx.newCode = scriptedCodes('900000', RIGHT)
  await t.activeAccount('code@example.ca')
  t.clock.at += 61_000
  const recovery = await t.call('POST', '/v1/recovery', {
    email: 'code@example.ca',
    locale: 'fr-CA',
  })
  return recovery.body.recoveryId as string
}

describe.each(['registration', 'recovery'] as const)('%s codes under parallel guesses', (kind) => {
  const path = (id: string) =>
    kind === 'registration' ? `/v1/registrations/${id}/verify` : `/v1/recovery/${id}/verify`

  it('30 wrong codes at once: exactly 5 are checked, then the code is dead, the right one too', async () => {
    const id = await verification(kind)
    const responses = await t.parallel(
      times(30, (i) => t.json('POST', path(id), { code: wrong(i) })),
    )
    expect(tally(responses)).toEqual({ '422 invalid_code': 4, '429 too_many_attempts': 26 })
    const left = responses.map((r) => r.json?.error?.attemptsLeft).filter((n) => n !== undefined)
    expect(left.sort()).toEqual([0, 1, 2, 3, 4])
    expect((await t.send(t.json('POST', path(id), { code: RIGHT }))).json?.error?.code).toBe(
      'too_many_attempts',
    )
  })

  it('the right code among 29 wrong ones: at most 5 checks, and it works only if one of them', async () => {
    const id = await verification(kind)
    const responses = await t.parallel([
      ...times(29, (i) => t.json('POST', path(id), { code: wrong(i) })),
      t.json('POST', path(id), { code: RIGHT }),
    ])
    const checked = responses.filter(
      (r) => r.status === 200 || r.json?.error?.attemptsLeft !== undefined,
    )
    expect(checked.length).toBeLessThanOrEqual(5)
    expect(responses.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1)
  })

  it('the right code 20 times at once: it works exactly once', async () => {
    const id = await verification(kind)
    const responses = await t.parallel(times(20, () => t.json('POST', path(id), { code: RIGHT })))
    expect(tally(responses)).toEqual({ '200': 1, '410 code_expired': 19 })
  })
})
