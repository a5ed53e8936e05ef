import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Starts the reference service as its own Node process (better-sqlite3 is not N-API, so it never
 * runs inside Electron) and resolves with its address once it prints `listening on …`.
 */
export function launchService(
  args: readonly string[],
  /** Secrets go in the environment, never in `args` (every local account can read those). */
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'service/cli.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = /^listening on (http:\/\/\S+)$/.exec(line)?.[1]
      if (url) resolve({ child, url })
    })
    child.once('exit', (code) => reject(new Error(`the service exited (${code})`)))
  })
}
