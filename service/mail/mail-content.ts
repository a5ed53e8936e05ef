/** A mail as it is sent: its subject and both bodies. */
export interface MailContent {
  subject: string
  text: string
  html: string
}
