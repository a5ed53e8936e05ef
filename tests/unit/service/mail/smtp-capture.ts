import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface CapturedMail {
  to: string
  /** The message exactly as it arrived over SMTP (headers and MIME body, CRLF line ends). */
  raw: string
}

/**
 * A real SMTP server on loopback (smtp-server, the project's test dependency) that keeps every
 * message as it arrived: what a registrar's mail relay would receive from the service.
 */
export async function startSmtpCapture() {
  const received: CapturedMail[] = []
  const waiters: { count: number; resolve: () => void }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve()
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Resolves once `count` messages have arrived (the mailer sends after the response). */
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (received.length >= count) resolve()
        else waiters.push({ count, resolve })
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
