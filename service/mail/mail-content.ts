/** A mail's subject and both bodies (what a template writes). */
export interface MailBodies {
  subject: string
  text: string
  html: string
}

/** A mail as it is sent: its bodies, and the languages they are in, in order (`Content-Language`). */
export interface MailContent extends MailBodies {
  language: string
}
