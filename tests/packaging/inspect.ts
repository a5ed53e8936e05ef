import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'))

/** Every path in an asar archive, as electron-builder's own @electron/asar lists it. */
export function asarFiles(asar: string): string[] {
  const { listPackage } = builderRequire('@electron/asar') as {
    listPackage(path: string, options: { isPack: boolean }): string[]
  }
  return listPackage(asar, { isPack: false }).map((path) => path.replaceAll('\\', '/'))
}

/** SHA-256 of the asar header: what Electron checks against the embedded integrity. */
export function asarHeaderHash(asar: string): string {
  const { getRawHeader } = builderRequire('@electron/asar') as {
    getRawHeader(path: string): { headerString: string }
  }
  return createHash('sha256').update(getRawHeader(asar).headerString).digest('hex')
}

/**
 * electron-builder.yml's fuses as @electron/fuses lays them out (RunAsNode, CookieEncryption,
 * NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot left as Electron
 * ships it, GrantFileProtocolExtraPrivileges).
 */
export const SHIPPED_FUSE_WIRE = '01001100'

/** The fuse wire of a binary, read back by @electron/fuses: index → '0' | '1'. */
export async function fusesOf(binary: string): Promise<string> {
  const { getCurrentFuseWire } = builderRequire('@electron/fuses') as {
    getCurrentFuseWire(path: string): Promise<Record<string, number | string>>
  }
  const wire = await getCurrentFuseWire(binary)
  return Object.keys(wire)
    .filter((key) => key !== 'version')
    .map((key) => String.fromCharCode(wire[key] as number))
    .join('')
}

export const run = (command: string, args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

export const read = (path: string) => readFileSync(path, 'utf8')

/** Whether each command is on PATH. */
export function missingCommands(commands: string[]): string[] {
  return commands.filter((command) => {
    try {
      execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
      return false
    } catch {
      return true
    }
  })
}
