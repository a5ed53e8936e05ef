import { randomBytes } from 'node:crypto'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'

/** Pixels per QR module and the quiet zone in modules: what a phone screen needs to be scanned. */
const SCALE = 6
const QUIET_ZONE = 4

/** A QR code of `text` as a greyscale PNG, black on white. */
export function qrPng(text: string): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const side = (modules.size + 2 * QUIET_ZONE) * SCALE
  const pixels = Buffer.alloc(side * side, 255)
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue
      const left = (col + QUIET_ZONE) * SCALE
      for (let y = (row + QUIET_ZONE) * SCALE, end = y + SCALE; y < end; y++)
        pixels.fill(0, y * side + left, y * side + left + SCALE)
    }
  }
  const png = new PNG({ width: side, height: side, colorType: 0, inputColorType: 0 })
  png.data = pixels
  // One filter for every row: a few milliseconds instead of the default per-row search.
  return PNG.sync.write(png, {
    colorType: 0,
    inputColorType: 0,
    inputHasAlpha: false,
    filterType: 1,
  })
}

/** The same PNG as a data: URL, for the HTML body (nodemailer sends it as an inline attachment). */
export const qrDataUrl = (text: string) => `data:image/png;base64,${qrPng(text).toString('base64')}`

const QR_SOURCE = /src="qr:([^"]*)"/g

/**
 * Where a mail's QR image goes, as its template writes it. Mails are rendered inside the
 * transaction that queues them, on the request's path; drawing the PNG there took ~3 ms that only
 * an address with an account paid — a timing difference that tells who has an account
 * (docs/security.md). The image is drawn when the mail is read or sent instead (`withQrImages`).
 */
export const qrImageSource = (text: string) => `qr:${encodeURIComponent(text)}`

/** A stored mail body with its QR images drawn, as SMTP sends it and the demo outbox shows it. */
export const withQrImages = (html: string) =>
  html.replace(QR_SOURCE, (_, text: string) => `src="${qrDataUrl(decodeURIComponent(text))}"`)

/**
 * A stored mail body as SMTP sends it: each QR image an inline attachment (`cid:`), which mail
 * clients show where they block data: URLs. Content-IDs are on the sender's own domain (RFC 2392
 * asks for a unique id; `@localhost`, nodemailer's default, is a spam signal).
 */
export function withQrAttachments(html: string, senderDomain: string) {
  const attachments: { cid: string; filename: string; content: Buffer; contentType: string }[] = []
  const withCids = html.replace(QR_SOURCE, (_, text: string) => {
    const cid = `qr-${randomBytes(12).toString('hex')}@${senderDomain}`
    attachments.push({
      cid,
      filename: 'mescertif-qr.png',
      content: qrPng(decodeURIComponent(text)),
      contentType: 'image/png',
    })
    return `src="cid:${cid}"`
  })
  return { html: withCids, attachments }
}
