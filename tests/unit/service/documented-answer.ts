import { expect } from 'vitest'
import { ErrorBody } from '@shared/errors'

/**
 * Every answer of the service is a success, or a 4xx in the documented error shape with a code
 * from `shared/errors.ts` (a 5xx only for the service's own faults, which fuzzing must not find).
 */
export function expectDocumentedAnswer(status: number, body: string, context: string): void {
  expect(status, context).toBeGreaterThanOrEqual(200)
  expect(status, context).toBeLessThan(500)
  expect(body, context).not.toMatch(/\n\s+at /)
  if (status < 300) return
  expect(status, context).toBeGreaterThanOrEqual(400)
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    json = body
  }
  expect(
    ErrorBody.safeParse(json).success,
    `${context}: ${status} ${JSON.stringify(body.slice(0, 200))}`,
  ).toBe(true)
}
