import { readFileSync } from 'node:fs'

/** Where the DKIM key is and what it signs as (docs/deployment.md, "Mail"). */
export interface DkimOptions {
  /** The `d=` domain: the domain of the sender's address. */
  domainName: string
  /** The `s=` selector: the DNS record is `<selector>._domainkey.<domain>`. */
  keySelector: string
  /** A PEM private key (RSA ≥ 2048 bits or Ed25519), readable by the service account only. */
  privateKeyFile: string
}

/**
 * nodemailer's `dkim` transport option, with the key read from its file once, at start: a key
 * that cannot be read stops the service with the file's name, rather than sending unsigned mail.
 */
export function dkimSigning(options: DkimOptions) {
  let privateKey: string
  try {
    privateKey = readFileSync(options.privateKeyFile, 'utf8')
  } catch (error) {
    throw new Error(
      `the DKIM key file cannot be read: ${options.privateKeyFile} (${(error as NodeJS.ErrnoException).code})`,
      { cause: error },
    )
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey))
    throw new Error(`the DKIM key file holds no PEM private key: ${options.privateKeyFile}`)
  return { domainName: options.domainName, keySelector: options.keySelector, privateKey }
}
