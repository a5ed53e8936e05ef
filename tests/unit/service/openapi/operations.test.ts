import { describe as suite, expect, it } from 'vitest'
import { allOperations, buildOpenApi } from '@service/openapi'
import { clientErrors, describe, shapeErrors, type Operation } from '@service/openapi-operation'

type Answer = { content?: { 'application/json': { schema: unknown } } }
type Documented = { operationId: string; responses: Record<string, Answer> }

const health = allOperations.find((op) => op.path === '/v1/health')!

suite('every operation of the contract', () => {
  it('has a unique operationId and documents its 4xx answers in the shared error body', () => {
    const document = buildOpenApi()
    const documented = Object.values(document.paths).flatMap(
      (byMethod) => Object.values(byMethod) as Documented[],
    )
    expect(documented).toHaveLength(allOperations.length)
    expect(new Set(documented.map((op) => op.operationId)).size).toBe(allOperations.length)
    for (const op of documented) {
      const clientErrorStatuses = Object.keys(op.responses).filter((status) => /^4/.test(status))
      expect(clientErrorStatuses, op.operationId).toContain('400')
      for (const status of [...clientErrorStatuses, 'default'])
        expect(op.responses[status]!.content!['application/json'].schema, op.operationId).toEqual({
          $ref: '#/components/schemas/ErrorBody',
        })
    }
    expect(document.components.schemas.ErrorBody).toMatchObject({
      required: ['error'],
    })
  })

  it('gets the 4xx answers its shape implies, and its own', () => {
    expect(shapeErrors(health)).toEqual([400])
    const staffAction: Operation = {
      ...health,
      path: '/v1/staff/things/{id}',
      auth: 'staff',
      request: health.response!,
      errors: [409],
    }
    expect(shapeErrors(staffAction)).toEqual([400, 401, 429, 403, 404, 413, 415])
    expect(Object.keys(describe(staffAction).responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '429',
      'default',
    ])
    const responses = describe(staffAction).responses as Record<string, { description: string }>
    expect(responses[409]!.description).toContain(clientErrors[409].codes.join(', '))
  })

  it('refuses an operationId that is not lowerCamelCase, or one used twice', () => {
    expect(() => describe({ ...health, operationId: 'get-health' })).toThrow(/lowerCamelCase/)
    expect(() => buildOpenApi([health, { ...health, path: '/v1/other' }])).toThrow(/used twice/)
  })
})
