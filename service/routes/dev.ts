import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { EmailAddress } from '@shared/email'
import { iso } from '../clock'
import type { ServiceContext } from '../context'
import { parseInput, send } from '../http'
import { withQrImages } from '../mail/qr-image'

const OutboxQuery = z.strictObject({ to: EmailAddress.optional() })

/** The demo mailbox: only registered with `--demo`, so it does not exist in production. */
export function devRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get('/dev/outbox', async (request, reply) => {
    const { to } = parseInput(OutboxQuery, request.query)
    const rows = await ctx.db
      .selectFrom('mails')
      .select(['to_address', 'subject', 'text', 'html', 'created_at'])
      .$if(to !== undefined, (query) => query.where('to_address', '=', to!))
      .orderBy('id')
      .execute()
    return send(
      reply,
      200,
      rows.map((row) => ({
        to: row.to_address,
        subject: row.subject,
        text: row.text,
        html: withQrImages(row.html),
        sentAt: iso(row.created_at),
      })),
    )
  })
}
