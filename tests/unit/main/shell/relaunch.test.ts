import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import {
  createStartFailureHandler,
  relaunchArguments,
  relaunchCountIn,
  relaunchExecutable,
} from '@main/shell/start-failure'

const log = createEventLog({ write: () => undefined })

/**
 * Electron's guard against URL argument injection (CVE-2018-1000006), as
 * shell/app/command_line_args.cc CheckCommandLineArguments does it on Windows: once an argument
 * looks like a URL (an alphabetic scheme of two characters or more), any later argument other
 * than `--` makes Electron exit before any of our code runs.
 */
function passesElectronUrlGuard(args: readonly string[]): boolean {
  let afterUrl = false
  for (const arg of args) {
    if (arg === '--') return true
    if (afterUrl) return false
    const scheme = arg.slice(0, arg.indexOf(':'))
    if (arg.includes(':') && scheme.length > 1 && /^[a-z]\S*$/i.test(scheme)) afterUrl = true
  }
  return true
}

function failedStart(
  argv: string[],
  platform: NodeJS.Platform = 'win32',
  env: Record<string, string> = {},
) {
  const relaunched: { args: string[]; execPath?: string }[] = []
  const handle = createStartFailureHandler({
    app: { relaunch: (options) => relaunched.push(options), exit: () => undefined },
    argv,
    platform,
    env,
    failedBefore: relaunchCountIn(argv),
    failedStarts: { write: () => true },
    log,
    showOutOfOrder: () => undefined,
  })
  handle('start', new Error('boom'))
  return relaunched[0]!
}

describe('a relaunch starts the kiosk that was started', () => {
  const appImage = '/home/kiosk/Applications/MesCertif-Kiosk-1.4.0.AppImage'

  it('from an AppImage, the AppImage file, not the executable inside its mount', () => {
    expect(relaunchExecutable('linux', { APPIMAGE: appImage, APPDIR: '/tmp/.mount_Mes' })).toEqual({
      execPath: appImage,
    })
    const relaunch = failedStart(
      ['/tmp/.mount_Mes/mescertif-kiosk', '--config=/etc/k.json'],
      'linux',
      {
        APPIMAGE: appImage,
      },
    )
    expect(relaunch).toEqual({
      args: ['--config=/etc/k.json', '--relaunch-count=1'],
      execPath: appImage,
    })
  })

  it("anywhere else, Electron's own executable (no execPath)", () => {
    expect(relaunchExecutable('linux', {})).toEqual({})
    expect(relaunchExecutable('linux', { APPIMAGE: '' })).toEqual({})
    // The variable means nothing off Linux.
    expect(relaunchExecutable('win32', { APPIMAGE: appImage })).toEqual({})
    expect(relaunchExecutable('darwin', { APPIMAGE: appImage })).toEqual({})
    expect(failedStart(['/opt/MesCertif Kiosk/mescertif-kiosk'], 'linux')).toEqual({
      args: ['--relaunch-count=1'],
    })
  })
})

describe('a relaunch carries no mail link', () => {
  const coldStartByLink = [
    'C:\\Program Files\\MesCertif Kiosk\\MesCertif Kiosk.exe',
    '--config=C:\\ProgramData\\MesCertif Kiosk\\config.json',
    'mescertif://invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  ]

  it('after a cold start by a mescertif: link, the failure relaunch passes Electron’s URL guard', () => {
    const { args } = failedStart(coldStartByLink)
    expect(passesElectronUrlGuard(args)).toBe(true)
    expect(args).toEqual([
      '--config=C:\\ProgramData\\MesCertif Kiosk\\config.json',
      '--relaunch-count=1',
    ])
  })

  it('the link is not handed to the next process (it would open it again for the next person)', () => {
    for (const link of [
      'mescertif://reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'https://portal.example.ca/kiosk/invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'MESCERTIF:activate/x',
    ])
      expect(relaunchArguments(['/opt/kiosk', link, '--relaunch-count=2'])).toEqual([])
  })

  it('keeps the switches and paths it was given (a Windows drive path is not a URL)', () => {
    expect(
      relaunchArguments(['/opt/kiosk', '--config', 'C:\\kiosk.json', '--user-data-dir=/tmp/k']),
    ).toEqual(['--config', 'C:\\kiosk.json', '--user-data-dir=/tmp/k'])
  })

  it('the guard model refuses what Electron refuses, so the checks above can fail', () => {
    expect(passesElectronUrlGuard(['mescertif://invite/x', '--relaunch-count=1'])).toBe(false)
    expect(passesElectronUrlGuard(['--relaunch-count=1', 'mescertif://invite/x'])).toBe(true)
  })
})
