import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { askHidden, PromptError, type Terminal } from '@main/terminal-prompt'

const ROOT = resolve(import.meta.dirname, '../../../..')

/**
 * `--provision` run for real in its own process, the token piped in, in a new session with no
 * controlling terminal (a deployment script, a scheduled task): it used to wait for a PIN on the
 * ended stdin forever.
 */
function provisionWithPipedToken(env: NodeJS.ProcessEnv) {
  const program = `
    import { runCli } from './electron/main/cli.ts'
    const values = {}
    const secrets = {
      get: async (name) => values[name],
      set: async (name, value) => { values[name] = value },
      delete: async () => true,
    }
    const code = await runCli(['kiosk', '--provision'], { secrets })
    console.log('stored=' + Object.keys(values).join(','))
    process.exit(code)`
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', program],
      // detached: a new session, so /dev/tty cannot be opened.
      { cwd: ROOT, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => done({ code, stdout, stderr }))
    child.stdin.end('device-token-from-it-0123\n')
  })
}

describe.skipIf(process.platform === 'win32')('--provision with the token piped in', () => {
  if (process.platform === 'win32')
    console.log('skipped: a process without a console cannot be made this way on Windows')
  const env = { ...process.env }
  delete env.MESCERTIF_KIOSK_STAFF_PIN

  it('without a terminal and without the PIN variable: a clear error, nothing stored, no wait', async () => {
    const result = await provisionWithPipedToken(env)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no terminal to type the staff PIN on')
    expect(result.stderr).toContain('MESCERTIF_KIOSK_STAFF_PIN')
    expect(result.stdout).toContain('stored=\n')
  })

  it('with MESCERTIF_KIOSK_STAFF_PIN: both secrets stored', async () => {
    const result = await provisionWithPipedToken({ ...env, MESCERTIF_KIOSK_STAFF_PIN: '24681357' })
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('stored=device-token,staff-pin-hash')
    expect(result.code).toBe(0)
  })
})

/** A terminal stand-in: what the person types, and what the prompt shows them. */
function fakeTerminal(): Terminal & { typed: PassThrough; shown: () => string; closed: boolean } {
  const typed = new PassThrough()
  const screen = new PassThrough()
  let shown = ''
  screen.on('data', (chunk: Buffer) => (shown += chunk.toString()))
  const terminal = {
    input: typed,
    output: screen,
    typed,
    closed: false,
    shown: () => shown,
    close: () => (terminal.closed = true),
  }
  return terminal
}

describe('the PIN prompt', () => {
  it('reads the answer from the terminal, not from stdin', async () => {
    const terminal = fakeTerminal()
    const answer = askHidden('Staff PIN: ', terminal, 5_000)
    terminal.typed.write('24681357\n')
    expect(await answer).toBe('24681357')
    expect(terminal.shown()).toContain('Staff PIN: ')
  })

  it('gives up after its timeout with a reason', async () => {
    await expect(askHidden('Staff PIN: ', fakeTerminal(), 20)).rejects.toEqual(
      new PromptError('timeout'),
    )
  })

  it('without a terminal, says so at once', async () => {
    await expect(askHidden('Staff PIN: ', undefined)).rejects.toEqual(
      new PromptError('no_terminal'),
    )
  })
})
