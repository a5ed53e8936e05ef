import { expect } from 'vitest'
import { addConsoleAccount } from '@service/domain/console-accounts'
import type { ConsoleRole } from '@shared/api/console/roles'
import type { RequestSpec } from '../raw-http'
import type { ListeningService } from './listening-service'

export const CONSOLE_PASSWORD = 'Console-Flotte#2026!'

/** A JSON POST as the console's pages send it (no device token). */
export const consolePost = (
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): RequestSpec => ({
  method: 'POST',
  path,
  headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
  ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
})

/**
 * A console account enrolled and signed in over a socket: the headers its page sends with every
 * change (the session cookie and the CSRF token).
 */
export async function consoleSignedIn(
  t: ListeningService,
  email: string,
  role: ConsoleRole,
): Promise<Record<string, string>> {
  const { code } = await addConsoleAccount(t.service.ctx, { email, name: 'Sam Roy', role })
  const enrolled = await t.send(
    consolePost('/v1/console/enrolments', { email, code, password: CONSOLE_PASSWORD }),
  )
  expect(enrolled.status).toBe(204)
  const session = await t.send(
    consolePost('/v1/console/session', { email, password: CONSOLE_PASSWORD }),
  )
  expect(session.status).toBe(200)
  return {
    cookie: session.headers['set-cookie']!.split(';')[0]!,
    'x-csrf-token': session.json!.csrfToken as string,
  }
}
