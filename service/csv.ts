/**
 * RFC 4180 CSV, as spreadsheets open it: every cell quoted, quotes doubled, CRLF line ends, and a
 * cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return) prefixed with an apostrophe (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/

const cell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '""'
  const text = typeof value === 'number' ? String(value) : value
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}

export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return [columns, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
