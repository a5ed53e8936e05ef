import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { createStartFailureHandler, relaunchArguments } from '@main/shell/start-failure'

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

function failedStart(argv: string[]) {
  const relaunched: string[][] = []
  const handle = createStartFailureHandler({
    app: { relaunch: ({ args }) => relaunched.push(args), exit: () => undefined },
    argv,
    log,
    showOutOfOrder: () => undefined,
  })
  handle('start', new Error('boom'))
  return relaunched[0]!
}

describe('a relaunch carries no mail link', () => {
  const coldStartByLink = [
    'C:\\Program Files\\MesCertif Kiosk\\MesCertif Kiosk.exe',
    '--config=C:\\ProgramData\\MesCertif Kiosk\\config.json',
    'mescertif://invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  ]

  it('after a cold start by a mescertif: link, the failure relaunch passes Electron’s URL guard', () => {
    const args = failedStart(coldStartByLink)
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
