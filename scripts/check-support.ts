// `npm run check:support`: fails when our Electron major is out of support (more than two behind
// the registry's latest) or when the floor of engines.node is past its end of life. The release
// workflow runs it and fails on it; .ci/run prints it without failing (docs/release.md).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { checkElectron, checkNode, exitCodeOf, type Finding } from './support/support-policy'

const root = resolve(import.meta.dirname, '..')

interface Lockfile {
  packages: Record<string, { version?: string }>
}
interface PackageJson {
  engines?: { node?: string }
}

/** Our Electron is what the lockfile installs, not what a range in package.json could admit. */
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as Lockfile
const ours = lock.packages['node_modules/electron']?.version
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as PackageJson

const findings: Finding[] = []
if (!ours)
  findings.push({
    subject: 'electron',
    verdict: 'fail',
    message: 'package-lock.json installs no electron',
  })
else {
  try {
    // npm view goes through the user's npm config: registry, proxy, certificates.
    const distTags = JSON.parse(
      execFileSync('npm', ['view', 'electron', 'dist-tags', '--json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 30_000,
        shell: process.platform === 'win32',
      }),
    ) as Record<string, string>
    findings.push(checkElectron(ours, distTags))
  } catch (error) {
    findings.push({
      subject: 'electron',
      verdict: 'fail',
      message: `the npm registry did not answer for electron's dist-tags (${(error as Error).message.split('\n')[0]})`,
    })
  }
}
findings.push(
  pkg.engines?.node
    ? checkNode(pkg.engines.node, new Date())
    : { subject: 'node', verdict: 'fail', message: 'package.json has no engines.node' },
)

for (const finding of findings) console.log(`check:support ${finding.verdict}: ${finding.message}`)
process.exit(exitCodeOf(findings))
