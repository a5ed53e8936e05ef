import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { createElectronDist } from './stand-ins/electron-dist'
import { createNsisResources } from './stand-ins/nsis-plugins'

export const ROOT = resolve(import.meta.dirname, '../..')
const STAND_INS = resolve(import.meta.dirname, 'stand-ins')

type Config = Record<string, unknown>
type Targets = Map<unknown, Map<unknown, string[]>>
type Builder = {
  build(options: { projectDir: string; targets: Targets; config: Config }): Promise<string[]>
  Platform: Record<'LINUX' | 'WINDOWS', { createTarget(types: string[], arch: unknown): Targets }>
  Arch: { x64: unknown }
}

/** What stands in for electron-builder's AppImage runtime at the start of an .AppImage file. */
export const APPIMAGE_RUNTIME_STAND_IN = 'stand-in AppImage runtime (tests/packaging)\n'

/**
 * APPIMAGE_TOOLS_PATH (app-builder-lib/out/toolsets/linux.js getAppImageTools, FUSE2 layout):
 * Debian's mksquashfs (squashfs-tools) and desktop-file-validate (desktop-file-utils), and a
 * stand-in runtime — Debian packages no AppImage runtime. The squashfs payload electron-builder
 * appends after it is the real one.
 */
function createAppImageTools(dir: string): string {
  mkdirSync(join(dir, 'linux-x64'), { recursive: true })
  mkdirSync(join(dir, 'lib', 'x64'), { recursive: true })
  symlinkSync('/usr/bin/mksquashfs', join(dir, 'linux-x64', 'mksquashfs'))
  symlinkSync('/usr/bin/desktop-file-validate', join(dir, 'linux-x64', 'desktop-file-validate'))
  writeFileSync(join(dir, 'runtime-x64'), APPIMAGE_RUNTIME_STAND_IN, { mode: 0o755 })
  return dir
}

/**
 * electron-builder reads its tool overrides from the environment (app-builder-lib/out/toolsets/):
 * the stand-ins for what it would download, and Debian's packages for the rest (nsis, p7zip-full,
 * dpkg). Nothing here reaches the network.
 */
function useStandInTools(work: string): void {
  const templates = join(
    dirname(createRequire(import.meta.url).resolve('app-builder-lib/package.json')),
    'templates',
    'nsis',
  )
  Object.assign(process.env, {
    CUSTOM_FPM_PATH: join(STAND_INS, 'fpm.mjs'),
    ELECTRON_BUILDER_NSIS_DIR: join(STAND_INS, 'nsis'),
    ELECTRON_BUILDER_NSIS_RESOURCES_DIR: createNsisResources(
      join(work, 'nsis-resources'),
      templates,
    ),
    ELECTRON_BUILDER_7ZIP_PATH: '/usr/bin/7za',
    ELECTRON_BUILDER_ICONS_TOOLSET_DIR: join(STAND_INS, 'icons'),
    APPIMAGE_TOOLS_PATH: createAppImageTools(join(work, 'appimage-tools')),
    USE_SYSTEM_WINE: 'true',
    PATH: `${join(STAND_INS, 'wine', 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    MAKENSIS_LOG: join(work, 'makensis.log'),
  })
}

/** The Electron the lockfile installs: the installers are stamped with what IT would receive. */
export function lockedElectronVersion(): string {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>
  }
  const version = lock.packages['node_modules/electron']?.version
  if (!version) throw new Error('package-lock.json installs no electron')
  return version
}

export interface BuiltInstallers {
  /** electron-builder's output folder. */
  output: string
  /** makensis' -V4 log of every NSIS compile (Windows builds). */
  makensisLog: string
}

/**
 * The shipped electron-builder.yml, around a stand-in Electron, into a fresh output folder.
 * electron-builder loads the yml itself and deep-merges `config` over it (app-builder-lib/out/util/
 * config/config.js getConfig), so only what differs for the proof is given here.
 */
export async function buildInstallers(
  platform: 'linux' | 'win32',
  targets: string[],
  overrides: Config = {},
): Promise<BuiltInstallers> {
  const { build, Platform, Arch } = (await import('electron-builder')) as unknown as Builder
  const work = mkdtempSync(join(tmpdir(), `installers-${platform}-`))
  useStandInTools(work)
  const output = join(work, 'dist')
  await build({
    projectDir: ROOT,
    targets: Platform[platform === 'linux' ? 'LINUX' : 'WINDOWS'].createTarget(targets, Arch.x64),
    config: {
      ...overrides,
      directories: { output },
      electronDist: createElectronDist(join(work, 'electron'), platform, lockedElectronVersion()),
      electronVersion: lockedElectronVersion(),
      // keytar stays as built for Node: these installers are inspected, never run.
      npmRebuild: false,
      // No signing tool here, and rcedit would need wine for real.
      win: { signAndEditExecutable: false },
      publish: null,
    },
  })
  return { output, makensisLog: join(work, 'makensis.log') }
}
