import { execFileSync } from 'node:child_process'
import { cpus, loadavg, release, totalmem } from 'node:os'
import { chromiumLaunchOptions } from '../tests/e2e/harness/chromium'

/** The machine a run was made on: the figures mean nothing without it. */
export function describeMachine() {
  const chromium = execFileSync(chromiumLaunchOptions.executablePath, ['--version'], {
    encoding: 'utf8',
    // Debian's wrapper script complains on stderr about its own memory check.
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim()
  return {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
    chromium,
  }
}

/**
 * The 1-minute load average, as `uptime` prints it: on a shared machine it says how busy the
 * others made it while a measure ran (2 means both cores busy on average).
 */
export const currentLoad = () => Number(loadavg()[0]!.toFixed(2))
