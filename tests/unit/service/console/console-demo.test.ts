import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoConsoleAccounts, seedDemo } from '@service/demo-seed'
import { demoConsoleLine } from '../../../../scripts/kiosk-launch'
import { openConsoleService, type ConsoleService } from './console-harness'

let t: ConsoleService
beforeEach(async () => {
  t = await openConsoleService()
})
afterEach(() => t.close())

describe('the demo’s console', () => {
  it('npm start prints the console’s address and a demo IT account that signs in', async () => {
    await seedDemo(t.ctx)
    await seedDemo(t.ctx)
    const line = demoConsoleLine('http://127.0.0.1:4321')
    expect(line).toContain('http://127.0.0.1:4321/console/')
    const [, email, password] = /IT: (\S+) \/ (\S+);/.exec(line)!
    const session = await t.signIn(email!, password!)
    const me = await t.request('GET', '/v1/console/session', { session })
    expect(me.body.account).toMatchObject({ role: 'it', alerts: true })
    for (const account of demoConsoleAccounts)
      await expect(t.signIn(account.email, account.password)).resolves.toBeDefined()
  })
})
