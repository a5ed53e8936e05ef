import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { electronBinary } from '../../../scripts/electron-binary'

/**
 * Since Electron 42, `require('electron')` outside Electron downloads the binary when it is
 * missing (node_modules/electron/index.js spawns install.js, which asks ELECTRON_MIRROR). On our
 * machines without internet every such require would try the network: here a loopback mirror
 * records whether anything asks. The binary is missing on our build machines; where it is
 * installed there is nothing to download, and this proves nothing.
 */
const ROOT = resolve(import.meta.dirname, '../../..')
const installed = electronBinary() !== undefined
if (installed) console.log('skipped: the Electron binary is installed here (nothing to download)')

let mirror: Server
let mirrorUrl = ''
const asked: string[] = []
beforeAll(async () => {
  mirror = createServer((request, response) => {
    asked.push(request.url ?? '')
    response.writeHead(404).end()
  })
  await new Promise<void>((done) => mirror.listen(0, '127.0.0.1', done))
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`
})
afterAll(() => new Promise((done) => mirror.close(done)))

/** Imports a module in a fresh Node (as `npm start` or Playwright would) and asks it for the binary. */
function binaryFrom(module: string) {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env))
    if (!/^(npm_config_electron|electron_)/i.test(key)) env[key] = value
  Object.assign(env, {
    ELECTRON_MIRROR: mirrorUrl,
    electron_use_remote_checksums: '1',
    electron_config_cache: mkdtempSync(join(tmpdir(), 'electron-cache-')),
  })
  const script = `const m = await import(${JSON.stringify(join(ROOT, module))}); console.log(String(m.electronBinary()))`
  return new Promise<string>((done, fail) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: ROOT, env },
      (error, stdout, stderr) => (error ? fail(new Error(stderr)) : done(stdout.trim())),
    ),
  )
}

describe.skipIf(installed)('without the Electron binary, nothing tries to download it', () => {
  it.each(['scripts/kiosk-launch.ts', 'tests/electron/launch.ts'])(
    '%s finds no binary and asks no mirror',
    async (module) => {
      const before = asked.length
      expect(await binaryFrom(module)).toBe('undefined')
      expect(asked.slice(before)).toEqual([])
    },
  )
})
