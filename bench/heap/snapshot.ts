import { readFileSync } from 'node:fs'

/** A V8 heap snapshot (.heapsnapshot) as flat arrays, with the field offsets its meta names. */
export type Snapshot = {
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

export function loadSnapshot(file: string): Snapshot {
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

export const typeOf = (s: Snapshot, i: number) => s.nodeTypes[s.nodes[i * s.nf + s.f.type]!]!
export const rawName = (s: Snapshot, i: number) => s.strings[s.nodes[i * s.nf + s.f.name]!]!
export const idOf = (s: Snapshot, i: number) => s.nodes[i * s.nf + s.f.id]!
export const selfOf = (s: Snapshot, i: number) => s.nodes[i * s.nf + s.f.self]!

/** DevTools' Summary class: objects by constructor, the rest by their kind. */
export function className(s: Snapshot, i: number): string {
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
