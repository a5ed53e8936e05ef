import type { EventLog } from '../event-log'

type SelectClientCertificate = (
  event: { preventDefault(): void },
  webContents: unknown,
  url: string,
  certificateList: readonly unknown[],
  callback: (certificate?: never) => void,
) => void

/**
 * No client certificate is ever sent. Since Electron 44 `select-client-certificate` also fires for
 * main's own `net` requests — the account service's — and, left unhandled, Electron picks the
 * first matching certificate of the OS store (docs/breaking-changes.md, "webContents may be null
 * in select-client-certificate"): on a shared machine, some other service's identity. The kiosk
 * authenticates with its device token; a server that insists on a certificate gets none.
 */
export function refuseClientCertificates(
  app: { on(event: 'select-client-certificate', listener: SelectClientCertificate): unknown },
  log: EventLog,
): void {
  app.on('select-client-certificate', (event, _webContents, _url, certificateList, callback) => {
    event.preventDefault()
    log.warn('tls.client_certificate_refused', { offered: certificateList.length })
    callback()
  })
}
