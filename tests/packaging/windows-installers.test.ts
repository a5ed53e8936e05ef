import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { buildInstallers, ROOT } from './build-installers'
import {
  asarFiles,
  asarHeaderHash,
  fusesOf,
  missingCommands,
  read,
  run,
  SHIPPED_FUSE_WIRE,
} from './inspect'
import { resedit } from './stand-ins/electron-dist'

/**
 * What IT receives on Windows: the NSIS installer, built here for real by electron-builder with
 * Debian's makensis around a stand-in Electron (tests/packaging/stand-ins), and the MSI's WiX
 * project (WiX itself needs Windows or wine: only the project can be had here).
 */
const TOOLS = ['makensis', '7za']
const missing = process.platform === 'linux' ? missingCommands(TOOLS) : TOOLS
const reason =
  process.platform !== 'linux'
    ? 'the packaging proof builds Linux and Windows installers on Linux only'
    : `missing ${missing.join(', ')} (apt: nsis p7zip-full)`
if (missing.length) console.log(`skipped: ${reason}`)

const KEY = 'HKLM\\Software\\Classes\\mescertif'
const RUN = 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\MesCertif Kiosk'

/** The lines makensis -V4 logged for one compiled script (the uninstaller is compiled first). */
function compiledScripts(log: string): { uninstaller: string; installer: string } {
  const scripts = log.split(/^MakeNSIS v/m).slice(1)
  const uninstaller = scripts.find((script) =>
    script.includes('Command line defined: "BUILD_UNINSTALLER"'),
  )
  const installer = scripts.find(
    (script) => !script.includes('Command line defined: "BUILD_UNINSTALLER"'),
  )
  if (!uninstaller || !installer) throw new Error('makensis log: expected two compiled scripts')
  return { uninstaller, installer }
}

describe.skipIf(missing.length > 0)('Windows installers', () => {
  let dist = ''
  let log = ''
  let wixProject = ''
  beforeAll(async () => {
    const nsis = await buildInstallers('win32', ['nsis'])
    dist = nsis.output
    log = read(nsis.makensisLog)
    // The MSI: the hook electron-builder.yml names rewrites the WiX project, then a copy is kept
    // and the build is stopped before WiX (which would need Windows).
    const captured = join(mkdtempSync(join(tmpdir(), 'wix-')), 'project.wxs')
    const shipped = parse(read(join(ROOT, 'electron-builder.yml'))) as { msiProjectCreated: string }
    const { msiProjectCreated } = createRequire(import.meta.url)(
      join(ROOT, shipped.msiProjectCreated),
    ) as { msiProjectCreated(path: string): Promise<void> }
    const STOP = 'WiX project captured'
    await expect(
      buildInstallers('win32', ['msi'], {
        msiProjectCreated: async (project: string) => {
          await msiProjectCreated(project)
          copyFileSync(project, captured)
          throw new Error(STOP)
        },
      }),
    ).rejects.toThrow(STOP)
    wixProject = read(captured)
  })

  describe('NSIS', () => {
    it('registers mescertif: for every user of the machine (HKLM), opening the installed kiosk with the link', () => {
      const { installer } = compiledScripts(log)
      expect(installer).toContain(`WriteRegStr: ${KEY}\\=URL:MesCertif mail link`)
      expect(installer).toContain(`WriteRegStr: ${KEY}\\URL Protocol=`)
      expect(installer).toContain(`WriteRegStr: ${KEY}\\DefaultIcon\\=$appExe,0`)
      expect(installer).toContain(`WriteRegStr: ${KEY}\\shell\\open\\command\\="$appExe" "%1"`)
      // $appExe is the installed kiosk: set before customInstall runs.
      expect(installer.indexOf('StrCpy $appExe "$INSTDIR\\MesCertif Kiosk.exe"')).toBeLessThan(
        installer.indexOf(`WriteRegStr: ${KEY}`),
      )
    })

    it('removes the keys on uninstall, but not when an update runs the old uninstaller', () => {
      const { uninstaller } = compiledScripts(log)
      const customUnInstall = uninstaller.slice(
        uninstaller.indexOf('!insertmacro: customUnInstall'),
        uninstaller.indexOf('!insertmacro: end of customUnInstall'),
      )
      expect(customUnInstall).toContain(`DeleteRegKey: ${KEY}`)
      expect(customUnInstall).toMatch(/!insertmacro: _If[\s\S]*DeleteRegKey/)
    })

    it('starts the installed kiosk at every sign-in, and forgets that on uninstall but not on update', () => {
      const { installer, uninstaller } = compiledScripts(log)
      expect(installer).toContain(`WriteRegStr: ${RUN}="$appExe"`)
      const customUnInstall = uninstaller.slice(
        uninstaller.indexOf('!insertmacro: customUnInstall'),
        uninstaller.indexOf('!insertmacro: end of customUnInstall'),
      )
      expect(customUnInstall).toMatch(/!insertmacro: _If[\s\S]*DeleteRegValue: /)
      expect(customUnInstall).toContain(`DeleteRegValue: ${RUN}`)
    })

    it('a silent install or update started with --force-run starts the kiosk at once', () => {
      // electron-builder's assisted installer (templates/nsis/installSection.nsh): right after our
      // customInstall, `${if} ${isForceRun} ${andIf} ${Silent}` starts $launchLink as the user.
      const { installer } = compiledScripts(log)
      expect(installer).toContain('!define: "isForceRun"')
      const afterCustomInstall = installer.slice(
        installer.indexOf('!insertmacro: end of customInstall'),
      )
      expect(afterCustomInstall).toMatch(
        /^!insertmacro: end of customInstall\s+!insertmacro: _If[\s\S]*?!insertmacro: _And[\s\S]*?!insertmacro: doStartApp[\s\S]*?Push: \$launchLink[\s\S]*?Plugin command: ExecShellAsUser/,
      )
    })

    it('ships the Shell Launcher file beside the app, for the folder it names', () => {
      const out = mkdtempSync(join(tmpdir(), 'nsis-'))
      run('7za', ['x', '-y', `-o${out}`, join(dist, 'MesCertif Kiosk Setup 0.1.0.exe')])
      const shipped = read(join(out, 'resources', 'lockdown', 'shell-launcher.xml'))
      expect(shipped).toBe(read(join(ROOT, 'resources/lockdown/windows/shell-launcher.xml')))
      // $INSTDIR is $PROGRAMFILES64\${APP_FILENAME} (templates/nsis/multiUser.nsh).
      expect(compiledScripts(log).installer).toContain(
        'Command line defined: "APP_FILENAME=MesCertif Kiosk"',
      )
      // The installed executable, supervised by Shell Launcher (the argument is tied to
      // electron/main/shell/supervision.ts by tests/unit/packaging/lockdown-files.test.ts).
      expect(shipped).toContain(
        'Shell="%ProgramFiles%\\MesCertif Kiosk\\MesCertif Kiosk.exe --supervised"',
      )
    })

    it('installs per machine, with no desktop shortcut', () => {
      const { installer } = compiledScripts(log)
      expect(installer).toContain('Command line defined: "INSTALL_MODE_PER_ALL_USERS"')
      expect(installer).toContain('Command line defined: "DO_NOT_CREATE_DESKTOP_SHORTCUT"')
    })

    it('carries the app: the same asar as the unpacked build, the fuses, and its asar integrity', async () => {
      const out = mkdtempSync(join(tmpdir(), 'nsis-'))
      run('7za', ['x', '-y', `-o${out}`, join(dist, 'MesCertif Kiosk Setup 0.1.0.exe')])
      const asar = join(out, 'resources', 'app.asar')
      expect(
        readFileSync(asar).equals(
          readFileSync(join(dist, 'win-unpacked', 'resources', 'app.asar')),
        ),
      ).toBe(true)
      expect(asarFiles(asar)).toContain('/out/main/index.js')
      expect(asarFiles(asar)).not.toContain('/node_modules/fastify')
      const exe = join(out, 'MesCertif Kiosk.exe')
      expect(await fusesOf(exe)).toBe(SHIPPED_FUSE_WIRE)
      // electron-builder writes the asar header's hash into the .exe; the fuse makes Electron check it.
      const { NtExecutable, NtExecutableResource } = resedit()
      const resources = NtExecutableResource.from(NtExecutable.from(readFileSync(exe)))
      const integrity = resources.entries.find((entry) => entry.type === 'INTEGRITY')
      expect(JSON.parse(Buffer.from(integrity!.bin).toString())).toEqual([
        { file: 'resources\\app.asar', alg: 'SHA256', value: asarHeaderHash(asar) },
      ])
    })
  })

  describe('MSI (the WiX project)', () => {
    it('registers mescertif: per machine in a component of the product feature', () => {
      expect(wixProject).toContain('<Property Id="ALLUSERS" Secure="yes" Value="1"/>')
      expect(wixProject).toContain('<ComponentGroupRef Id="MachineRegistryComponents"/>')
      expect(wixProject).toMatch(
        /<RegistryKey Root="HKLM" Key="Software\\Classes\\mescertif" ForceDeleteOnUninstall="yes">/,
      )
      expect(wixProject).toContain(
        'Key="shell\\open\\command" Value="&quot;[#mainExecutable]&quot; &quot;%1&quot;"',
      )
      expect(wixProject).toContain('<File Name="MesCertif Kiosk.exe"')
    })

    it('starts the installed kiosk at every sign-in (a component Windows Installer removes on uninstall)', () => {
      expect(wixProject).toMatch(
        /<Component Id="StartAtSignIn" Guid="[0-9A-F-]{36}">\s*<RegistryValue Root="HKLM" Key="Software\\Microsoft\\Windows\\CurrentVersion\\Run" Name="MesCertif Kiosk" Type="string" Value="&quot;\[#mainExecutable\]&quot;" KeyPath="yes"\/>/,
      )
    })

    it('adds a Start menu shortcut and no desktop shortcut', () => {
      expect(wixProject).toContain('Id="startMenuShortcut"')
      expect(wixProject).not.toContain('Id="desktopShortcut"')
      expect(wixProject).not.toContain('DesktopFolder')
    })
  })
})
