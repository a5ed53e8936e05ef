import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * Stand-in for an unzipped Electron release (electron-builder's `electronDist`), never shipped.
 * The binary carries @electron/fuses' sentinel and a version-1 fuse wire with Electron's defaults,
 * so electron-builder's real fuse step (@electron/fuses flipFuses) finds and flips it, and
 * getCurrentFuseWire reads the result back (node_modules/@electron/fuses/dist/constants.js:
 * SENTINEL; states '0' off, '1' on). On Windows it is a real, empty PE executable with a version
 * resource, because electron-builder writes the asar integrity into the .exe's resources
 * (app-builder-lib/out/electron/electronWin.js, with resedit) — the sentinel rides in a resource.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocol. */
export const ELECTRON_DEFAULT_FUSES = '10110001'

const fuseWire = () =>
  Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES),
  ])

/** The resedit electron-builder itself edits Windows executables with. */
export function resedit(): typeof import('resedit') {
  const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'))
  return builderRequire('resedit') as typeof import('resedit')
}

function windowsExecutable(): Buffer {
  const { NtExecutable, NtExecutableResource, Resource } = resedit()
  const executable = NtExecutable.createEmpty(false, false)
  const resources = NtExecutableResource.from(executable)
  const version = Resource.VersionInfo.createEmpty()
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron stand-in' })
  version.outputToResourceEntries(resources.entries)
  resources.entries.push({
    type: 10,
    id: 'FUSES',
    lang: 1033,
    codepage: 1200,
    bin: new Uint8Array(fuseWire()).buffer,
  })
  resources.outputResource(executable)
  return Buffer.from(executable.generate())
}

export function createElectronDist(
  dir: string,
  platform: 'linux' | 'win32',
  version: string,
): string {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  if (platform === 'win32') writeFileSync(join(dir, 'electron.exe'), windowsExecutable())
  else
    writeFileSync(
      join(dir, 'electron'),
      Buffer.concat([Buffer.from('stand-in Electron binary\n'), fuseWire()]),
      { mode: 0o755 },
    )
  writeFileSync(join(dir, 'LICENSE'), 'stand-in')
  writeFileSync(join(dir, 'version'), version)
  return dir
}
