import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown
}

// The YAML is checked against electron-builder's schema in the first test; here it is read freely.
const load = (file: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  parse(readFileSync(resolve(ROOT, file), 'utf8')) as Record<string, any>

/** SPEC §7: the fuses every shipped build has. */
const SHIPPED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
}

describe('electron-builder.yml (checked offline: packaging needs the Electron download)', () => {
  const config = load('electron-builder.yml')

  it("is valid against electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('rejects a broken config, so the check above can fail', async () => {
    await expect(
      validateConfiguration({ ...config, nsis: { perMachine: 'yes' } }, new DebugLogger(false)),
    ).rejects.toThrow()
  })

  it('flips every fuse of SPEC §7', () => {
    expect(config.electronFuses).toEqual(SHIPPED_FUSES)
  })

  it('registers the mescertif: scheme for every OS (NSIS registry, .desktop MimeType, CFBundleURLTypes)', () => {
    expect(config.protocols).toEqual([{ name: 'MesCertif mail links', schemes: ['mescertif'] }])
    expect(config.linux.desktop.entry.MimeType).toBe('x-scheme-handler/mescertif;')
  })

  it('builds NSIS per machine and MSI, AppImage and deb, dmg; in an asar; keytar rebuilt for Electron', () => {
    expect(config.win.target).toEqual(['nsis', 'msi'])
    expect(config.nsis.perMachine).toBe(true)
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(true)
    expect(config.files).toContain('out/**')
  })

  it('the e2e build differs from the shipped one only by the inspect fuse', async () => {
    const e2e = load('electron-builder.e2e.yml')
    expect(e2e.extends).toBe('./electron-builder.yml')
    expect(e2e.electronFuses).toEqual({ ...SHIPPED_FUSES, enableNodeCliInspectArguments: true })
    expect(e2e.directories.output).not.toBe(config.directories.output)
  })

  it('ships the icon it names', () => {
    expect(readFileSync(resolve(ROOT, config.linux.icon)).subarray(1, 4).toString()).toBe('PNG')
  })
})
