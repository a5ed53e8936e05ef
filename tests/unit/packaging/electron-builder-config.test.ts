import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname, '../../..')
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
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

/** The fuses every shipped build has (docs/security.md, item 19). */
const SHIPPED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
  resetAdHocDarwinSignature: true,
}
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  homepage?: string
  author?: { email?: string }
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

  it('flips every fuse (and re-signs unsigned arm64 macOS builds ad hoc so they still run)', () => {
    expect(config.electronFuses).toEqual(SHIPPED_FUSES)
  })

  it('registers the mescertif: scheme for every OS (NSIS include, MSI hook, .desktop MimeType, CFBundleURLTypes)', () => {
    expect(config.protocols).toEqual([{ name: 'MesCertif mail links', schemes: ['mescertif'] }])
    expect(config.appImage.executableArgs).toEqual([])
    const include = readFileSync(resolve(ROOT, config.nsis.include), 'utf8')
    expect(include).toContain('WriteRegStr HKLM "Software\\Classes\\mescertif" "URL Protocol" ""')
    expect(include).toContain('DeleteRegKey HKLM "Software\\Classes\\mescertif"')
    expect(config.msiProjectCreated).toBe('./resources/installer/msi-machine-registry.cjs')
  })

  it('the NSIS include starts the kiosk at sign-in for every user, and removes that on uninstall only', () => {
    const include = readFileSync(resolve(ROOT, config.nsis.include), 'utf8')
    const [install, uninstall] = include.split('!macro customUnInstall')
    const run = 'HKLM "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "MesCertif Kiosk"'
    expect(install).toContain(`WriteRegStr ${run} '"$appExe"'`)
    expect(uninstall).toMatch(new RegExp(`isUpdated[\\s\\S]*DeleteRegValue ${escape(run)}`))
  })

  it('the MSI hook adds the per-machine mescertif: and start-at-sign-in components to the product feature', () => {
    const { addMachineRegistry } = require(resolve(ROOT, config.msiProjectCreated)) as {
      addMachineRegistry(project: string): string
    }
    const project = [
      '<Product><Feature Id="ProductFeature"><ComponentGroupRef Id="ProductComponents"/></Feature>',
      '<ComponentGroup Id="ProductComponents"><Component><File Id="mainExecutable"/></Component></ComponentGroup>',
      '</Product>',
    ].join('\n')
    const withScheme = addMachineRegistry(project)
    expect(withScheme).toContain('<ComponentGroupRef Id="MachineRegistryComponents"/>')
    expect(withScheme).toContain(
      '<RegistryValue Root="HKLM" Key="Software\\Microsoft\\Windows\\CurrentVersion\\Run" Name="MesCertif Kiosk" Type="string" Value="&quot;[#mainExecutable]&quot;" KeyPath="yes"/>',
    )
    expect(withScheme).toMatch(
      /<RegistryKey Root="HKLM" Key="Software\\Classes\\mescertif" ForceDeleteOnUninstall="yes">/,
    )
    expect(withScheme).toContain('Value="&quot;[#mainExecutable]&quot; &quot;%1&quot;"')
    expect(() => addMachineRegistry('<Product/>')).toThrow()
  })

  it("the .deb keeps electron-builder's default dependencies and adds a Secret Service", () => {
    const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget') as {
      default: { prototype: { getDefaultDepends(target: string): string[] } }
    }
    const defaults = FpmTarget.prototype.getDefaultDepends.call(undefined, 'deb')
    expect(defaults.length).toBeGreaterThan(5)
    expect(config.deb.depends).toEqual(expect.arrayContaining(defaults))
    expect(config.deb.depends).toContain('gnome-keyring | keepassxc')
  })

  it('has what the .deb needs to be built at all: a homepage and a maintainer email', () => {
    // app-builder-lib/out/targets/FpmTarget.js computeFpmMetaInfoOptions stops without them.
    expect(pkg.homepage).toMatch(/^https:\/\//)
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/)
  })

  it('the MSI makes no desktop shortcut either (nsis.createDesktopShortcut does not reach it)', () => {
    expect(config.nsis.createDesktopShortcut).toBe(false)
    expect(config.msi.createDesktopShortcut).toBe(false)
  })

  it('builds NSIS per machine and MSI, AppImage and deb, dmg; in an asar; keytar rebuilt for Electron', () => {
    const targets = (platform: { target: { target: string }[] }) =>
      platform.target.map(({ target }) => target)
    expect(targets(config.win)).toEqual(['nsis', 'msi'])
    expect(config.nsis.perMachine).toBe(true)
    expect(targets(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targets(config.mac)).toEqual(['dmg'])
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(true)
    expect(config.files).toContain('out/**')
  })

  it('only what Electron 45 still supports: 64-bit Windows and Linux, macOS 13 and later', () => {
    // Electron 44 dropped Windows ia32, Linux armv7l and macOS 12 (docs/breaking-changes.md).
    const archs = [config.win, config.linux, config.mac].flatMap((platform) =>
      (platform.target as { arch: string[] }[]).flatMap(({ arch }) => arch),
    )
    expect(new Set(archs)).toEqual(new Set(['x64', 'arm64']))
    expect(config.mac.minimumSystemVersion).toBe('13.0')
  })

  it('ships the lock-down files and the autostart entry where IT and the OS look for them', () => {
    expect(config.win.extraResources).toEqual([
      { from: 'resources/lockdown/windows', to: 'lockdown' },
    ])
    const mappings = Object.fromEntries(
      (config.deb.fpm as string[]).map((mapping) => mapping.split('=') as [string, string]),
    )
    expect(mappings).toEqual({
      'resources/linux/mescertif-kiosk-autostart.desktop':
        '/etc/xdg/autostart/mescertif-kiosk.desktop',
      'resources/lockdown/linux/mescertif-kiosk.desktop':
        '/usr/share/wayland-sessions/mescertif-kiosk.desktop',
      'resources/lockdown/linux/mescertif-kiosk-session': '/usr/libexec/mescertif-kiosk-session',
    })
    for (const source of Object.keys(mappings))
      expect(readFileSync(resolve(ROOT, source))).toBeTruthy()
    expect(config.deb.recommends).toContain('cage')
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

describe('what electron-builder packs (resolved offline, the way it does when packaging)', () => {
  it('production modules only: the kiosk main process, none of the service, renderer or tools', async () => {
    const { getCollectorByPackageManager, PM } =
      require('app-builder-lib/out/node-module-collector') as {
        PM: { NPM: string }
        getCollectorByPackageManager(
          pm: string,
          dir: string,
          tmp: unknown,
        ): { getNodeModules(o: { packageName: string }): Promise<{ nodeModules: Module[] }> }
      }
    type Module = { name: string; dependencies?: Module[] }
    const { TmpDir } = require('builder-util') as {
      TmpDir: new (name: string) => { cleanup(): Promise<void> }
    }
    const tmp = new TmpDir('packed-modules')
    const { nodeModules } = await getCollectorByPackageManager(PM.NPM, ROOT, tmp).getNodeModules({
      packageName: 'mescertif-kiosk',
    })
    await tmp.cleanup()
    const names = new Set<string>()
    const walk = (modules: Module[]) => {
      for (const module of modules) {
        names.add(module.name)
        walk(module.dependencies ?? [])
      }
    }
    walk(nodeModules)
    for (const needed of ['axios', 'electron-log', 'keytar', 'zod']) expect(names).toContain(needed)
    for (const service of ['fastify', 'better-sqlite3', 'nodemailer', 'vue', 'tsx', 'electron'])
      expect(names, service).not.toContain(service)
  })
})
