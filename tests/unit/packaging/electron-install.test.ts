import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Defect: `allowScripts: { electron: false }` alone meant `npm ci` never installed Electron. The
 * project's `postinstall` (scripts/install-electron.mjs) now runs Electron's own installer and
 * tolerates its failure. Proved here against a loopback mirror: @electron/get asks
 * `<ELECTRON_MIRROR>v<version>/electron-v<version>-<platform>-<arch>.zip` and, with
 * `electron_use_remote_checksums`, that folder's SHASUMS256.txt
 * (node_modules/@electron/get/dist/cjs/artifact-utils.js, index.js).
 */
const ROOT = resolve(import.meta.dirname, '../../..')
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string
  }
).version
const ZIP = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`

// The stub Electron records the arguments and the demo's service address it was started with.
const STUB =
  '#!/bin/sh\nprintf "%s\\n" "$@" "service=$MESCERTIF_DEMO_SERVICE_URL" > "$STUB_RECORD"\n'
const stubZip = Buffer.from(
  zipSync({ electron: [new TextEncoder().encode(STUB), { os: 3, attrs: 0o100755 << 16 }] }),
)

let server: Server
let mirror: string
const requests: string[] = []
let shasums = ''
beforeAll(async () => {
  shasums = `${createHash('sha256').update(stubZip).digest('hex')} *${ZIP}\n`
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    if (request.url === `/v${VERSION}/${ZIP}`) response.end(stubZip)
    else if (request.url === `/v${VERSION}/SHASUMS256.txt`) response.end(shasums)
    else response.writeHead(404).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise((done) => server.close(done)))

/**
 * A project folder with the postinstall script and a pristine copy of the electron package, or
 * without it: what `npm ci --omit=dev` or `NODE_ENV=production npm ci` leave (electron is a
 * devDependency).
 */
function freshProject(withElectron = true): string {
  const project = mkdtempSync(join(tmpdir(), 'electron-install-'))
  mkdirSync(join(project, 'scripts'))
  cpSync(join(ROOT, 'scripts/install-electron.mjs'), join(project, 'scripts/install-electron.mjs'))
  if (!withElectron) return project
  const electron = join(project, 'node_modules/electron')
  mkdirSync(electron, { recursive: true })
  for (const file of ['package.json', 'install.js', 'index.js', 'checksums.json'])
    cpSync(join(ROOT, 'node_modules/electron', file), join(electron, file))
  return project
}

/** The environment `npm ci` gives the postinstall, with any user-level Electron settings removed. */
function installEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env))
    if (!/^(npm_config_electron|npm_package_config_electron|electron_|ELECTRON_)/i.test(key))
      env[key] = value
  // install.js resolves @electron/get and extract-zip from the real install.
  return { ...env, NODE_PATH: join(ROOT, 'node_modules'), ...extra }
}

/** Runs a Node script without blocking this process, which also serves the mirror. */
function node(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number; output: string }>((done) => {
    execFile(process.execPath, args, { cwd, env }, (error, stdout, stderr) =>
      done({ status: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    )
  })
}

async function postinstall(project: string, extra: Record<string, string>) {
  const run = await node(
    ['scripts/install-electron.mjs'],
    project,
    installEnv({ electron_config_cache: join(project, 'cache'), ...extra }),
  )
  return { status: run.status, lines: run.output.split('\n').filter(Boolean) }
}

describe.skipIf(process.platform === 'win32')('postinstall: the Electron binary', () => {
  if (process.platform === 'win32')
    console.log('skipped: the stub Electron is a shell script (runs on Linux and macOS runners)')

  it('with a mirror: installs the checked binary, and npm start launches it with its arguments', async () => {
    const project = freshProject()
    const result = await postinstall(project, {
      ELECTRON_MIRROR: mirror,
      electron_use_remote_checksums: '1',
    })
    expect(result).toEqual({ status: 0, lines: [] })
    const dist = join(project, 'node_modules/electron/dist')
    expect(existsSync(join(dist, 'electron'))).toBe(true)

    const record = join(project, 'argv.txt')
    const start = await node(
      ['--import', 'tsx', join(ROOT, 'scripts/start.ts'), '--config', '/etc/kiosk.json'],
      ROOT,
      installEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, STUB_RECORD: record }),
    )
    expect(start.status).toBe(0)
    expect(readFileSync(record, 'utf8').split('\n')).toEqual([
      '.',
      '--config',
      '/etc/kiosk.json',
      'service=',
      '',
    ])
  })

  it('with the network closed: npm ci still succeeds and says so in one line', async () => {
    const project = freshProject()
    const result = await postinstall(project, {
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_use_remote_checksums: '1',
    })
    expect(result.status).toBe(0)
    expect(result.lines).toHaveLength(1)
    expect(result.lines[0]).toMatch(/^electron: the Electron binary could not be fetched \(.+\);/)
    expect(result.lines[0]).toContain('npm test')
    // @electron/get goes through a proxy only when asked (node_modules/@electron/get/dist/index.js).
    expect(result.lines[0]).toContain('behind a proxy: ELECTRON_GET_USE_PROXY=1 with HTTPS_PROXY')
    expect(existsSync(join(project, 'node_modules/electron/dist/electron'))).toBe(false)
  })

  it('an archive that does not match its checksum is refused, in one line', async () => {
    const project = freshProject()
    const good = shasums
    shasums = `${'0'.repeat(64)} *${ZIP}\n`
    try {
      const result = await postinstall(project, {
        ELECTRON_MIRROR: mirror,
        electron_use_remote_checksums: '1',
      })
      expect(result.status).toBe(0)
      expect(result.lines).toHaveLength(1)
      expect(result.lines[0]).toContain('could not be fetched')
      expect(existsSync(join(project, 'node_modules/electron/dist/electron'))).toBe(false)
    } finally {
      shasums = good
    }
  })

  it('ELECTRON_SKIP_BINARY_DOWNLOAD=1 (our CI): one line saying what still works, nothing asked of the mirror', async () => {
    const project = freshProject()
    const before = requests.length
    const result = await postinstall(project, {
      ELECTRON_MIRROR: mirror,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    })
    expect(result.status).toBe(0)
    expect(result.lines).toHaveLength(1)
    expect(result.lines[0]).toMatch(/binary not downloaded.*npm test/)
    expect(requests.length).toBe(before)
  })

  it.each([
    ['npm ci --omit=dev', {}],
    ['NODE_ENV=production npm ci', { NODE_ENV: 'production' }],
    ['…with ELECTRON_SKIP_BINARY_DOWNLOAD=1', { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }],
  ])('%s (no electron package at all): one line, exit 0', async (_name, extra) => {
    // No NODE_PATH either: nothing of the repository's own node_modules may be found.
    const result = await postinstall(freshProject(false), { ...extra, NODE_PATH: '' })
    expect(result).toEqual({
      status: 0,
      lines: [
        'electron: not installed (dev dependencies left out: --omit=dev or NODE_ENV=production); the kiosk is built and tested with them',
      ],
    })
  })

  it('npm 10, which ignores allowScripts, finds no install script of Electron’s to run', () => {
    // Since Electron 42 the package downloads on first use (its `install-electron` bin), not in a
    // postinstall (docs/breaking-changes.md): npm of any version runs only ours. If a future
    // Electron brings one back, this says so before an offline `npm ci` fails on npm 10.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean }>
    }
    expect(lock.packages['node_modules/electron']?.hasInstallScript).toBeUndefined()
    const electron = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
    ) as { scripts?: Record<string, string>; bin: Record<string, string> }
    expect(Object.keys(electron.scripts ?? {})).toEqual([])
    expect(electron.bin['install-electron']).toBe('install.js')
  })

  it("package.json keeps npm from running Electron's script itself and runs ours instead", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      allowScripts: Record<string, boolean>
      scripts: Record<string, string>
    }
    expect(pkg.allowScripts.electron).toBe(false)
    expect(pkg.scripts.postinstall).toBe('node scripts/install-electron.mjs')
  })
})
