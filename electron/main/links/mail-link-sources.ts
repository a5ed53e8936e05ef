import { resolve } from 'node:path'
import { LINK_SCHEME } from '@shared/mail-link'
import { mailLinksInArgv } from './mail-link-intake'

/** The few `app` members the mail-link doors use (a recording fake stands in for them in tests). */
export interface MailLinkApp {
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean
}

/**
 * Every door a mail link comes in by, into one `receive` (docs/product.md, "Mail links"):
 * cold-start argv (Windows/Linux), `second-instance` (a link opened while the kiosk runs), and
 * `open-url` (macOS, registered synchronously at startup so a cold-start link is not lost). Also
 * registers the `mescertif:` scheme: unpackaged, the OS must be told which script to run as well.
 */
export function registerMailLinkSources(
  app: MailLinkApp,
  process: { argv: readonly string[]; defaultApp?: boolean; execPath: string },
  receive: (raw: string) => void,
  /** Another kiosk was started, with these arguments (after any mail link in them is received). */
  onSecondInstance: (argv: readonly string[]) => void = () => undefined,
): void {
  app.on('open-url', (event, url) => {
    event.preventDefault()
    receive(url)
  })
  app.on('second-instance', (_event, argv) => {
    for (const link of mailLinksInArgv(argv)) receive(link)
    onSecondInstance(argv)
  })
  const script = process.argv[1]
  if (process.defaultApp && script)
    app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [resolve(script)])
  else app.setAsDefaultProtocolClient(LINK_SCHEME)
  for (const link of mailLinksInArgv(process.argv)) receive(link)
}
