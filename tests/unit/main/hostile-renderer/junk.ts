export const MANY_KEYS = '100,000 keys'

/**
 * Payloads no channel accepts, as a hostile page can send them through structured clone (or the
 * harness's bridge). `notPlain` must be refused before any schema looks at it; `plainButWrong`
 * is small plain data, so it reaches the schema, which refuses it.
 */
export function junkPayloads() {
  const cyclic: Record<string, unknown> = { code: '123456' }
  cyclic.self = cyclic
  const cyclicArray: unknown[] = []
  cyclicArray.push(cyclicArray)
  let deep: unknown = { code: '123456' }
  for (let i = 0; i < 10_000; i++) deep = { next: deep }
  const manyKeys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))

  const notPlain: [string, unknown][] = [
    ['a 20 MB Uint8Array', new Uint8Array(20 * 1024 * 1024)],
    ['a 60 MB Uint8Array', new Uint8Array(60 * 1024 * 1024)],
    ['a Float64Array', new Float64Array(1024)],
    ['a DataView', new DataView(new ArrayBuffer(64))],
    ['an ArrayBuffer', new ArrayBuffer(1024 * 1024)],
    ['a Buffer', Buffer.from('code=123456')],
    ['a Map', new Map([['code', '123456']])],
    ['a Set', new Set(['123456'])],
    ['a Date', new Date()],
    ['a RegExp', /123456/],
    ['an Error', new Error('123456')],
    ['a BigInt', 10n],
    ['a Symbol', Symbol('code')],
    ['a function', () => '123456'],
    ['a cyclic object', cyclic],
    ['a cyclic array', cyclicArray],
    ['10,000 levels deep', deep],
    [MANY_KEYS, manyKeys],
    ['a million-element array', Array.from({ length: 1_000_000 }, () => 0)],
    ['a sparse array of 2^32-1', new Array(2 ** 32 - 1)],
    ['a 20 MB string', 'x'.repeat(20 * 1024 * 1024)],
    ['a 20 MB string in a field', { raw: 'x'.repeat(20 * 1024 * 1024) }],
    ['an own __proto__ key', JSON.parse('{"__proto__": {"polluted": true}, "code": "123456"}')],
    ['a constructor key', { constructor: { prototype: { polluted: true } }, code: '123456' }],
    ['a prototype key', { prototype: {}, code: '123456' }],
    ['a getter', Object.defineProperty({}, 'code', { get: () => '123456', enumerable: true })],
    ['a proxy', new Proxy({ code: '123456', email: 'a@b.ca' }, {})],
    ['an inherited field', Object.create({ code: '123456' })],
    ['a class instance', new (class Request {})()],
    ['a symbol key', { [Symbol('code')]: '123456' }],
  ]
  const plainButWrong: [string, unknown][] = [
    ['a number', 123456],
    ['NaN', NaN],
    ['a string', 'code=123456'],
    ['null', null],
    ['true', true],
    ['an empty object', {}],
    ['an empty array', []],
    ['an unknown field', { unexpected: 'x' }],
    ['a wrong type', { code: 123456, email: 42, pin: [] }],
  ]
  return { notPlain, plainButWrong }
}
