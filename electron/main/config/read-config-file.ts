import { readFileSync } from 'node:fs'

/** The config file's text, or undefined if there is no such file (other errors throw). */
export function readConfigFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
