import { addConsoleAccount } from '@service/domain/console-accounts'
import type { ConsoleRole } from '@shared/api/console/roles'
import type { ServiceOptions } from '@service/server'
import { openTestService } from '../service-harness'

export const IT_EMAIL = 'ti.alex@cegep.example.ca'
export const REGISTRAR_EMAIL = 'registraire.sam@cegep.example.ca'
export const CONSOLE_PASSWORD = 'Console-Flotte#2026!'

export interface ConsoleSignedIn {
  cookie: string
  csrf: string
}

/**
 * The test service with console helpers: accounts added as `service console add` does, enrolled
 * with their code, signed in (the cookie and CSRF token a browser would hold), and requests made
 * the way the console's pages make them.
 */
export async function openConsoleService(options: Partial<ServiceOptions> = {}) {
  const t = await openTestService(options)
  const ctx = t.service.ctx
  let turn = 0

  async function request(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    options: {
      body?: unknown
      session?: ConsoleSignedIn
      csrf?: boolean
      headers?: Record<string, string>
    } = {},
  ) {
    // Each request to the next instance, as the other suites' requests go (service-harness).
    const response = await t.instances[turn++ % t.instances.length]!.app.inject({
      method,
      url,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.session ? { cookie: options.session.cookie } : {}),
        ...(options.session && options.csrf !== false && method !== 'GET'
          ? { 'x-csrf-token': options.session.csrf }
          : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
    })
    let json: unknown
    try {
      json = response.body ? JSON.parse(response.body) : undefined
    } catch {
      json = undefined
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      body: json as Record<string, unknown> & {
        error?: { code: string } & Record<string, unknown>
      },
      raw: response.body,
    }
  }

  const addAccount = async (email: string, role: ConsoleRole, name = 'Alex Roy') =>
    (await addConsoleAccount(ctx, { email, name, role })).code

  const enrol = (email: string, code: string, password = CONSOLE_PASSWORD) =>
    request('POST', '/v1/console/enrolments', { body: { email, code, password } })

  async function signIn(email: string, password = CONSOLE_PASSWORD): Promise<ConsoleSignedIn> {
    const answer = await request('POST', '/v1/console/session', { body: { email, password } })
    if (answer.status !== 200) throw new Error(`console sign-in failed: ${answer.raw}`)
    const setCookie = String(answer.headers['set-cookie'])
    return { cookie: setCookie.split(';')[0]!, csrf: answer.body.csrfToken as string }
  }

  /** An account added, enrolled and signed in. */
  async function signedIn(
    email: string,
    role: ConsoleRole,
    name?: string,
  ): Promise<ConsoleSignedIn> {
    const enrolled = await enrol(email, await addAccount(email, role, name))
    if (enrolled.status !== 204) throw new Error(`console enrolment failed: ${enrolled.raw}`)
    return signIn(email)
  }

  /**
   * Holds the next password check before it compares: `checking` resolves once one has begun,
   * `release()` lets it go on. What a reset or a disable does meanwhile is what a test looks at.
   */
  function holdNextPasswordCheck() {
    const hasher = ctx.hasher
    let checkBegun!: () => void
    const checking = new Promise<void>((begun) => (checkBegun = begun))
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    ctx.hasher = {
      ...hasher,
      verify: async (password, stored) => {
        ctx.hasher = hasher
        checkBegun()
        await released
        return hasher.verify(password, stored)
      },
    }
    return { checking, release }
  }

  return { ...t, ctx, request, addAccount, enrol, signIn, signedIn, holdNextPasswordCheck }
}

export type ConsoleService = Awaited<ReturnType<typeof openConsoleService>>
