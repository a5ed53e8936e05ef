import { types } from 'node:util'

/**
 * What any channel's payload can be: the largest request (`registration.submit`) is one object of
 * 7 fields, the longest string a pasted link (`links.submit`, 10,240 characters at most).
 */
export const PAYLOAD_LIMITS = { maxValues: 64, maxDepth: 4, maxChars: 16 * 1024 }

export type PayloadProblem =
  'not_plain_data' | 'too_many_values' | 'too_deep' | 'too_long' | 'forbidden_key'

export type PayloadVerdict =
  | { ok: true }
  | { ok: false; problem: PayloadProblem; /** values looked at before refusing */ visited: number }

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value)
  return (prototype === Object.prototype || prototype === null) && !types.isProxy(value)
}

const isPrimitive = (value: unknown) =>
  value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean'

/**
 * Runs before any schema: a schema library walks what it is given (a 20 MB typed array, key by
 * key, froze main for 22 s), so anything that is not a small tree of plain objects, arrays,
 * strings, numbers, booleans, null or undefined is refused here, in at most `maxValues` steps
 * whatever its size. Structured clone (Electron's IPC) can deliver typed arrays, Maps, Dates,
 * cycles and huge sparse arrays; none of them is a request.
 */
export function inspectPayload(payload: unknown, limits = PAYLOAD_LIMITS): PayloadVerdict {
  const pending: { value: unknown; depth: number }[] = [{ value: payload, depth: 0 }]
  let visited = 0
  let chars = 0
  const refuse = (problem: PayloadProblem): PayloadVerdict => ({ ok: false, problem, visited })
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!
    visited++
    if (visited > limits.maxValues) return refuse('too_many_values')
    if (typeof value === 'string') {
      chars += value.length
      if (chars > limits.maxChars) return refuse('too_long')
      continue
    }
    if (isPrimitive(value)) continue
    if (typeof value !== 'object') return refuse('not_plain_data')
    if (depth >= limits.maxDepth) return refuse('too_deep')
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype || types.isProxy(value))
        return refuse('not_plain_data')
      // Checked before reading: `new Array(2 ** 32 - 1)` costs nothing to send.
      if (visited + pending.length + value.length > limits.maxValues)
        return refuse('too_many_values')
      for (let index = 0; index < value.length; index++)
        pending.push({ value: value[index], depth: depth + 1 })
      continue
    }
    if (!isPlainObject(value)) return refuse('not_plain_data')
    const keys = Reflect.ownKeys(value)
    if (visited + pending.length + keys.length > limits.maxValues) return refuse('too_many_values')
    for (const key of keys) {
      if (typeof key !== 'string') return refuse('not_plain_data')
      if (FORBIDDEN_KEYS.has(key)) return refuse('forbidden_key')
      const descriptor = Object.getOwnPropertyDescriptor(value, key)
      // An accessor would run code when a schema reads it; cloned data never has one.
      if (!descriptor || !('value' in descriptor) || !descriptor.enumerable)
        return refuse('not_plain_data')
      chars += key.length
      if (chars > limits.maxChars) return refuse('too_long')
      pending.push({ value: descriptor.value, depth: depth + 1 })
    }
  }
  return { ok: true }
}
