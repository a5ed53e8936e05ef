import { selfOf, type Snapshot } from './snapshot'

/** Count and self size per key (a node type, a class, a retainer edge). */
export type Agg = Map<string, { count: number; size: number }>
export function aggregate(
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

export function diff(a: Agg, b: Agg) {
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

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const pad = (text: string, n: number) =>
  text.length >= n ? text : text + ' '.repeat(n - text.length)
const lpad = (text: string, n: number) =>
  text.length >= n ? text : ' '.repeat(n - text.length) + text

/** The first `top` rows of a growth table, with the change per cycle. */
export function printRows(
  title: string,
  rows: ReturnType<typeof diff>,
  cycles: number,
  top: number,
) {
  console.log(`\n== ${title}`)
  console.log(
    `${pad('class / (type) name', 64)} ${lpad('Δsize', 12)} ${lpad('Δcount', 8)} ${lpad('/cycle', 8)} ${lpad('count', 8)}`,
  )
  for (const r of rows.slice(0, top))
    console.log(
      `${pad(r.key, 64)} ${lpad(kib(r.dSize), 12)} ${lpad(String(r.dCount), 8)} ${lpad((r.dCount / cycles).toFixed(2), 8)} ${lpad(String(r.count), 8)}`,
    )
}
