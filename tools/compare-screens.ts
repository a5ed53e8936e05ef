/**
 * Compares two folders of screenshots pixel by pixel: every PNG in either folder, by name.
 *
 *   npx tsx tools/compare-screens.ts <beforeDir> <afterDir> [diffDir]
 *
 * For each file: its size on both sides, the number of pixels whose RGBA differs at all (no
 * tolerance), and their share of the image. Where pixels differ and a diffDir is given, a diff PNG
 * of the same name goes there: the after image faded to a fifth of its contrast, differing pixels
 * in pure red. Exits 1 when any image differs, differs in size, or is missing on one side; 0 when
 * every image is the same; 2 on wrong use.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PNG } from 'pngjs'

type Row = {
  file: string
  size: string
  differing: string
  share: string
  same: boolean
}

const pngsIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.png'))
    .sort()

const readPng = (path: string): PNG => PNG.sync.read(readFileSync(path))

/** Exact RGBA compare; a diff image with differing pixels red over a faded copy of `after`. */
function comparePixels(before: PNG, after: PNG): { differing: number; diff: PNG } {
  const diff = new PNG({ width: after.width, height: after.height })
  let differing = 0
  for (let offset = 0; offset < after.data.length; offset += 4) {
    let same = true
    for (let channel = 0; channel < 4; channel++)
      if (before.data[offset + channel] !== after.data[offset + channel]) same = false
    if (same) {
      const red = after.data[offset] ?? 0
      const green = after.data[offset + 1] ?? 0
      const blue = after.data[offset + 2] ?? 0
      const grey = Math.round(0.299 * red + 0.587 * green + 0.114 * blue)
      const faded = 255 - Math.round((255 - grey) / 5)
      diff.data[offset] = faded
      diff.data[offset + 1] = faded
      diff.data[offset + 2] = faded
    } else {
      differing++
      diff.data[offset] = 255
      diff.data[offset + 1] = 0
      diff.data[offset + 2] = 0
    }
    diff.data[offset + 3] = 255
  }
  return { differing, diff }
}

function compareFile(file: string, beforeDir: string, afterDir: string, diffDir?: string): Row {
  const beforePath = join(beforeDir, file)
  const afterPath = join(afterDir, file)
  if (!existsSync(beforePath) || !existsSync(afterPath)) {
    const side = existsSync(beforePath) ? 'after' : 'before'
    return { file, size: '—', differing: `missing in ${side}`, share: '—', same: false }
  }
  const before = readPng(beforePath)
  const after = readPng(afterPath)
  if (before.width !== after.width || before.height !== after.height) {
    return {
      file,
      size: `${before.width}×${before.height} ≠ ${after.width}×${after.height}`,
      differing: 'size differs',
      share: '—',
      same: false,
    }
  }
  const size = `${after.width}×${after.height}`
  const { differing, diff } = comparePixels(before, after)
  if (differing > 0 && diffDir) {
    mkdirSync(diffDir, { recursive: true })
    writeFileSync(join(diffDir, file), PNG.sync.write(diff))
  }
  const total = after.width * after.height
  const share = `${((100 * differing) / total).toFixed(differing > 0 && differing < total / 1e4 ? 4 : 2)} %`
  return { file, size, differing: String(differing), share, same: differing === 0 }
}

function table(rows: Row[]): string {
  const header: Row = {
    file: 'file',
    size: 'size',
    differing: 'differing pixels',
    share: '%',
    same: true,
  }
  const columns = ['file', 'size', 'differing', 'share'] as const
  const widths = columns.map((column) =>
    Math.max(...[header, ...rows].map((row) => row[column].length)),
  )
  const line = (row: Row) =>
    columns
      .map((column, index) =>
        column === 'file' || column === 'size'
          ? row[column].padEnd(widths[index] ?? 0)
          : row[column].padStart(widths[index] ?? 0),
      )
      .join('  ')
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [line(header), rule, ...rows.map(line)].join('\n')
}

function main(args: string[]): number {
  const [beforeArg, afterArg, diffArg] = args
  if (!beforeArg || !afterArg || args.length > 3) {
    console.error('usage: npx tsx tools/compare-screens.ts <beforeDir> <afterDir> [diffDir]')
    return 2
  }
  const beforeDir = resolve(beforeArg)
  const afterDir = resolve(afterArg)
  const diffDir = diffArg ? resolve(diffArg) : undefined
  for (const dir of [beforeDir, afterDir]) {
    if (!existsSync(dir)) {
      console.error(`no such folder: ${dir}`)
      return 2
    }
  }
  const files = [...new Set([...pngsIn(beforeDir), ...pngsIn(afterDir)])].sort()
  if (files.length === 0) {
    console.error(`no PNG in ${beforeDir} nor in ${afterDir}`)
    return 1
  }
  const rows = files.map((file) => compareFile(file, beforeDir, afterDir, diffDir))
  const differing = rows.filter((row) => !row.same)
  process.stdout.write(`before: ${beforeDir}\nafter:  ${afterDir}\n\n${table(rows)}\n\n`)
  process.stdout.write(
    differing.length === 0
      ? `${rows.length} images, all pixel-identical\n`
      : `${differing.length} of ${rows.length} images differ or are missing on one side` +
          (diffDir ? ` (diff images in ${diffDir})` : '') +
          '\n',
  )
  return differing.length === 0 ? 0 : 1
}

process.exitCode = main(process.argv.slice(2))
