/**
 * Leak or warm-up? Two (or more) renderer heap snapshots around N registration cycles, compared by
 * node type and constructor name, with retainer paths for the objects born between them that
 * survived.
 *
 *   node --expose-gc --import tsx bench/heap-diff.ts
 *
 * Env: HEAP_DIFF_WARMUP (30) cycles before the first snapshot, HEAP_DIFF_CYCLES (150) cycles
 * between snapshots, HEAP_DIFF_ROUNDS (1) how many such intervals (one snapshot after each),
 * HEAP_DIFF_TOP (30) rows printed, HEAP_DIFF_DIR (os tmpdir) where the .heapsnapshot files go,
 * HEAP_DIFF_PATHS (12) how many grown groups get a sample retainer path;
 * HEAP_DIFF_COMPARE=a.heapsnapshot,b.heapsnapshot,cycles compares two saved snapshots, no browser.
 */
import { createWriteStream, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openBenchKiosk, type BenchKiosk } from './browser-kiosk'
import { registrationCycle } from './registration-cycle'
import { rendererHeap } from './renderer-heap'

const WARM_UP = Number(process.env.HEAP_DIFF_WARMUP ?? 30)
const CYCLES = Number(process.env.HEAP_DIFF_CYCLES ?? 150)
const ROUNDS = Number(process.env.HEAP_DIFF_ROUNDS ?? 1)
const TOP = Number(process.env.HEAP_DIFF_TOP ?? 30)
const PATHS = Number(process.env.HEAP_DIFF_PATHS ?? 12)
const DIR = process.env.HEAP_DIFF_DIR ?? tmpdir()

type Snapshot = {
  nodeTypes: string[]
  edgeTypes: string[]
  strings: string[]
  nodes: Uint32Array | number[]
  edges: Uint32Array | number[]
  nf: number
  ef: number
  f: { type: number; name: number; id: number; self: number; edgeCount: number; detach: number }
  e: { type: number; name: number; to: number }
  count: number
  firstEdge: Uint32Array
}

function loadSnapshot(file: string): Snapshot {
  const raw = JSON.parse(readFileSync(file, 'utf8'))
  const meta = raw.snapshot.meta
  const nodeFields: string[] = meta.node_fields
  const edgeFields: string[] = meta.edge_fields
  const nf = nodeFields.length
  const ef = edgeFields.length
  const nodes: number[] = raw.nodes
  const edges: number[] = raw.edges
  const count = nodes.length / nf
  const f = {
    type: nodeFields.indexOf('type'),
    name: nodeFields.indexOf('name'),
    id: nodeFields.indexOf('id'),
    self: nodeFields.indexOf('self_size'),
    edgeCount: nodeFields.indexOf('edge_count'),
    detach: nodeFields.indexOf('detachedness'),
  }
  const e = {
    type: edgeFields.indexOf('type'),
    name: edgeFields.indexOf('name_or_index'),
    to: edgeFields.indexOf('to_node'),
  }
  const firstEdge = new Uint32Array(count + 1)
  for (let i = 0, at = 0; i < count; i++) {
    firstEdge[i] = at
    at += nodes[i * nf + f.edgeCount]! * ef
    firstEdge[i + 1] = at
  }
  return {
    nodeTypes: meta.node_types[0],
    edgeTypes: meta.edge_types[0],
    strings: raw.strings,
    nodes,
    edges,
    nf,
    ef,
    f,
    e,
    count,
    firstEdge,
  }
}

const typeOf = (s: Snapshot, i: number) => s.nodeTypes[s.nodes[i * s.nf + s.f.type]!]!
const rawName = (s: Snapshot, i: number) => s.strings[s.nodes[i * s.nf + s.f.name]!]!
const idOf = (s: Snapshot, i: number) => s.nodes[i * s.nf + s.f.id]!
const selfOf = (s: Snapshot, i: number) => s.nodes[i * s.nf + s.f.self]!

/** DevTools' Summary class: objects by constructor, the rest by their kind. */
function className(s: Snapshot, i: number): string {
  const type = typeOf(s, i)
  const name = rawName(s, i)
  switch (type) {
    case 'object':
    case 'native': {
      const n = name.replace(/ @\d+$/, '')
      return n.length > 80 ? n.slice(0, 80) + '…' : n
    }
    case 'hidden':
      // "system / FeedbackVector", "system / Map", … keep the system kind, not per-instance text.
      return name.startsWith('system / ') ? name.split(' (')[0]!.slice(0, 60) : '(system)'
    case 'code':
      return '(compiled code)'
    case 'closure':
      return '(closure)'
    case 'array':
      return '(array) ' + (name.length > 40 ? name.slice(0, 40) + '…' : name)
    case 'string':
    case 'concatenated string':
    case 'sliced string':
      return `(${type})`
    default:
      return `(${type})`
  }
}

type Agg = Map<string, { count: number; size: number }>
function aggregate(
  s: Snapshot,
  key: (s: Snapshot, i: number) => string,
  only?: (i: number) => boolean,
) {
  const agg: Agg = new Map()
  for (let i = 0; i < s.count; i++) {
    if (only && !only(i)) continue
    const k = key(s, i)
    const a = agg.get(k) ?? { count: 0, size: 0 }
    a.count++
    a.size += selfOf(s, i)
    agg.set(k, a)
  }
  return agg
}

function diff(a: Agg, b: Agg) {
  const keys = new Set([...a.keys(), ...b.keys()])
  return [...keys].map((k) => {
    const x = a.get(k) ?? { count: 0, size: 0 }
    const y = b.get(k) ?? { count: 0, size: 0 }
    return {
      key: k,
      dCount: y.count - x.count,
      dSize: y.size - x.size,
      count: y.count,
      size: y.size,
    }
  })
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const pad = (text: string, n: number) =>
  text.length >= n ? text : text + ' '.repeat(n - text.length)
const lpad = (text: string, n: number) =>
  text.length >= n ? text : ' '.repeat(n - text.length) + text

function printRows(title: string, rows: ReturnType<typeof diff>, cycles: number) {
  console.log(`\n== ${title}`)
  console.log(
    `${pad('class / (type) name', 64)} ${lpad('Δsize', 12)} ${lpad('Δcount', 8)} ${lpad('/cycle', 8)} ${lpad('count', 8)}`,
  )
  for (const r of rows.slice(0, TOP))
    console.log(
      `${pad(r.key, 64)} ${lpad(kib(r.dSize), 12)} ${lpad(String(r.dCount), 8)} ${lpad((r.dCount / cycles).toFixed(2), 8)} ${lpad(String(r.count), 8)}`,
    )
}

/** Distances from the root over strong edges (DevTools skips weak edges for retaining paths). */
function distances(s: Snapshot) {
  const dist = new Int32Array(s.count).fill(-1)
  const queue = new Uint32Array(s.count)
  let head = 0
  let tail = 0
  dist[0] = 0
  queue[tail++] = 0
  const weak = s.edgeTypes.indexOf('weak')
  while (head < tail) {
    const n = queue[head++]!
    for (let at = s.firstEdge[n]!; at < s.firstEdge[n + 1]!; at += s.ef) {
      if (s.edges[at + s.e.type] === weak) continue
      const to = s.edges[at + s.e.to]! / s.nf
      if (dist[to] !== -1) continue
      dist[to] = dist[n]! + 1
      queue[tail++] = to
    }
  }
  return dist
}

function reverseEdges(s: Snapshot) {
  const counts = new Uint32Array(s.count + 1)
  for (let at = 0; at < s.edges.length; at += s.ef) counts[s.edges[at + s.e.to]! / s.nf + 1]!++
  for (let i = 0; i < s.count; i++) counts[i + 1]! += counts[i]!
  const start = counts.slice()
  const from = new Uint32Array(s.edges.length / s.ef)
  const edgeAt = new Uint32Array(s.edges.length / s.ef)
  const fill = counts.slice()
  for (let n = 0; n < s.count; n++)
    for (let at = s.firstEdge[n]!; at < s.firstEdge[n + 1]!; at += s.ef) {
      const to = s.edges[at + s.e.to]! / s.nf
      const slot = fill[to]!++
      from[slot] = n
      edgeAt[slot] = at
    }
  return { start, from, edgeAt }
}

function edgeLabel(s: Snapshot, at: number) {
  const type = s.edgeTypes[s.edges[at + s.e.type]!]!
  const nameOrIndex = s.edges[at + s.e.name]!
  const name =
    type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : String(s.strings[nameOrIndex])
  return `${type === 'property' ? '.' : `-${type}->`}${name.length > 50 ? name.slice(0, 50) + '…' : name}`
}

function retainerPath(
  s: Snapshot,
  node: number,
  dist: Int32Array,
  rev: ReturnType<typeof reverseEdges>,
): string[] {
  const path: string[] = []
  const weak = s.edgeTypes.indexOf('weak')
  let n = node
  for (let depth = 0; depth < 25 && n !== 0; depth++) {
    let best = -1
    let bestAt = -1
    for (let k = rev.start[n]!; k < rev.start[n + 1]!; k++) {
      const p = rev.from[k]!
      if (s.edges[rev.edgeAt[k]! + s.e.type] === weak) continue
      if (dist[p]! < 0) continue
      if (best === -1 || dist[p]! < dist[best]!) {
        best = p
        bestAt = rev.edgeAt[k]!
      }
    }
    if (best === -1) {
      path.push('  (no strong retainer reachable from root)')
      break
    }
    path.push(
      `  ${edgeLabel(s, bestAt)}  in  ${typeOf(s, best)} ${JSON.stringify(rawName(s, best).slice(0, 70))} @${idOf(s, best)}`,
    )
    n = best
  }
  return path
}

async function takeSnapshot(bench: BenchKiosk, file: string) {
  const cdp = await bench.page.context().newCDPSession(bench.page)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const out = createWriteStream(file)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => out.write(chunk))
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  )
  await cdp.send('HeapProfiler.disable')
  await cdp.detach()
}

function compare(fileA: string, fileB: string, cycles: number) {
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
  printRows('growth by node type (self size)', byType, cycles)

  const byClass = diff(aggregate(a, className), aggregate(b, className))
  printRows(
    'growth by class, by Δsize',
    [...byClass].sort((x, y) => y.dSize - x.dSize),
    cycles,
  )
  printRows(
    'growth by class, by Δcount',
    [...byClass].sort((x, y) => y.dCount - x.dCount),
    cycles,
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
  printRows('closures by function name, by Δcount', closures, cycles)

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
  printRows('survivors born between snapshots, by size (type class)', bornRows, cycles)

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
  )

  // Retainer paths for a sample survivor of the top grown non-code groups.
  const dist = distances(b)
  const rev = reverseEdges(b)
  const skip = /^(code|hidden|number|string|concatenated string|sliced string|synthetic) /
  const groups = bornRows.filter((r) => !skip.test(r.key) && r.dCount >= cycles / 2).slice(0, PATHS)
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

async function main() {
  const bench = await openBenchKiosk()
  const stamp = Date.now()
  const files: string[] = []
  const used: number[] = []
  try {
    let n = 0
    for (let i = 0; i < WARM_UP; i++) await registrationCycle(bench, -++n)
    for (let round = 0; round <= ROUNDS; round++) {
      if (round > 0) {
        const t = performance.now()
        for (let i = 0; i < CYCLES; i++) await registrationCycle(bench, ++n)
        console.log(
          `round ${round}: ${CYCLES} cycles in ${((performance.now() - t) / 1000).toFixed(0)} s`,
        )
      }
      used.push((await rendererHeap(bench.page)).total)
      const file = join(DIR, `heap-diff-${stamp}-${round}.heapsnapshot`)
      await takeSnapshot(bench, file)
      files.push(file)
      console.log(
        `snapshot ${round} after ${WARM_UP + round * CYCLES} cycles: renderer heap ${(used.at(-1)! / 2 ** 20).toFixed(2)} MiB → ${file}`,
      )
    }
  } finally {
    await bench.close()
  }
  console.log(
    `\nrenderer heap (JS + DOM) after a memory-reducing GC: ${used.map((u) => (u / 2 ** 20).toFixed(2)).join(' → ')} MiB (Δ per interval: ${used
      .slice(1)
      .map((u, i) => `${kib(u - used[i]!)}`)
      .join(', ')})`,
  )
  for (let r = 1; r < files.length; r++) {
    console.log(`\n################ snapshot ${r - 1} → ${r} (${CYCLES} cycles)`)
    compare(files[r - 1]!, files[r]!, CYCLES)
  }
}

// HEAP_DIFF_COMPARE=a.heapsnapshot,b.heapsnapshot,cycles: only compare two saved snapshots.
const only = process.env.HEAP_DIFF_COMPARE?.split(',')
if (only) compare(only[0]!, only[1]!, Number(only[2] ?? CYCLES))
else await main()
