import { afterEach, beforeEach, expect, it } from 'vitest'
import { counterOperations } from '@service/openapi-counter'
import { openCounterService, type CounterService } from './counter-harness'

let t: CounterService
beforeEach(async () => {
  t = await openCounterService()
})
afterEach(() => t.close())

type OpenApiOperation = {
  parameters: { name: string; in: string; required: boolean }[]
  requestBody?: unknown
  responses: Record<string, unknown>
}

it('OpenAPI documents every counter and fleet endpoint from its shared schema', async () => {
  const openapi = await t.call('GET', '/v1/openapi.json', undefined, { authorization: '' })
  const paths = openapi.body.paths as Record<string, Record<string, OpenApiOperation>>
  expect(counterOperations).toHaveLength(14)
  for (const op of counterOperations) {
    const documented = paths[op.path]?.[op.method]
    expect(documented, `${op.method} ${op.path}`).toBeDefined()
    expect(Boolean(documented!.requestBody)).toBe(Boolean(op.request))
    expect(Object.keys(documented!.responses)).toContain(String(op.status))
    const headers = documented!.parameters.filter((p) => p.in === 'header').map((p) => p.name)
    expect(headers.includes('X-Staff-Session')).toBe(op.auth === 'staff')
  }
  const audit = paths['/v1/admin/audit']!.get!.parameters.filter((p) => p.in === 'query')
  expect(audit.map((p) => [p.name, p.required])).toEqual([
    ['since', true],
    ['until', false],
    ['limit', false],
  ])
})

it('every documented counter endpoint is served (none answers 404)', async () => {
  for (const op of counterOperations) {
    const answer = await t.call(op.method.toUpperCase() as 'GET' | 'POST' | 'DELETE', op.path)
    expect([op.path, answer.status]).not.toEqual([op.path, 404])
  }
})
