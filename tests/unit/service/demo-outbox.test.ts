import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { openTestService } from './service-harness'

/** `npm run service -- <args>`, to its end. */
const officeCommand = (args: string[]) =>
  new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'service/cli.ts', ...args], {
      stdio: 'ignore',
    })
    child.once('exit', resolve)
  })

describe('office commands and the demo database (issue 25, rule 13)', () => {
  it('an office command run against a --demo database keeps its outbox (the mailbox people read)', async () => {
    const demo = await openTestService({ demo: true })
    await demo.invite('camille@example.ca')
    const before = await demo.outbox('camille@example.ca')
    expect(before[0]!.text).toMatch(/mescertif:\/\/invite\//)
    await demo.close()

    const { database, keyFile } = demo.storage
    const keyArgs = keyFile ? ['--key-file', keyFile] : []
    expect(await officeCommand(['staff', 'list', '--db', database, ...keyArgs])).toBe(0)

    const again = await openTestService({ demo: true }, demo.storage)
    try {
      expect(await again.outbox('camille@example.ca')).toEqual(before)
    } finally {
      await again.close()
    }
  })
})
