import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { RESTART_EXIT_CODE, SUPERVISED_ARG } from '@main/shell/supervision'

/**
 * The OS lock-down and start-up files we ship (docs/deployment.md, "Lock-down"), checked for what
 * the OS reads in them. `npm run test:packaging` then finds them inside the installers.
 */
const ROOT = resolve(import.meta.dirname, '../../..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const pkg = JSON.parse(read('package.json')) as { name: string; productName: string }
const builder = parse(read('electron-builder.yml')) as { deb: { fpm: string[] } }
const installedAt = (source: string) =>
  builder.deb.fpm.find((mapping) => mapping.startsWith(`${source}=`))?.split('=')[1]

/** The few DOM members read here (xmldom's own typings would pull the DOM lib into Node's world). */
interface Element {
  nodeType: number
  localName: string
  namespaceURI: string | null
  childNodes: ArrayLike<unknown>
  getAttribute(name: string): string | null
  getAttributeNS(namespace: string, name: string): string | null
  lookupNamespaceURI(prefix: string): string | null
}
type ParserOptions = { errorHandler: (level: string, message: string) => void }
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as {
  DOMParser: new (options: ParserOptions) => {
    parseFromString(source: string, type: string): { documentElement: Element | null }
  }
}

describe('Windows: Shell Launcher v2 for the kiosk account', () => {
  const SL = 'http://schemas.microsoft.com/ShellLauncher/2018/Configuration'
  const V2 = 'http://schemas.microsoft.com/ShellLauncher/2019/Configuration'
  const errors: string[] = []
  const document = new DOMParser({
    errorHandler: (level, message) => void errors.push(`${level}: ${message}`),
  }).parseFromString(read('resources/lockdown/windows/shell-launcher.xml'), 'text/xml')
  const children = (parent: Element, name: string) =>
    (Array.from(parent.childNodes) as Element[]).filter(
      (node) => node.nodeType === 1 && node.localName === name,
    )
  const only = (parent: Element, name: string) => {
    const found = children(parent, name)
    expect(found, name).toHaveLength(1)
    return found[0]!
  }
  const root = document.documentElement!
  const profiles = only(root, 'Profiles')

  it('is well-formed, in the Shell Launcher namespaces (V2: desktop apps, full screen)', () => {
    expect(errors).toEqual([])
    expect(root.localName).toBe('ShellLauncherConfiguration')
    expect(root.namespaceURI).toBe(SL)
    expect(root.lookupNamespaceURI('V2')).toBe(V2)
  })

  it('other accounts keep Explorer', () => {
    const shell = only(only(profiles, 'DefaultProfile'), 'Shell')
    expect(shell.getAttribute('Shell')).toBe('%SystemRoot%\\explorer.exe')
  })

  it('the kiosk account gets the installed kiosk as its shell, full screen', () => {
    const [profile] = children(profiles, 'Profile')
    const id = profile!.getAttribute('Id')
    expect(id).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/)
    const shell = only(profile!, 'Shell')
    // The per-machine NSIS installer's folder: $PROGRAMFILES64\<productName> (multiUser.nsh).
    // Supervised: the kiosk never relaunches itself, it lets Shell Launcher start it again.
    expect(shell.getAttribute('Shell')).toBe(
      `%ProgramFiles%\\${pkg.productName}\\${pkg.productName}.exe ${SUPERVISED_ARG}`,
    )
    expect(shell.getAttributeNS(V2, 'AppType')).toBe('Desktop')
    expect(shell.getAttributeNS(V2, 'AllAppsFullScreen')).toBe('true')
    const config = only(only(root, 'Configs'), 'Config')
    expect(only(config, 'Account').getAttribute('Name')).toBe('mescertif-kiosk')
    expect(only(config, 'Profile').getAttribute('Id')).toBe(id)
  })

  it('a crash or a restart asked for (exit code 75) restarts the kiosk; a quit (0) does not', () => {
    const shell = only(children(profiles, 'Profile')[0]!, 'Shell')
    const order = (Array.from(shell.childNodes) as Element[])
      .filter((node) => node.nodeType === 1)
      .map((node) => node.localName)
    expect(order).toEqual(['ReturnCodeActions', 'DefaultAction'])
    const [code] = children(only(shell, 'ReturnCodeActions'), 'ReturnCodeAction')
    expect([code!.getAttribute('ReturnCode'), code!.getAttribute('Action')]).toEqual([
      '0',
      'DoNothing',
    ])
    expect(only(shell, 'DefaultAction').getAttribute('Action')).toBe('RestartShell')
    // 0 is the only code left alone: the one the kiosk exits with to be started again is not.
    const actions = children(only(shell, 'ReturnCodeActions'), 'ReturnCodeAction')
    expect(actions).toHaveLength(1)
    expect(actions.map((action) => action.getAttribute('ReturnCode'))).not.toContain(
      String(RESTART_EXIT_CODE),
    )
  })
})

const linux = process.platform === 'linux'
if (!linux)
  console.log('skipped: the Linux session script and desktop entries are checked on Linux')

describe.skipIf(!linux)('Linux: the kiosk session and the autostart entry', () => {
  const session = 'resources/lockdown/linux/mescertif-kiosk-session'
  const KIOSK = `/opt/${pkg.productName}/${pkg.name}`

  it('the desktop entries are valid and run what the .deb installs', () => {
    for (const entry of [
      'resources/lockdown/linux/mescertif-kiosk.desktop',
      'resources/linux/mescertif-kiosk-autostart.desktop',
    ])
      execFileSync('desktop-file-validate', [join(ROOT, entry)])
    expect(read('resources/lockdown/linux/mescertif-kiosk.desktop')).toMatch(
      new RegExp(`^Exec=${installedAt(session)}$`, 'm'),
    )
    expect(read('resources/linux/mescertif-kiosk-autostart.desktop')).toMatch(
      new RegExp(`^Exec="${KIOSK}"$`, 'm'),
    )
  })

  it('the session runs the installed kiosk, executable', () => {
    expect(read(session)).toContain(`KIOSK='${KIOSK}'`)
    execFileSync('test', ['-x', join(ROOT, session)])
  })

  it('under cage (no VT switching), with a Secret Service; a crashed kiosk starts again, a relaunched one is waited for', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kiosk-session-'))
    const bin = join(work, 'bin')
    const stub = (name: string, body: string) => {
      writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`)
      chmodSync(join(bin, name), 0o755)
    }
    execFileSync('mkdir', [bin])
    stub(
      'cage',
      'echo "cage $*" >> "$RECORD"\nwhile [ "$1" != -- ]; do shift; done\nshift\nexec "$@"',
    )
    stub('gnome-keyring-daemon', 'echo "keyring $*" >> "$RECORD"')
    // The kiosk: crashes, then relaunches itself (a new process takes Chromium's lock), then stays.
    stub(
      'kiosk',
      [
        'n=$(( $(cat "$WORK/count" 2>/dev/null || echo 0) + 1 )); echo $n > "$WORK/count"',
        'case $n in',
        '  1) echo "run 1 crashes"; exit 3 ;;',
        '  2) sleep 600 & echo $! > "$WORK/relaunched"',
        '     mkdir -p "$XDG_CONFIG_HOME/MesCertif Kiosk"',
        '     ln -s "kiosk-host-$!" "$XDG_CONFIG_HOME/MesCertif Kiosk/SingletonLock"',
        '     echo "run 2 relaunched $!"; exit 0 ;;',
        '  *) kill -0 "$(cat "$WORK/relaunched")" 2>/dev/null && echo "run 3 too early" || echo "run 3 after it"',
        '     exec sleep 600 ;;',
        'esac',
      ].join('\n'),
    )
    const script = join(work, 'session')
    writeFileSync(script, read(session).replace(`KIOSK='${KIOSK}'`, `KIOSK='${bin}/kiosk'`))
    chmodSync(script, 0o755)
    const child = spawn(script, [], {
      detached: true,
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/dev/null',
        XDG_CONFIG_HOME: join(work, 'config'),
        RECORD: join(work, 'record'),
        WORK: work,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
    const next = async () => (await lines.next()).value as string
    try {
      expect(await next()).toBe('run 1 crashes')
      const relaunched = Number((await next()).replace('run 2 relaunched ', ''))
      process.kill(relaunched)
      expect(await next()).toBe('run 3 after it')
      expect(readFileSync(join(work, 'record'), 'utf8').split('\n')).toEqual([
        'keyring --start --components=secrets',
        `cage -d -- ${script} --inside-cage`,
        '',
      ])
    } finally {
      process.kill(-child.pid!, 'SIGKILL')
    }
  })
})
