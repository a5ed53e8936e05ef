import { describe, expect, it } from 'vitest'
import { createMailLinkIntake, mailLinksInArgv } from '@main/links/mail-link-intake'
import { registerMailLinkSources, type MailLinkApp } from '@main/links/mail-link-sources'
import type { KioskEvent } from '@shared/ipc/events'

const TOKEN = 'q3xZ0_-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'

/** A recording fake of Electron's `app`: keeps listeners, records protocol registrations. */
function recordingApp() {
  const listeners = new Map<string, (...args: never[]) => void>()
  const registrations: unknown[][] = []
  const app: MailLinkApp = {
    on: ((event: string, listener: (...args: never[]) => void) => {
      listeners.set(event, listener)
      return app
    }) as MailLinkApp['on'],
    setAsDefaultProtocolClient: (...args: unknown[]) => {
      registrations.push(args)
      return true
    },
  }
  return { app, listeners, registrations }
}

function intakeRecorder() {
  const emitted: KioskEvent[] = []
  const resolved: string[] = []
  const intake = createMailLinkIntake({
    resolve: async (raw) => {
      resolved.push(raw)
      return { type: 'mailLinkFailed', code: 'link_invalid' }
    },
    emit: (event) => emitted.push(event),
  })
  return { intake, emitted, resolved }
}

describe('mail-link doors', () => {
  it('registers open-url and second-instance synchronously, and the packaged scheme', () => {
    const { app, listeners, registrations } = recordingApp()
    registerMailLinkSources(
      app,
      { argv: ['/opt/MesCertif Kiosk/mescertif-kiosk'], execPath: '/opt/x' },
      () => undefined,
    )
    expect([...listeners.keys()].sort()).toEqual(['open-url', 'second-instance'])
    expect(registrations).toEqual([['mescertif']])
  })

  it('registers the dev form with the script path when unpackaged', () => {
    const { app, registrations } = recordingApp()
    registerMailLinkSources(
      app,
      {
        argv: ['/usr/bin/electron', 'out/main/index.js'],
        defaultApp: true,
        execPath: '/usr/bin/electron',
      },
      () => undefined,
    )
    expect(registrations[0]?.[0]).toBe('mescertif')
    expect(registrations[0]?.[1]).toBe('/usr/bin/electron')
    expect(String((registrations[0]?.[2] as string[])[0])).toMatch(/out\/main\/index\.js$/)
  })

  it('brings cold-start argv, second-instance and open-url links into the one receiver', () => {
    const { app, listeners } = recordingApp()
    const received: string[] = []
    let prevented = false
    registerMailLinkSources(
      app,
      { argv: ['kiosk', '--config', '/c.json', `mescertif://invite/${TOKEN}`], execPath: 'kiosk' },
      (raw) => received.push(raw),
    )
    ;(listeners.get('second-instance') as (e: unknown, argv: string[]) => void)({}, [
      'kiosk',
      `mescertif://activate/${TOKEN}`,
      '--flag',
    ])
    ;(listeners.get('open-url') as (e: { preventDefault(): void }, url: string) => void)(
      { preventDefault: () => (prevented = true) },
      `mescertif://reset/${TOKEN}`,
    )
    expect(received).toEqual([
      `mescertif://invite/${TOKEN}`,
      `mescertif://activate/${TOKEN}`,
      `mescertif://reset/${TOKEN}`,
    ])
    expect(prevented).toBe(true)
  })

  it('picks only link-looking arguments out of a command line', () => {
    expect(
      mailLinksInArgv([
        'electron',
        '.',
        '--config',
        'x',
        'mescertif://a',
        'https://b',
        'file:///c',
      ]),
    ).toEqual(['mescertif://a', 'https://b'])
  })
})

describe('mail-link intake queue', () => {
  it('holds links that arrive before the kiosk is ready, then handles each once, in order', async () => {
    const { intake, emitted, resolved } = intakeRecorder()
    intake.handleMailLink('mescertif://one')
    intake.handleMailLink('mescertif://two')
    await new Promise((ok) => setTimeout(ok, 10))
    expect(resolved).toEqual([])
    await intake.start()
    await intake.start()
    expect(resolved).toEqual(['mescertif://one', 'mescertif://two'])
    expect(emitted).toHaveLength(2)
    intake.handleMailLink('mescertif://three')
    await intake.idle()
    expect(resolved).toEqual(['mescertif://one', 'mescertif://two', 'mescertif://three'])
  })

  it('bounds the queue and the length of what it keeps', async () => {
    const { intake, resolved } = intakeRecorder()
    for (let i = 0; i < 50; i++) intake.handleMailLink(`mescertif://${i}${'x'.repeat(10_000)}`)
    await intake.start()
    expect(resolved).toHaveLength(10)
    expect(resolved.every((raw) => raw.length <= 513)).toBe(true)
  })
})
