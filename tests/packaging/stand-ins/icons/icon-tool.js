// Stand-in for electron-builder's icons toolset (ELECTRON_BUILDER_ICONS_TOOLSET_DIR,
// app-builder-lib/out/toolsets/icons.js), never shipped: `--format=ico` wraps the PNG as the one
// image of an .ico (PNG-in-ICO, valid since Windows Vista), written as <out>/icon.ico.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
if (arg('format') !== 'ico')
  throw new Error(`icon-tool stand-in: only --format=ico, not ${arg('format')}`)
const png = readFileSync(arg('input'))
const header = Buffer.alloc(22)
header.writeUInt16LE(1, 2) // icon
header.writeUInt16LE(1, 4) // one image
header.writeUInt8(0, 6) // 256 px (0 means 256)
header.writeUInt8(0, 7)
header.writeUInt16LE(1, 10) // planes
header.writeUInt16LE(32, 12) // bits per pixel
header.writeUInt32LE(png.length, 14)
header.writeUInt32LE(22, 18)
writeFileSync(join(arg('out'), 'icon.ico'), Buffer.concat([header, png]))
