import type { Session, WebContents } from 'electron'
import type { EventLog } from '../event-log'

/** Every permission (camera, notifications, HID, USB, serial...) is refused, asked or checked. */
export function hardenSession(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
) {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

type NavigationEvents =
  'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview'

/**
 * No navigation away from the app, no redirects, no new windows, no webviews (Electron security
 * checklist 13–15). The app is a single page: it never needs any of them.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  log: EventLog,
) {
  const deny = (name: NavigationEvents) => (event: { preventDefault(): void }) => {
    event.preventDefault()
    log.warn('navigation.blocked', { event: name })
  }
  const on = contents.on.bind(contents) as (
    event: NavigationEvents,
    listener: (event: { preventDefault(): void }) => void,
  ) => void
  on('will-navigate', deny('will-navigate'))
  on('will-frame-navigate', deny('will-frame-navigate'))
  on('will-redirect', deny('will-redirect'))
  on('will-attach-webview', deny('will-attach-webview'))
  contents.setWindowOpenHandler(() => {
    log.warn('navigation.blocked', { event: 'window-open' })
    return { action: 'deny' }
  })
}
