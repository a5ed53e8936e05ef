import type { Result } from '@shared/result'
import { isCurrent, type KioskState, type PersonState } from '../kiosk-state'

/**
 * Binds a handler to the person at the kiosk when the call arrived: it gets that person's state
 * object and writes what the service answers there. If a wipe replaced the person before the
 * answer landed, whatever it wrote goes away with the old object, and the renderer (now showing
 * the next person) gets `no_pending_flow` instead of an answer that may hold the previous
 * person's profile or documents.
 */
export function forPerson<Request, Response>(
  state: KioskState,
  handler: (request: Request, person: PersonState) => Promise<Result<Response>>,
): (request: Request) => Promise<Result<Response>> {
  return async (request) => {
    const person = state.person
    const result = await handler(request, person)
    return isCurrent(state, person) ? result : { ok: false, error: { code: 'no_pending_flow' } }
  }
}
