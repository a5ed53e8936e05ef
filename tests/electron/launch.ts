import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { demoConfig } from '@main/config/demo'
import { electronBinary } from '../../scripts/electron-binary'

export const ROOT = resolve(import.meta.dirname, '../..')
export const NOT_INSTALLED = 'Electron binary not installed'

/**
 * What the suite launches: `source` is the Electron from node_modules running the built app
 * (`npm run build`); `packaged` is the `npm run dist:e2e` build, the shipped configuration with
 * only the inspect fuse left on (Playwright drives Electron through it).
 */
export type Target = 'source' | 'packaged'

// Never require('electron') here: outside Electron that downloads the binary (scripts/electron-binary.ts).
export { electronBinary }

/** Where `npm run dist:e2e` puts the app, per OS (x64 and arm64 output folders). */
const PACKAGED: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['linux-unpacked', 'linux-arm64-unpacked'].map((dir) => `${dir}/mescertif-kiosk`),
  win32: ['win-unpacked', 'win-arm64-unpacked'].map((dir) => `${dir}/MesCertif Kiosk.exe`),
  darwin: ['mac', 'mac-arm64'].map(
    (dir) => `${dir}/MesCertif Kiosk.app/Contents/MacOS/MesCertif Kiosk`,
  ),
}

/** Skips the calling test, with its reason, when this target cannot run here. */
export function requireTarget(target: Target): { executablePath: string; args: string[] } {
  const binary = electronBinary()
  test.skip(!binary, NOT_INSTALLED)
  if (target === 'source') return { executablePath: binary!, args: [ROOT] }
  const packaged = (PACKAGED[process.platform] ?? [])
    .map((path) => resolve(ROOT, 'dist-e2e', path))
    .find((path) => existsSync(path))
  test.skip(!packaged, 'no dist:e2e build (run: npm run dist:e2e)')
  return { executablePath: packaged!, args: [] }
}

/** A config file in a mode (the keychain is not provisioned: the set-up screen). */
export function configFile(mode: 'kiosk' | 'counter'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-config-')), 'config.json')
  writeFileSync(file, JSON.stringify({ ...demoConfig('http://127.0.0.1:9'), mode }))
  return file
}

/** A kiosk-mode config file: full screen, locked down. */
export const kioskModeConfig = () => configFile('kiosk')

export interface LaunchOptions {
  args?: string[]
  env?: Record<string, string>
}

/** Launches the kiosk with a user-data folder of its own, and waits for its window. */
export async function launchKiosk(
  target: Target,
  options: LaunchOptions = {},
): Promise<{ app: ElectronApplication; page: Page; userData: string }> {
  const { executablePath, args } = requireTarget(target)
  const userData = mkdtempSync(join(tmpdir(), 'kiosk-user-data-'))
  const app = await electron.launch({
    executablePath,
    args: [...args, `--user-data-dir=${userData}`, ...(options.args ?? [])],
    env: { ...process.env, MESCERTIF_KIOSK_CONFIG: '', ...options.env } as Record<string, string>,
  })
  const page = await app.firstWindow()
  return { app, page, userData }
}
