import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * `electron-vite build`, run by this Node with electron-vite's own CLI file. Not `npx`: on Windows
 * that is `npx.cmd`, and Node's child_process starts no `.cmd` or `.bat` without a shell (it
 * refuses with EINVAL since the fix for CVE-2024-27980), while a shell would parse the arguments
 * again.
 */
export function electronViteBuild(): { command: string; args: string[] } {
  const manifest = createRequire(import.meta.url).resolve('electron-vite/package.json')
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }
  const cli = bin['electron-vite']
  if (!cli) throw new Error('electron-vite names no electron-vite command')
  return { command: process.execPath, args: [join(dirname(manifest), cli), 'build'] }
}
