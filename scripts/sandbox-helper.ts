/**
 * Chromium's sandbox on Linux needs either unprivileged user namespaces or its SUID helper,
 * `chrome-sandbox` beside the binary, owned by root with mode 4755. Stock Ubuntu 24.04 restricts
 * the namespaces (AppArmor: kernel.apparmor_restrict_unprivileged_userns=1), and npm cannot make a
 * file setuid root, so the unpackaged Electron of `npm start` stops at once with "No usable sandbox"
 * there. The kiosk never runs with --no-sandbox (shell/chromium-sandbox.ts): this says the one
 * line that fixes it. (The .deb installs an AppArmor profile that allows the namespaces:
 * app-builder-lib/templates/linux/after-install.tpl.)
 */
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { dirname, join } from 'node:path'

export interface SandboxFacts {
  platform: NodeJS.Platform
  /** Whether this user may create a user namespace (electron-builder's own probe: `unshare -Ur true`). */
  userNamespaces(): boolean
  /** Owner and mode of a file, or undefined when it is missing. */
  stat(path: string): { uid: number; mode: number } | undefined
}

export const hostSandboxFacts: SandboxFacts = {
  platform: process.platform,
  userNamespaces: () => spawnSync('unshare', ['-Ur', 'true'], { stdio: 'ignore' }).status === 0,
  stat: (path) => {
    try {
      return statSync(path)
    } catch {
      return undefined
    }
  },
}

const SETUID_ROOT = 0o4755

/** The line that makes Electron's sandbox start here, or undefined when it will start as it is. */
export function sandboxHelperAdvice(
  electronBinary: string,
  facts: SandboxFacts = hostSandboxFacts,
): string | undefined {
  if (facts.platform !== 'linux' || facts.userNamespaces()) return undefined
  const helper = join(dirname(electronBinary), 'chrome-sandbox')
  const file = facts.stat(helper)
  if (file && file.uid === 0 && (file.mode & 0o7777) === SETUID_ROOT) return undefined
  return `Electron's sandbox cannot start here (user namespaces are restricted and its helper is not setuid root); run once: sudo chown root:root '${helper}' && sudo chmod 4755 '${helper}'`
}
