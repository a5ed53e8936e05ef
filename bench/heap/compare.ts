import { aggregate, diff, kib, printRows, type Agg } from './growth'
import { distances, edgeLabel, retainerPath, reverseEdges } from './retainers'
import { className, idOf, loadSnapshot, rawName, selfOf, typeOf, type Snapshot } from './snapshot'

/**
 * What grew between two snapshots taken `cycles` registrations apart: totals, growth by node type,
 * class and closure, the survivors born in between, detached DOM, the retainers of the classes
 * that grew, and a sample retaining path for each of the `paths` largest grown groups.
 */
export function compare(
  fileA: string,
  fileB: string,
  cycles: number,
  { top, paths }: { top: number; paths: number },
) {
  const a = loadSnapshot(fileA)
  const b = loadSnapshot(fileB)
  const total = (s: Snapshot) => {
    let t = 0
    for (let i = 0; i < s.count; i++) t += selfOf(s, i)
    return t
  }
  console.log(
    `\nsnapshot totals: ${kib(total(a))} (${a.count} nodes) → ${kib(total(b))} (${b.count} nodes): Δ ${kib(total(b) - total(a))} over ${cycles} cycles = ${((total(b) - total(a)) / cycles) | 0} B/cycle`,
  )

  const byType = diff(
    aggregate(a, (s, i) => typeOf(s, i)),
    aggregate(b, (s, i) => typeOf(s, i)),
  ).sort((x, y) => y.dSize - x.dSize)
  printRows('growth by node type (self size)', byType, cycles, top)

  const byClass = diff(aggregate(a, className), aggregate(b, className))
  printRows(
    'growth by class, by Δsize',
    [...byClass].sort((x, y) => y.dSize - x.dSize),
    cycles,
    top,
  )
  printRows(
    'growth by class, by Δcount',
    [...byClass].sort((x, y) => y.dCount - x.dCount),
    cycles,
    top,
  )

  // Closures by function name and (system) by exact name: which code is being retained.
  const closures = diff(
    aggregate(
      a,
      (s, i) => `closure ${rawName(s, i)}`,
      (i) => typeOf(a, i) === 'closure',
    ),
    aggregate(
      b,
      (s, i) => `closure ${rawName(s, i)}`,
      (i) => typeOf(b, i) === 'closure',
    ),
  ).sort((x, y) => y.dCount - x.dCount)
  printRows('closures by function name, by Δcount', closures, cycles, top)

  // Objects born between the two snapshots that survived: ids absent from the first.
  const oldIds = new Set<number>()
  for (let i = 0; i < a.count; i++) oldIds.add(idOf(a, i))
  const isNew = (i: number) => !oldIds.has(idOf(b, i))
  const born = aggregate(b, (s, i) => `${typeOf(s, i)} ${className(s, i)}`, isNew)
  const bornRows = [...born]
    .map(([key, v]) => ({ key, dCount: v.count, dSize: v.size, count: v.count, size: v.size }))
    .sort((x, y) => y.dSize - x.dSize)
  const bornTotal = bornRows.reduce((t, r) => t + r.dSize, 0)
  console.log(
    `\nnew since first snapshot and still alive: ${kib(bornTotal)} in ${bornRows.reduce((t, r) => t + r.dCount, 0)} nodes`,
  )
  printRows('survivors born between snapshots, by size (type class)', bornRows, cycles, top)

  const detached = (s: Snapshot) => {
    let n = 0
    let size = 0
    for (let i = 0; i < s.count; i++)
      if (
        rawName(s, i).startsWith('Detached ') ||
        (s.f.detach >= 0 && s.nodes[i * s.nf + s.f.detach] === 2)
      ) {
        n++
        size += selfOf(s, i)
      }
    return { n, size }
  }
  const da = detached(a)
  const db = detached(b)
  console.log(`\ndetached DOM nodes: ${da.n} (${kib(da.size)}) → ${db.n} (${kib(db.size)})`)

  // Who holds the grown classes: count of (retainer class, edge) per grown object class, diffed.
  const grownClasses = [...byClass]
    .filter((r) => r.dCount >= cycles / 2 && !r.key.startsWith('(compiled code)'))
    .sort((x, y) => y.dCount - x.dCount)
    .slice(0, 10)
    .map((r) => r.key)
  const byRetainer = (s: Snapshot) => {
    const rev = reverseEdges(s)
    const weak = s.edgeTypes.indexOf('weak')
    const agg: Agg = new Map()
    for (let i = 0; i < s.count; i++) {
      const c = className(s, i)
      if (!grownClasses.includes(c)) continue
      for (let k = rev.start[i]!; k < rev.start[i + 1]!; k++) {
        const at = rev.edgeAt[k]!
        if (s.edges[at + s.e.type] === weak) continue
        const label = edgeLabel(s, at).replace(/\[\d+\]/, '[n]')
        const key = `${c}  <-${label}  in  ${className(s, rev.from[k]!)}`
        const a = agg.get(key) ?? { count: 0, size: 0 }
        a.count++
        a.size += selfOf(s, i)
        agg.set(key, a)
      }
    }
    return agg
  }
  printRows(
    'retainers (edge + holder class) of the classes that grew by ≥ 0.5 per cycle, by Δcount',
    diff(byRetainer(a), byRetainer(b)).sort((x, y) => y.dCount - x.dCount),
    cycles,
    top,
  )

  // Retainer paths for a sample survivor of the top grown non-code groups.
  const dist = distances(b)
  const rev = reverseEdges(b)
  const skip = /^(code|hidden|number|string|concatenated string|sliced string|synthetic) /
  const groups = bornRows.filter((r) => !skip.test(r.key) && r.dCount >= cycles / 2).slice(0, paths)
  console.log(
    `\n== sample retainer paths (survivors, groups with ≥ 0.5 new per cycle, code/system excluded)`,
  )
  for (const g of groups) {
    let sample = -1
    for (let i = b.count - 1; i >= 0; i--)
      if (isNew(i) && `${typeOf(b, i)} ${className(b, i)}` === g.key && dist[i]! > 0) {
        sample = i
        break
      }
    console.log(
      `\n${g.key}: +${g.dCount} (${(g.dCount / cycles).toFixed(2)}/cycle), ${kib(g.dSize)}`,
    )
    if (sample === -1) {
      console.log('  (no reachable sample)')
      continue
    }
    console.log(`  sample @${idOf(b, sample)} ${JSON.stringify(rawName(b, sample).slice(0, 80))}`)
    for (const line of retainerPath(b, sample, dist, rev)) console.log(line)
  }
}
