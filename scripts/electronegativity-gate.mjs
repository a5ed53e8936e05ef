// Electron security gate: electronegativity over main, preload and the built renderer page.
// electronegativity exits 0 even with findings, so this parses its SARIF and fails on any finding
// not justified in security/electronegativity-allowlist.json.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'

const stage = 'test-results/electronegativity/input'
const report = 'test-results/electronegativity/report.sarif'
rmSync('test-results/electronegativity', { recursive: true, force: true })
mkdirSync(stage, { recursive: true })
cpSync('electron', `${stage}/electron`, { recursive: true })
mkdirSync(`${stage}/renderer`, { recursive: true })
cpSync('out/renderer/index.html', `${stage}/renderer/index.html`)

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
// Its CLI file run by this Node, with got kept off the network (electronegativity-offline.cjs).
// Its AvailableSecurityFixes check needs Electron's releases list from GitHub: left out here, as
// `npm run check:support` says whether our Electron still gets security fixes.
const cli = require.resolve('@doyensec/electronegativity/dist/index.js')
execFileSync(
  process.execPath,
  [
    '--require',
    './scripts/electronegativity-offline.cjs',
    cli,
    '-i',
    stage,
    '-o',
    report,
    '-r',
    '-e',
    electronVersion,
    '-x',
    'AvailableSecurityFixesGlobalCheck',
  ],
  { stdio: ['ignore', 'ignore', 'pipe'] },
)

const sarif = JSON.parse(readFileSync(report, 'utf8'))
const findings = sarif.runs.flatMap((run) =>
  (run.results ?? []).map((result) => {
    const location = result.locations?.[0]?.physicalLocation
    return {
      check: result.ruleId,
      severity: result.level,
      file: location?.artifactLocation?.uri ?? 'N/A',
      location: `${location?.region?.startLine ?? 0}:${location?.region?.startColumn ?? 0}`,
      description: result.message?.text ?? '',
    }
  }),
)
const allowlist = JSON.parse(readFileSync('security/electronegativity-allowlist.json', 'utf8'))
const allowed = (finding) =>
  allowlist.find(
    (entry) =>
      entry.check === finding.check && finding.file.replace(/\\/g, '/').endsWith(entry.file),
  )
const unjustified = findings.filter((finding) => !allowed(finding))
const unused = allowlist.filter((entry) => !findings.some((finding) => allowed(finding) === entry))

console.log(
  `electronegativity ${electronVersion}: ${findings.length} findings, ${findings.length - unjustified.length} justified in the allow-list, ${unjustified.length} not`,
)
for (const finding of unjustified)
  console.error(
    `  ${finding.check} ${finding.severity} ${finding.file}:${finding.location} ${finding.description}`,
  )
for (const entry of unused)
  console.error(`  allow-list entry no longer needed: ${entry.check} ${entry.file}`)
process.exit(unjustified.length === 0 && unused.length === 0 ? 0 : 1)
