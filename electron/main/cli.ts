import type { NetFetch, ProxyProblem } from './account/chromium-net-errors'
import { createAccountClient } from './account/http-client'
import { loadConfig, type ConfigEnvironment } from './config/load'
import { readConfigFile } from './config/read-config-file'
import { KeychainUnavailableError, type SecretStore } from './secrets/secret-store'
import { hashStaffPin, STAFF_PIN_PATTERN } from './staff/pin'
import { askHidden, openTerminal, PROMPT_TIMEOUT_MS, PromptError } from './terminal-prompt'

export const STAFF_PIN_ENV_VAR = 'MESCERTIF_KIOSK_STAFF_PIN'

/** What IT does about a proxy in the way (docs/deployment.md, "Campus networks"). */
const PROXY_PROBLEMS: Record<ProxyProblem, string> = {
  proxy_auth_required:
    'the proxy asks for credentials, which the kiosk does not send; let the kiosk reach the service without proxy authentication (by its address, or integrated Windows authentication)',
  proxy_refused:
    'the proxy refused the connection (it may ask for credentials, or not allow this address)',
}
const DEVICE_TOKEN_PATTERN = /^[\x21-\x7e]{16,512}$/

export function isCliInvocation(argv: readonly string[]): boolean {
  return argv.includes('--provision') || argv.includes('--check')
}

export interface CliDeps {
  secrets: SecretStore
  environment?: Partial<ConfigEnvironment>
  readStdin?: () => Promise<string>
  /** Asks for a secret on the terminal (no echo); throws PromptError without one or in time. */
  prompt?: (question: string) => Promise<string>
  /** Electron's net.fetch, so `--check` reaches the service the way the kiosk does. */
  fetch?: NetFetch
  out?: (line: string) => void
  err?: (line: string) => void
  timeoutMs?: number
  /** Chromium's sandbox is off for this process (shell/chromium-sandbox.ts): the kiosk would refuse. */
  sandboxOff?: boolean
}

async function readAllStdin(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) text += chunk
  return text
}

async function promptOnTerminal(question: string): Promise<string> {
  const terminal = openTerminal()
  try {
    return await askHidden(question, terminal)
  } finally {
    terminal?.close()
  }
}

const PROMPT_FAILURES: Record<PromptError['reason'], string> = {
  no_terminal: `provision: no terminal to type the staff PIN on (standard input carries the device token); set ${STAFF_PIN_ENV_VAR} and run again; nothing was stored`,
  timeout: `provision: no staff PIN typed within ${PROMPT_TIMEOUT_MS / 1000} s; nothing was stored`,
}

async function askPinTwice(
  prompt: (question: string) => Promise<string>,
): Promise<{ pin: string } | { problem: string }> {
  try {
    const pin = await prompt('Staff PIN (6–12 digits): ')
    const again = await prompt('Staff PIN again: ')
    return pin === again
      ? { pin }
      : { problem: 'provision: the two PINs differ; nothing was stored' }
  } catch (error) {
    if (error instanceof PromptError) return { problem: PROMPT_FAILURES[error.reason] }
    throw error
  }
}

/** `--provision`: the device token from stdin, the staff PIN from the environment or asked twice. */
async function provision(
  deps: Required<Pick<CliDeps, 'secrets' | 'readStdin' | 'prompt' | 'out' | 'err'>>,
  env: NodeJS.ProcessEnv,
) {
  const token = (await deps.readStdin()).trim()
  if (!DEVICE_TOKEN_PATTERN.test(token)) {
    deps.err('provision: the device token (on standard input) must be 16–512 printable characters')
    return 2
  }
  let pin = env[STAFF_PIN_ENV_VAR]
  if (pin === undefined) {
    const asked = await askPinTwice(deps.prompt)
    if ('problem' in asked) {
      deps.err(asked.problem)
      return 2
    }
    pin = asked.pin
  }
  if (!STAFF_PIN_PATTERN.test(pin)) {
    deps.err('provision: the staff PIN must be 6 to 12 digits; nothing was stored')
    return 2
  }
  try {
    await deps.secrets.set('device-token', token)
    await deps.secrets.set('staff-pin-hash', await hashStaffPin(pin))
  } catch (error) {
    deps.err(
      `provision: ${error instanceof KeychainUnavailableError ? 'the OS keychain is not available' : 'the keychain refused'}; nothing was stored elsewhere`,
    )
    return 1
  }
  deps.out('provision: device token and staff PIN hash stored in the OS keychain')
  return 0
}

/** `--check`: one line per problem, exit code 1 if there is any (docs/deployment.md). */
async function check(
  deps: Required<Pick<CliDeps, 'secrets' | 'out' | 'err'>> & {
    timeoutMs: number
    fetch: NetFetch | undefined
    sandboxOff: boolean
  },
  environment: ConfigEnvironment,
) {
  const problems: string[] = []
  const loaded = loadConfig(environment)
  if (loaded.kind === 'invalid')
    problems.push(...loaded.problems.map((p) => `config ${loaded.path}: ${p}`))
  else if (loaded.kind === 'demo')
    problems.push(
      `config: no file at ${loaded.path} (give --config PATH or set MESCERTIF_KIOSK_CONFIG)`,
    )
  else deps.out(`ok: config ${loaded.path}`)

  if (deps.sandboxOff && loaded.kind === 'ok' && loaded.config.runWithoutChromiumSandbox)
    deps.out(
      "warning: Chromium's sandbox is off (--no-sandbox) and runWithoutChromiumSandbox lets the kiosk run",
    )
  else if (deps.sandboxOff)
    problems.push(
      "sandbox: Chromium's sandbox is off (--no-sandbox): the kiosk will show out of order; install the .deb, or allow unprivileged user namespaces (docs/deployment.md)",
    )

  let token: string | undefined
  try {
    token = await deps.secrets.get('device-token')
    const pinHash = await deps.secrets.get('staff-pin-hash')
    deps.out('ok: keychain reachable')
    if (!token) problems.push('device token: not provisioned (run --provision)')
    if (!pinHash) problems.push('staff PIN: not provisioned (run --provision)')
  } catch {
    problems.push(
      'keychain: the OS keychain is not available (on Linux: is a Secret Service such as gnome-keyring running and unlocked?)',
    )
  }

  if (loaded.kind === 'ok' && token) {
    let proxyProblem: ProxyProblem | undefined
    const client = createAccountClient({
      baseUrl: loaded.config.serviceUrl,
      deviceToken: token,
      timeoutMs: deps.timeoutMs,
      retryDelaysMs: [],
      onProxyProblem: (problem) => (proxyProblem = problem),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    })
    const health = await client.health()
    if (!health.ok && proxyProblem)
      problems.push(`service: ${PROXY_PROBLEMS[proxyProblem]} (${loaded.config.serviceUrl})`)
    else if (!health.ok)
      problems.push(`service: ${loaded.config.serviceUrl} did not answer (${health.error.code})`)
    else {
      const device = await client.currentDevice()
      if (device.ok)
        deps.out(
          `ok: service ${loaded.config.serviceUrl} (version ${health.data.version}) accepts this kiosk`,
        )
      else if (device.error.code === 'unknown_device')
        problems.push('service: the device token was rejected (unknown or disabled device)')
      else problems.push(`service: device check failed (${device.error.code})`)
    }
  }
  for (const problem of problems) deps.err(problem)
  return problems.length === 0 ? 0 : 1
}

export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const environment: ConfigEnvironment = {
    argv,
    env: process.env,
    platform: process.platform,
    readFile: readConfigFile,
    ...deps.environment,
  }
  const io = {
    secrets: deps.secrets,
    readStdin: deps.readStdin ?? readAllStdin,
    prompt: deps.prompt ?? promptOnTerminal,
    out: deps.out ?? ((line: string) => console.log(line)),
    err: deps.err ?? ((line: string) => console.error(line)),
  }
  if (argv.includes('--provision')) return provision(io, environment.env)
  return check(
    {
      ...io,
      timeoutMs: deps.timeoutMs ?? 5000,
      fetch: deps.fetch,
      sandboxOff: deps.sandboxOff ?? false,
    },
    environment,
  )
}
