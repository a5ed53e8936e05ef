#!/usr/bin/env node
// Stand-in for fpm (not packaged by Debian), never shipped: electron-builder runs it through
// CUSTOM_FPM_PATH (app-builder-lib/out/toolsets/linux.js) with the arguments FpmTarget.executeFpm
// builds. This turns that `-s dir -t deb` call into a staging tree and `dpkg-deb --build`: the
// control fields, maintainer scripts and file mappings are electron-builder's own.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const FLAGS = new Set(['--force', '--debug'])
const options = new Map()
const mappings = []
const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  const arg = args[i]
  if (FLAGS.has(arg)) continue
  if (arg.startsWith('-')) {
    options.set(arg, [...(options.get(arg) ?? []), args[++i]])
    continue
  }
  const split = arg.lastIndexOf('=')
  mappings.push({ from: arg.slice(0, split), to: arg.slice(split + 1) })
}
const one = (name) => options.get(name)?.at(-1)
if (one('-t') !== 'deb' || one('-s') !== 'dir') throw new Error('fpm stand-in: only -s dir -t deb')

const root = mkdtempSync(join(tmpdir(), 'fpm-deb-'))
for (const { from, to } of mappings) {
  const target = join(root, to)
  mkdirSync(from.endsWith('/') ? target : dirname(target), { recursive: true })
  cpSync(from, target, { recursive: true })
}
const [summary, ...details] = (one('--description') ?? '').split('\n')
const control = {
  Package: one('--name'),
  Version: one('--version'),
  License: one('--license'),
  Vendor: one('--vendor'),
  Architecture: one('--architecture'),
  Maintainer: one('--maintainer'),
  Depends: (options.get('-d') ?? []).join(', '),
  Recommends: (options.get('--deb-recommends') ?? []).join(', '),
  Section: one('--category') ?? 'default',
  Priority: one('--deb-priority'),
  Homepage: one('--url'),
  Description: [summary || one('--name'), ...details.map((line) => ` ${line.trim() || '.'}`)].join(
    '\n',
  ),
}
mkdirSync(join(root, 'DEBIAN'))
writeFileSync(
  join(root, 'DEBIAN', 'control'),
  Object.entries(control)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n') + '\n',
)
for (const [option, script] of [
  ['--after-install', 'postinst'],
  ['--after-remove', 'postrm'],
]) {
  if (!one(option)) continue
  cpSync(one(option), join(root, 'DEBIAN', script))
  chmodSync(join(root, 'DEBIAN', script), 0o755)
}
const compression = { xz: 'xz', gz: 'gzip', bzip2: 'gzip', none: 'none' }[
  one('--deb-compression') ?? 'xz'
]
execFileSync(
  'dpkg-deb',
  ['--root-owner-group', `-Z${compression}`, '--build', root, one('--package')],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
)
rmSync(root, { recursive: true, force: true })
