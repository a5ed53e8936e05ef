import type { KioskEvent } from '@shared/ipc/events'
import { LINK_SCHEME, MAIL_LINK_MAX_LENGTH } from '@shared/mail-link'

/**
 * The one door for mail links arriving from the OS (cold-start argv, second-instance, open-url).
 * Links that arrive before the kiosk is ready are queued in order and handled once it is.
 */
export function createMailLinkIntake(deps: {
  resolve: (raw: string) => Promise<KioskEvent>
  emit: (event: KioskEvent) => void
}) {
  const queue: string[] = []
  let started = false
  let chain: Promise<void> = Promise.resolve()

  const process = (raw: string) => {
    chain = chain.then(async () => deps.emit(await deps.resolve(raw)))
    return chain
  }

  return {
    handleMailLink(raw: string): void {
      // Bound the queue and the string before anything else looks at it.
      if (typeof raw !== 'string' || queue.length >= 10) return
      const bounded = raw.slice(0, MAIL_LINK_MAX_LENGTH + 1)
      if (!started) queue.push(bounded)
      else void process(bounded)
    },
    start(): Promise<void> {
      if (started) return chain
      started = true
      for (const raw of queue.splice(0)) void process(raw)
      return chain
    },
    idle: () => chain,
  }
}

/** Picks the mail links out of a command line (Windows/Linux pass the URL as an argument). */
export function mailLinksInArgv(argv: readonly string[]): string[] {
  const link = new RegExp(`^(${LINK_SCHEME}:|https://)`, 'i')
  return argv.filter((arg) => link.test(arg))
}
