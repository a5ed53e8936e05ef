/** The statistics every measure prints: percentiles of samples, and the spread of repeats. */

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

export const median = (values: readonly number[]) => percentile(values, 50)

export interface Spread {
  min: number
  median: number
  max: number
}

/** Min / median / max over the repeats of a measure. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0]!, median: median(sorted), max: sorted.at(-1)! }
}

/** Least-squares slope of y over x: the trend of a series of samples. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length
  const meanX = xs.reduce((a, b) => a + b, 0) / n
  const meanY = ys.reduce((a, b) => a + b, 0) / n
  let covariance = 0
  let variance = 0
  for (let i = 0; i < n; i++) {
    covariance += (xs[i]! - meanX) * (ys[i]! - meanY)
    variance += (xs[i]! - meanX) ** 2
  }
  return covariance / variance
}

/**
 * The standard error of that slope: how far the fitted trend could be from the true one given the
 * scatter of the samples around the line (a slope within about two of these of 0 is no trend the
 * samples can show).
 */
export function slopeStandardError(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length
  const meanX = xs.reduce((a, b) => a + b, 0) / n
  const meanY = ys.reduce((a, b) => a + b, 0) / n
  const b = slope(xs, ys)
  let residuals = 0
  let variance = 0
  for (let i = 0; i < n; i++) {
    residuals += (ys[i]! - (meanY + b * (xs[i]! - meanX))) ** 2
    variance += (xs[i]! - meanX) ** 2
  }
  return Math.sqrt(residuals / (n - 2) / variance)
}

export const ms = (value: number) => `${value.toFixed(1)} ms`
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
export const mib = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`
export const ratio = (value: number) => `×${value.toFixed(2)}`

/** `×1.02 (×0.98–×1.05)`: the median repeat, then the lowest and highest. */
export const ratioSpread = (s: Spread) => `${ratio(s.median)} (${ratio(s.min)}–${ratio(s.max)})`

/**
 * Runs `a` and `b` one after the other `times` times, swapping which goes first each round, so
 * that whatever else the machine is doing falls on both sides alike.
 */
export async function interleave(
  times: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<{ a: number[]; b: number[] }> {
  const samples = { a: [] as number[], b: [] as number[] }
  for (let i = 0; i < times; i++) {
    if (i % 2 === 0) {
      samples.a.push(await a())
      samples.b.push(await b())
    } else {
      samples.b.push(await b())
      samples.a.push(await a())
    }
  }
  return samples
}

/** Wall time of one call, in milliseconds. */
export async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await call()
  return performance.now() - start
}
