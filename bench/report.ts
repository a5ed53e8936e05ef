/** What a measure hands back: its JSON for bench/results and its rows of the printed table. */
export interface Row {
  measurement: string
  value: string
  note: string
  /** The bar of docs/product.md ("Quality bars") this row is held to, and whether it is met. */
  bar?: { text: string; met: boolean }
}

export interface MeasureOutcome {
  json: Record<string, unknown>
  rows: Row[]
}

export interface Measure {
  /** What `BENCH_ONLY=name,…` selects. */
  name: string
  run(): Promise<MeasureOutcome>
}

export const barCell = (row: Row) =>
  row.bar ? `${row.bar.text}: ${row.bar.met ? 'met' : '**missed**'}` : ''

export function markdownTable(rows: readonly Row[]): string {
  const lines = ['| measurement | value | ratio / note | bar |', '|---|---|---|---|']
  for (const row of rows)
    lines.push(`| ${row.measurement} | ${row.value} | ${row.note} | ${barCell(row)} |`)
  return lines.join('\n')
}
