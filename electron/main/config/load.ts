import type { z } from 'zod'
import { KioskConfig } from './schema'
import { resolveConfigPath, type ConfigSource } from './paths'

export type LoadedConfig =
  | { kind: 'ok'; config: KioskConfig; path: string; source: ConfigSource }
  /** No file anywhere and none asked for: run the demo. */
  | { kind: 'demo'; path: string; source: ConfigSource }
  | { kind: 'invalid'; path: string; source: ConfigSource; problems: string[] }

export interface ConfigEnvironment {
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  /** Returns the file's text, or `undefined` when it does not exist. Other errors throw. */
  readFile(path: string): string | undefined
}

/** One readable line per problem: `idle.graceSeconds: must be at least 20 seconds`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const key = issue.path.length ? issue.path.join('.') : '(whole file)'
    if (issue.code === 'unrecognized_keys') {
      return `${key}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) return `${key}: is required`
    return `${key}: ${issue.message}`
  })
}

export function parseConfigText(
  text: string,
): { ok: true; config: KioskConfig } | { ok: false; problems: string[] } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, problems: [`(whole file): not valid JSON (${(error as Error).message})`] }
  }
  const parsed = KioskConfig.safeParse(json)
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) }
  return { ok: true, config: parsed.data }
}

export function loadConfig(environment: ConfigEnvironment): LoadedConfig {
  const { path, source } = resolveConfigPath(
    environment.argv,
    environment.env,
    environment.platform,
  )
  let text: string | undefined
  try {
    text = environment.readFile(path)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    return { kind: 'invalid', path, source, problems: [`(whole file): cannot be read (${reason})`] }
  }
  if (text === undefined) {
    // IT asked for this file explicitly: a missing file is a mistake, not a request for the demo.
    if (source !== 'os-default')
      return { kind: 'invalid', path, source, problems: ['(whole file): does not exist'] }
    return { kind: 'demo', path, source }
  }
  const parsed = parseConfigText(text)
  if (!parsed.ok) return { kind: 'invalid', path, source, problems: parsed.problems }
  return { kind: 'ok', config: parsed.config, path, source }
}
