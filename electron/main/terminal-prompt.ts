import { openSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { ReadStream, WriteStream } from 'node:tty'

/** Typing a PIN takes seconds; a prompt nobody answers must not hold a deployment script forever. */
export const PROMPT_TIMEOUT_MS = 120_000

export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean }
  output: NodeJS.WritableStream
  close(): void
}

export class PromptError extends Error {
  constructor(readonly reason: 'no_terminal' | 'timeout') {
    super(reason)
  }
}

/**
 * The terminal itself, not stdin: `--provision` reads the device token from stdin to its end, so a
 * piped token leaves stdin ended and a PIN asked there would wait forever. `/dev/tty` (or the
 * Windows console, `CONIN$`/`CONOUT$`) is the person at the keyboard; without one (a scheduled
 * task, a CI job) there is no one to ask.
 */
export function openTerminal(platform: NodeJS.Platform = process.platform): Terminal | undefined {
  const [inputPath, outputPath] =
    platform === 'win32' ? ['CONIN$', 'CONOUT$'] : ['/dev/tty', '/dev/tty']
  try {
    const input = new ReadStream(openSync(inputPath, 'r'))
    const output = new WriteStream(openSync(outputPath, 'w'))
    return {
      input,
      output,
      close: () => {
        input.destroy()
        output.destroy()
      },
    }
  } catch {
    return undefined
  }
}

/** Asks on the terminal without echoing the answer; throws PromptError without one or in time. */
export async function askHidden(
  question: string,
  terminal: Terminal | undefined,
  timeoutMs: number = PROMPT_TIMEOUT_MS,
): Promise<string> {
  if (!terminal) throw new PromptError('no_terminal')
  const rl = createInterface({
    input: terminal.input,
    output: terminal.output,
    terminal: Boolean(terminal.input.isTTY),
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    return await new Promise<string>((resolve, reject) => {
      timer = setTimeout(() => reject(new PromptError('timeout')), timeoutMs)
      rl.question(question, resolve)
      // Do not echo the PIN (readline's own echo, in the raw mode it puts a TTY in).
      ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined
    })
  } finally {
    clearTimeout(timer)
    rl.close()
    terminal.output.write('\n')
  }
}
