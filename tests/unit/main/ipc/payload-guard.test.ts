import { describe, expect, it } from 'vitest'
import { inspectPayload, PAYLOAD_LIMITS } from '@main/ipc/payload-guard'
import { MAIL_LINK_MAX_LENGTH } from '@shared/mail-link'

describe('payload guard', () => {
  it.each([
    ['no payload', undefined],
    [
      'the largest request',
      {
        firstName: 'Marie-Ève',
        lastName: 'Tremblay-Gagnon',
        email: 'marie-eve@example.ca',
        password: 'x'.repeat(128),
        locale: 'fr-CA',
        acceptTerms: true,
        acceptPrivacy: true,
      },
    ],
    ['the longest string a channel accepts', { raw: 'x'.repeat(MAIL_LINK_MAX_LENGTH * 20) }],
    ['an object without a prototype', Object.assign(Object.create(null), { code: '123456' })],
    ['null', null],
  ])('lets %s through', (_name, payload) => {
    expect(inspectPayload(payload)).toEqual({ ok: true })
  })

  it.each([
    ['a typed array', new Uint8Array(8), 'not_plain_data'],
    ['a Map', new Map(), 'not_plain_data'],
    ['a proxy of a plain object', new Proxy({}, {}), 'not_plain_data'],
    ['a proxy of an array', new Proxy([], {}), 'not_plain_data'],
    [
      'an accessor',
      Object.defineProperty({}, 'code', { get: () => '1', enumerable: true }),
      'not_plain_data',
    ],
    [
      'a hidden field',
      Object.defineProperty({}, 'code', { value: '1', enumerable: false }),
      'not_plain_data',
    ],
    ['a symbol key', { [Symbol('s')]: 1 }, 'not_plain_data'],
    ['a bigint', 1n, 'not_plain_data'],
    ['an own __proto__ key', JSON.parse('{"__proto__": 1}'), 'forbidden_key'],
    ['a constructor key', { constructor: 1 }, 'forbidden_key'],
    ['five levels of nesting', { a: { b: { c: { d: { e: 1 } } } } }, 'too_deep'],
    ['65 values', Array.from({ length: 64 }, () => 1), 'too_many_values'],
    ['a sparse array of 2^32-1', new Array(2 ** 32 - 1), 'too_many_values'],
    ['too many characters in all', { a: 'x'.repeat(9000), b: 'y'.repeat(9000) }, 'too_long'],
    ['a long key', { ['k'.repeat(PAYLOAD_LIMITS.maxChars + 1)]: 1 }, 'too_long'],
  ])('refuses %s', (_name, payload, problem) => {
    const verdict = inspectPayload(payload)
    expect(verdict).toMatchObject({ ok: false, problem })
    expect(!verdict.ok && verdict.visited).toBeLessThanOrEqual(PAYLOAD_LIMITS.maxValues + 1)
  })

  it('refuses a million-element array after looking at one value', () => {
    expect(inspectPayload(new Array(1_000_000).fill(0))).toEqual({
      ok: false,
      problem: 'too_many_values',
      visited: 1,
    })
  })

  it('counts the values still waiting when an array arrives: it is refused before it is walked', () => {
    // Five values wait on the stack when the array is reached (2 looked at, 5 waiting, 6 more).
    const payload = { a: 1, b: 2, c: 3, d: 4, e: 5, list: [1, 2, 3, 4, 5, 6] }
    expect(inspectPayload(payload, { ...PAYLOAD_LIMITS, maxValues: 12 })).toEqual({
      ok: false,
      problem: 'too_many_values',
      visited: 2,
    })
    expect(inspectPayload(payload, { ...PAYLOAD_LIMITS, maxValues: 13 })).toEqual({ ok: true })
  })

  it('counts the values still waiting when an object arrives, the same way', () => {
    const payload = [1, 2, 3, 4, 5, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }]
    expect(inspectPayload(payload, { ...PAYLOAD_LIMITS, maxValues: 12 })).toEqual({
      ok: false,
      problem: 'too_many_values',
      visited: 2,
    })
    expect(inspectPayload(payload, { ...PAYLOAD_LIMITS, maxValues: 13 })).toEqual({ ok: true })
  })

  it('counts the depth of arrays as of objects', () => {
    let nested: unknown = 1
    for (let level = 0; level < PAYLOAD_LIMITS.maxDepth; level++) nested = [nested]
    expect(inspectPayload(nested)).toEqual({ ok: true })
    expect(inspectPayload([nested])).toMatchObject({ ok: false, problem: 'too_deep' })
  })

  it('lets through what sits exactly at each limit', () => {
    const { maxValues, maxDepth, maxChars } = PAYLOAD_LIMITS
    const keys = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 1]))
    let nested: unknown = 1
    for (let level = 0; level < maxDepth; level++) nested = { a: nested }
    expect(inspectPayload(Array.from({ length: maxValues - 1 }, () => 1))).toEqual({ ok: true })
    expect(inspectPayload(keys(maxValues - 1))).toEqual({ ok: true })
    expect(inspectPayload(nested)).toEqual({ ok: true })
    expect(inspectPayload({ a: 'x'.repeat(maxChars - 1) })).toEqual({ ok: true })
    expect(inspectPayload({ ['k'.repeat(maxChars)]: 1 })).toEqual({ ok: true })
  })

  it('refuses one step past each limit, counting keys and strings together', () => {
    const { maxValues, maxDepth, maxChars } = PAYLOAD_LIMITS
    const keys = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 1]))
    let nested: unknown = {}
    for (let level = 0; level < maxDepth; level++) nested = { a: nested }
    expect(inspectPayload(keys(maxValues))).toMatchObject({ ok: false, problem: 'too_many_values' })
    expect(inspectPayload(nested)).toMatchObject({ ok: false, problem: 'too_deep' })
    expect(inspectPayload({ a: 'x'.repeat(maxChars) })).toMatchObject({
      ok: false,
      problem: 'too_long',
    })
    expect(inspectPayload(['x'.repeat(maxChars), 'y'])).toMatchObject({
      ok: false,
      problem: 'too_long',
    })
  })

  it('refuses an array that is not a plain array, and a function', () => {
    class Tagged extends Array {}
    expect(inspectPayload(Tagged.from([1]))).toMatchObject({ ok: false, problem: 'not_plain_data' })
    expect(inspectPayload({ run: () => 1 })).toMatchObject({ ok: false, problem: 'not_plain_data' })
    expect(inspectPayload(Object.create({ inherited: 1 }))).toMatchObject({
      ok: false,
      problem: 'not_plain_data',
    })
  })

  it('a prototype key is refused wherever it sits', () => {
    expect(inspectPayload({ a: { prototype: 1 } })).toMatchObject({
      ok: false,
      problem: 'forbidden_key',
    })
  })
})
