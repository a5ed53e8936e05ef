import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface SpamVerdict {
  score: number
  rules: string[]
}

/**
 * Scores messages (each to its own recipient) with Debian's SpamAssassin on its local rules only (`-L`: no DNS blocklists, no
 * Razor or Pyzor), as `spamassassin -t -L` does, all in one process (`--mbox`). Bayes is off and
 * the preferences file is a fresh one, so the score depends on the message alone, not on what
 * this machine learned before.
 */
export async function spamAssassinScores(
  messages: readonly string[],
): Promise<Map<string, SpamVerdict>> {
  const dir = mkdtempSync(join(tmpdir(), 'spamassassin-'))
  const mbox = join(dir, 'mails.mbox')
  writeFileSync(
    mbox,
    messages
      .map((raw) => {
        // mbox: each message after a "From " line, body lines starting with "From " quoted.
        const lines = raw.replace(/\r\n/g, '\n').replace(/^From /gm, '>From ')
        return `From mescertif-service Mon Nov 30 12:00:00 2026\n${lines}\n`
      })
      .join('\n'),
  )
  const result = await promisify(execFile)(
    'spamassassin',
    [
      '-t',
      '-L',
      '--mbox',
      '-p',
      join(dir, 'user_prefs'),
      '--cf=use_bayes 0',
      '--cf=bayes_auto_learn 0',
      mbox,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  )
  const { stdout } = result

  // One report per message, each after its own mbox "From " line; --mbox does not keep the
  // input's order, so each is known by its recipient.
  const reports = stdout
    .split(/^From mescertif-service /m)
    .slice(1)
    .map((report): [string, SpamVerdict] => {
      const to = /^To: <?([^\s<>]+)/m.exec(report)?.[1]
      if (to === undefined) throw new Error('a SpamAssassin report without its To: header')
      const status = /^X-Spam-Status: (?:[^\n]|\n[\t ])*/m.exec(report)?.[0] ?? ''
      const score = /score=(-?[\d.]+)/.exec(status)?.[1]
      if (score === undefined) throw new Error('SpamAssassin gave a message no score')
      const rules = /tests=([\s\S]*?)\s+autolearn=/.exec(status)?.[1] ?? ''
      return [
        to,
        { score: Number(score), rules: rules.replace(/\s+/g, '').split(',').filter(Boolean) },
      ]
    })
  if (reports.length !== messages.length) throw new Error('SpamAssassin skipped a message')
  return new Map(reports)
}
