import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readStartupSecrets } from '@service/commands/startup-secrets'
import { launchService } from '@service/launch'
import { assertStrongToken, tokenEntropyBits } from '@service/security/token-strength'
import { ADMIN, DEVICE } from './service-harness'

const dir = () => mkdtempSync(join(tmpdir(), 'secrets-'))

/** The service's command line run to its end: exit code and what it printed on stderr. */
function runCli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'service/cli.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('exit', (code) => resolve({ code, stderr }))
  })
}

describe('secrets are not on the command line (issue 25, rule 12)', () => {
  it('--admin-token and --device-token are refused, naming what replaces them', async () => {
    const db = join(dir(), 'service.db')
    const admin = await runCli(['--db', db, '--admin-token', ADMIN])
    expect(admin.code).toBe(2)
    expect(admin.stderr).toContain('--admin-token is refused')
    expect(admin.stderr).toContain('MESCERTIF_ADMIN_TOKEN')
    const device = await runCli(['--db', db, '--device-token', DEVICE], {
      MESCERTIF_ADMIN_TOKEN: ADMIN,
    })
    expect(device.stderr).toContain('--device-token is refused')
  })

  it('starts with its tokens from the environment, and a device token from there works', async () => {
    const { child, url } = await launchService(['--port', '0', '--db', join(dir(), 's.db')], {
      MESCERTIF_ADMIN_TOKEN: ADMIN,
      MESCERTIF_DEVICE_TOKENS: DEVICE,
    })
    try {
      const answer = await fetch(`${url}/v1/devices/current`, {
        headers: { authorization: `Bearer ${DEVICE}` },
      })
      expect(answer.status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('refuses to start with a device token under 32 bytes of entropy', async () => {
    const weak = await runCli(['--port', '0', '--db', join(dir(), 's.db')], {
      MESCERTIF_ADMIN_TOKEN: ADMIN,
      MESCERTIF_DEVICE_TOKENS: 'kiosk-hall-a-2026',
    })
    expect(weak.code).toBe(1)
    expect(weak.stderr).toContain('device token 1 is too weak')
    expect(weak.stderr).not.toContain('kiosk-hall-a-2026')
  })

  it('reads token files (owner-only), the environment, or systemd credentials, in that order', () => {
    const folder = dir()
    const file = join(folder, 'device-tokens')
    writeFileSync(file, `# hall A\n${DEVICE}\n\n${ADMIN}  # hall B\n`, { mode: 0o600 })
    chmodSync(file, 0o600)
    expect(
      readStartupSecrets({ 'device-token-file': file }, { MESCERTIF_DEVICE_TOKENS: 'ignored' }),
    ).toEqual({ deviceTokens: [DEVICE, ADMIN], counterDeviceTokens: [] })
    chmodSync(file, 0o644)
    expect(() => readStartupSecrets({ 'device-token-file': file }, {})).toThrow(
      'is readable by others (mode 644)',
    )
    const credentials = dir()
    writeFileSync(join(credentials, 'admin-token'), `${ADMIN}\n`)
    writeFileSync(join(credentials, 'counter-device-tokens'), `${DEVICE}\n`)
    expect(readStartupSecrets({}, { CREDENTIALS_DIRECTORY: credentials })).toEqual({
      adminToken: ADMIN,
      deviceTokens: [],
      counterDeviceTokens: [DEVICE],
    })
    expect(
      readStartupSecrets({}, { MESCERTIF_DEVICE_TOKENS: `${DEVICE}, ${ADMIN}` }).deviceTokens,
    ).toEqual([DEVICE, ADMIN])
  })

  it('a strong token holds 32 random bytes, as add-device prints them or openssl draws them', () => {
    expect(tokenEntropyBits(DEVICE)).toBeGreaterThanOrEqual(256)
    expect(
      tokenEntropyBits('8f14e45fceea167a5a36dedd4bea2543d8f14e45fceea167a5a36dedd4bea254'),
    ).toBe(256)
    for (const weak of [
      'unit-device-token-0123456789',
      'a'.repeat(64),
      'abababababababababababababababababababababababababababab',
      '0123456789'.repeat(7),
    ])
      expect(() => assertStrongToken(weak, 'this token'), weak).toThrow('this token is too weak')
  })
})
