import { idOf, rawName, typeOf, type Snapshot } from './snapshot'

/** Distances from the root over strong edges (DevTools skips weak edges for retaining paths). */
export function distances(s: Snapshot) {
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

/** Each node's incoming edges, as index ranges (`start`) into `from` and `edgeAt`. */
export function reverseEdges(s: Snapshot) {
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

/** An edge as DevTools writes it in a retaining path: `.name`, `[n]`, `-context->x`. */
export function edgeLabel(s: Snapshot, at: number) {
  const type = s.edgeTypes[s.edges[at + s.e.type]!]!
  const nameOrIndex = s.edges[at + s.e.name]!
  const name =
    type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : String(s.strings[nameOrIndex])
  return `${type === 'property' ? '.' : `-${type}->`}${name.length > 50 ? name.slice(0, 50) + '…' : name}`
}

/** The shortest strong path from the root to `node`, from `node` up (25 steps at most). */
export function retainerPath(
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
