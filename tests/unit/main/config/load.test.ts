import { describe, expect, it } from 'vitest'
import { demoConfig } from '@main/config/demo'
import { loadConfig, type ConfigEnvironment } from '@main/config/load'
import { defaultConfigPath, resolveConfigPath } from '@main/config/paths'

const valid = () => {
  const { serviceUrl: _s, ...rest } = demoConfig('https://accounts.example.ca')
  return { serviceUrl: 'https://accounts.example.ca', ...rest, kioskId: 'hall-a-1' }
}

function environment(
  files: Record<string, string>,
  argv: string[] = [],
  env: NodeJS.ProcessEnv = {},
  platform: NodeJS.Platform = 'linux',
): ConfigEnvironment {
  return { argv, env, platform, readFile: (path) => files[path] }
}

describe('config precedence', () => {
  it('--config beats the environment variable, which beats the OS default', () => {
    const env = { MESCERTIF_KIOSK_CONFIG: '/env.json' }
    expect(resolveConfigPath(['electron', '.', '--config', '/arg.json'], env, 'linux')).toEqual({
      path: '/arg.json',
      source: 'argument',
    })
    expect(resolveConfigPath(['--config=/arg2.json'], env, 'linux')).toEqual({
      path: '/arg2.json',
      source: 'argument',
    })
    expect(resolveConfigPath([], env, 'linux')).toEqual({
      path: '/env.json',
      source: 'environment',
    })
    expect(resolveConfigPath([], {}, 'linux')).toEqual({
      path: '/etc/mescertif-kiosk/config.json',
      source: 'os-default',
    })
  })

  it('knows each OS default', () => {
    expect(defaultConfigPath('win32', { PROGRAMDATA: 'C:\\ProgramData' })).toMatch(
      /ProgramData.MesCertif Kiosk.config\.json$/,
    )
    expect(defaultConfigPath('darwin', {})).toBe(
      '/Library/Application Support/MesCertif Kiosk/config.json',
    )
    expect(defaultConfigPath('linux', {})).toBe('/etc/mescertif-kiosk/config.json')
  })

  it('loads the file the argument names, not the one the environment names', () => {
    const files = {
      '/arg.json': JSON.stringify({ ...valid(), kioskId: 'from-arg' }),
      '/env.json': JSON.stringify({ ...valid(), kioskId: 'from-env' }),
    }
    const loaded = loadConfig(
      environment(files, ['--config', '/arg.json'], { MESCERTIF_KIOSK_CONFIG: '/env.json' }),
    )
    expect(loaded.kind === 'ok' && loaded.config.kioskId).toBe('from-arg')
  })
})

describe('config loading', () => {
  it('runs the demo when there is no file at the OS default', () => {
    expect(loadConfig(environment({})).kind).toBe('demo')
  })

  it('treats a missing file named explicitly as a mistake, not as the demo', () => {
    const loaded = loadConfig(environment({}, ['--config', '/nope.json']))
    expect(loaded).toMatchObject({
      kind: 'invalid',
      path: '/nope.json',
      problems: ['(whole file): does not exist'],
    })
  })

  it('fills defaults for optional keys', () => {
    const {
      idle: _i,
      staff: _s,
      branding: _b,
      onScreenKeyboard: _o,
      mode: _m,
      defaultLocale: _d,
      ...minimal
    } = valid()
    const loaded = loadConfig(
      environment({ '/etc/mescertif-kiosk/config.json': JSON.stringify(minimal) }),
    )
    expect(loaded.kind === 'ok' && loaded.config).toMatchObject({
      mode: 'kiosk',
      defaultLocale: 'fr-CA',
      idle: { warnAfterSeconds: 90, graceSeconds: 30 },
      staff: { allowQuit: false },
    })
  })

  it.each([
    'https://accounts.example.ca',
    'http://127.0.0.1:4010',
    'http://127.8.9.10',
    'http://localhost:4010/',
    'http://[::1]:4010',
  ])('%s is a service URL the kiosk accepts', (serviceUrl) => {
    const file = JSON.stringify({ ...valid(), serviceUrl })
    expect(loadConfig(environment({ '/etc/mescertif-kiosk/config.json': file })).kind).toBe('ok')
  })

  const invalid: [string, (config: Record<string, unknown>) => unknown, string][] = [
    ['bad JSON', () => '{ "serviceUrl": ', '(whole file): not valid JSON'],
    ['a missing key', ({ serviceUrl: _s, ...rest }) => rest, 'serviceUrl: is required'],
    [
      'a non-http service URL',
      (c) => ({ ...c, serviceUrl: 'ftp://x' }),
      'serviceUrl: must be an https:// address',
    ],
    [
      // The device token and students' passwords would cross the network in clear.
      'an http:// service on another machine',
      (c) => ({ ...c, serviceUrl: 'http://accounts.example.ca' }),
      'serviceUrl: must be an https:// address (http:// only for a service on this machine: localhost, 127.0.0.1, [::1])',
    ],
    [
      'an http:// service on a host whose name only starts like loopback',
      (c) => ({ ...c, serviceUrl: 'http://127.0.0.1.example.ca' }),
      'serviceUrl: must be an https:// address',
    ],
    [
      'a grace period under 20 s',
      (c) => ({ ...c, idle: { warnAfterSeconds: 90, graceSeconds: 10 } }),
      'idle.graceSeconds: must be at least 20 seconds (WCAG 2.2.1)',
    ],
    ['an unknown key', (c) => ({ ...c, colour: 'red' }), 'unknown key "colour"'],
    ['a bad mode', (c) => ({ ...c, mode: 'tablet' }), 'mode:'],
    ['a bad locale', (c) => ({ ...c, defaultLocale: 'fr-FR' }), 'defaultLocale:'],
    [
      'an http portal',
      (c) => ({ ...c, portalUrl: 'http://portal.example.ca' }),
      'portalUrl: must be an https:// address',
    ],
    [
      'a bad kiosk id',
      (c) => ({ ...c, kioskId: 'Hall A' }),
      'kioskId: must be 2–63 lower-case letters, digits or dashes',
    ],
    [
      'a bad colour',
      (c) => ({ ...c, branding: { accentColor: 'blue' } }),
      'branding.accentColor: must be a colour like #1d4f91',
    ],
    [
      'a keypad key that is not a key code',
      (c) => ({ ...c, accessibility: { audioGuidance: { keypad: { next: ['6 on the pad'] } } } }),
      'accessibility.audioGuidance.keypad.next.0: must be a KeyboardEvent.code name, e.g. Numpad5',
    ],
    [
      'an unknown keypad action',
      (c) => ({ ...c, accessibility: { audioGuidance: { keypad: { jump: ['Numpad1'] } } } }),
      'unknown key "jump"',
    ],
    [
      'a missing institution name',
      (c) => ({
        ...c,
        institution: {
          ...(c.institution as object),
          'en-CA': { contactName: 'x', office: 'y', hours: 'z' },
        },
      }),
      'institution.en-CA.name: is required',
    ],
  ]
  it.each(invalid)('names the key and the problem for %s', (_name, mutate, expected) => {
    const mutated = mutate(valid())
    const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated)
    const loaded = loadConfig(environment({ '/c.json': text }, ['--config', '/c.json']))
    expect(loaded.kind).toBe('invalid')
    if (loaded.kind !== 'invalid') return
    expect(loaded.path).toBe('/c.json')
    expect(loaded.problems.some((problem) => problem.includes(expected))).toBe(true)
  })

  it('reports an unreadable file with its reason', () => {
    const loaded = loadConfig({
      argv: [],
      env: {},
      platform: 'linux',
      readFile: () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' })
      },
    })
    expect(loaded).toMatchObject({
      kind: 'invalid',
      problems: ['(whole file): cannot be read (EACCES)'],
    })
  })
})
