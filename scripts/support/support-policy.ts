/**
 * Whether the foundation is still in support: the rules of `npm run check:support`, without I/O so
 * they can be tested on fixtures.
 *
 * - Electron supports its latest three stable majors (electronjs.org/docs/latest/tutorial/electron-timelines):
 *   ours may be at most two behind the registry's `latest`.
 * - Node's release lines end on published dates (github.com/nodejs/Release, schedule.json). The
 *   floor of package.json's `engines.node` must name a line whose end is still ahead.
 */

/** End of life of each Node release line, from nodejs/Release's schedule.json (UTC dates). */
export const NODE_END_OF_LIFE: Readonly<Record<number, string>> = {
  18: '2025-04-30',
  20: '2026-04-30',
  21: '2024-06-01',
  22: '2027-04-30',
  23: '2025-06-01',
  24: '2028-04-30',
  25: '2026-06-01',
  26: '2029-04-30',
}

/** How many stable Electron majors are supported at once, the latest included. */
export const ELECTRON_SUPPORTED_MAJORS = 3
/** Warn this long before a Node line's end, so the move is planned rather than forced. */
export const NODE_WARNING_DAYS = 180

export type Verdict = 'ok' | 'warn' | 'fail'

export interface Finding {
  subject: 'electron' | 'node'
  verdict: Verdict
  message: string
}

export function majorOf(version: string): number {
  const match = /^\D*(\d+)\./.exec(version)
  if (!match?.[1]) throw new Error(`not a version: ${version}`)
  return Number(match[1])
}

/** Our Electron against the registry's dist-tags (`npm view electron dist-tags --json`). */
export function checkElectron(ours: string, distTags: Record<string, string>): Finding {
  const latest = distTags.latest
  if (!latest)
    return {
      subject: 'electron',
      verdict: 'fail',
      message: 'the registry named no latest Electron',
    }
  const behind = majorOf(latest) - majorOf(ours)
  const oldestSupported = majorOf(latest) - (ELECTRON_SUPPORTED_MAJORS - 1)
  if (behind >= ELECTRON_SUPPORTED_MAJORS)
    return {
      subject: 'electron',
      verdict: 'fail',
      message: `Electron ${ours} is out of support: the latest is ${latest}, and only ${oldestSupported}.x and later get security fixes`,
    }
  if (behind === ELECTRON_SUPPORTED_MAJORS - 1)
    return {
      subject: 'electron',
      verdict: 'warn',
      message: `Electron ${ours} is the oldest supported major (latest ${latest}): it leaves support with the next major`,
    }
  return {
    subject: 'electron',
    verdict: 'ok',
    message: `Electron ${ours} is supported (latest ${latest})`,
  }
}

/** The lowest Node major an `engines.node` range admits (`>=24.11.0`, `^24.11.0 || >=26`, `24.x`). */
export function engineFloorMajor(range: string): number {
  const majors = [...range.matchAll(/(?:^|[\s|>=^~])v?(\d+)(?:\.[\dx*]+){0,2}/g)].map((m) =>
    Number(m[1]),
  )
  if (majors.length === 0) throw new Error(`engines.node names no version: ${range}`)
  return Math.min(...majors)
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The floor of our `engines.node` against Node's end-of-life dates, on a given day. */
export function checkNode(enginesRange: string, today: Date): Finding {
  const floor = engineFloorMajor(enginesRange)
  const end = NODE_END_OF_LIFE[floor]
  if (!end)
    return {
      subject: 'node',
      verdict: 'fail',
      message: `Node ${floor} (engines "${enginesRange}") is not a release line this check knows: add its end of life to scripts/support/support-policy.ts`,
    }
  if (floor % 2 === 1)
    return {
      subject: 'node',
      verdict: 'fail',
      message: `Node ${floor} is an odd, non-LTS line (engines "${enginesRange}"): build on an LTS line`,
    }
  const left = Math.floor((Date.parse(`${end}T00:00:00Z`) - today.getTime()) / DAY_MS)
  if (left <= 0)
    return {
      subject: 'node',
      verdict: 'fail',
      message: `Node ${floor} (engines "${enginesRange}") reached end of life on ${end}: move to the current LTS`,
    }
  if (left <= NODE_WARNING_DAYS)
    return {
      subject: 'node',
      verdict: 'warn',
      message: `Node ${floor} (engines "${enginesRange}") reaches end of life on ${end}, in ${left} days`,
    }
  return {
    subject: 'node',
    verdict: 'ok',
    message: `Node ${floor} (engines "${enginesRange}") is supported until ${end}`,
  }
}

/** The process's exit code: only a `fail` fails. */
export function exitCodeOf(findings: readonly Finding[]): number {
  return findings.some((finding) => finding.verdict === 'fail') ? 1 : 0
}
