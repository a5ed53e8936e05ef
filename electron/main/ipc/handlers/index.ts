import type { HandlerDeps } from '../handler-deps'
import type { IpcHandlers } from '../router'
import { appHandlers } from './app'
import { counterHandlers } from './counter'
import { linkHandlers } from './links'
import { recoveryHandlers } from './recovery'
import { registrationHandlers } from './registration'
import { sessionHandlers } from './session'
import { staffHandlers } from './staff'

export function createHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    ...appHandlers(deps),
    ...registrationHandlers(deps),
    ...sessionHandlers(deps),
    ...recoveryHandlers(deps),
    ...linkHandlers(deps),
    ...staffHandlers(deps),
    ...counterHandlers(deps),
  }
}
