import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Stand-ins for the NSIS plugins electron-builder downloads with its NSIS bundle (UAC, nsProcess,
 * nsis7z, SpiderBanner, StdUtils, WinShell...), never shipped. makensis only reads a plugin DLL's
 * export table to learn its commands, so each stand-in is the smallest PE32 DLL exporting the
 * names electron-builder's templates call. Plugins Debian's nsis package has (System, nsDialogs,
 * nsExec...) come from there.
 */
const DEBIAN_PLUGINS = '/usr/share/nsis/Plugins/x86-unicode'

/** `Plugin::Command` calls in the NSIS templates, grouped by plugin. */
export function pluginCallsIn(templatesDir: string): Map<string, Set<string>> {
  const calls = new Map<string, Set<string>>()
  const scan = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) scan(path)
      else if (/\.ns[hi]$/.test(entry.name))
        for (const [, plugin, command] of readFileSync(path, 'utf8').matchAll(
          /^\s*([A-Za-z0-9_]+)::([A-Za-z0-9_]+)/gm,
        ))
          calls.set(plugin!, (calls.get(plugin!) ?? new Set()).add(command!))
    }
  }
  scan(templatesDir)
  return calls
}

/** A PE32 (i386) DLL whose only content is an export table of `names`. */
export function exportOnlyDll(dllName: string, names: readonly string[]): Buffer {
  const sorted = [...names].sort()
  const SECTION_RVA = 0x1000
  const FILE_ALIGN = 0x200
  // Export section: directory (40 bytes), function RVAs, name RVAs, ordinals, strings.
  const dirSize = 40
  const functionsAt = dirSize
  const namesAt = functionsAt + 4 * sorted.length
  const ordinalsAt = namesAt + 4 * sorted.length
  let stringsAt = ordinalsAt + 2 * sorted.length
  const strings: Buffer[] = []
  const nameRvas: number[] = []
  const dllNameRva = SECTION_RVA + stringsAt
  strings.push(Buffer.from(`${dllName}\0`, 'latin1'))
  stringsAt += strings[0]!.length
  for (const name of sorted) {
    nameRvas.push(SECTION_RVA + stringsAt)
    const bytes = Buffer.from(`${name}\0`, 'latin1')
    strings.push(bytes)
    stringsAt += bytes.length
  }
  const section = Buffer.alloc(Math.ceil(stringsAt / FILE_ALIGN) * FILE_ALIGN)
  section.writeUInt32LE(dllNameRva, 12)
  section.writeUInt32LE(1, 16) // ordinal base
  section.writeUInt32LE(sorted.length, 20)
  section.writeUInt32LE(sorted.length, 24)
  section.writeUInt32LE(SECTION_RVA + functionsAt, 28)
  section.writeUInt32LE(SECTION_RVA + namesAt, 32)
  section.writeUInt32LE(SECTION_RVA + ordinalsAt, 36)
  sorted.forEach((_name, i) => {
    section.writeUInt32LE(SECTION_RVA, functionsAt + 4 * i)
    section.writeUInt32LE(nameRvas[i]!, namesAt + 4 * i)
    section.writeUInt16LE(i, ordinalsAt + 2 * i)
  })
  Buffer.concat(strings).copy(section, dirSize + 10 * sorted.length)

  const headers = Buffer.alloc(FILE_ALIGN)
  headers.write('MZ', 0, 'latin1')
  headers.writeUInt32LE(0x40, 0x3c)
  headers.write('PE\0\0', 0x40, 'latin1')
  const coff = 0x44
  headers.writeUInt16LE(0x14c, coff) // i386
  headers.writeUInt16LE(1, coff + 2) // one section
  headers.writeUInt16LE(0xe0, coff + 16) // optional header size
  headers.writeUInt16LE(0x2102, coff + 18) // executable, 32-bit, DLL
  const opt = coff + 20
  headers.writeUInt16LE(0x10b, opt) // PE32
  headers.writeUInt32LE(SECTION_RVA, opt + 16) // entry point
  headers.writeUInt32LE(0x10000000, opt + 28) // image base
  headers.writeUInt32LE(SECTION_RVA, opt + 32) // section alignment
  headers.writeUInt32LE(FILE_ALIGN, opt + 36)
  headers.writeUInt16LE(4, opt + 40) // OS version
  headers.writeUInt16LE(4, opt + 48) // subsystem version
  headers.writeUInt32LE(SECTION_RVA + section.length, opt + 56) // image size
  headers.writeUInt32LE(FILE_ALIGN, opt + 60) // headers size
  headers.writeUInt16LE(2, opt + 68) // GUI subsystem
  headers.writeUInt32LE(16, opt + 92) // data directories
  headers.writeUInt32LE(SECTION_RVA, opt + 96) // export table
  headers.writeUInt32LE(stringsAt, opt + 100)
  const sec = opt + 0xe0
  headers.write('.edata', sec, 'latin1')
  headers.writeUInt32LE(section.length, sec + 8)
  headers.writeUInt32LE(SECTION_RVA, sec + 12)
  headers.writeUInt32LE(section.length, sec + 16)
  headers.writeUInt32LE(FILE_ALIGN, sec + 20)
  headers.writeUInt32LE(0x40000040, sec + 36) // initialized data, readable
  return Buffer.concat([headers, section])
}

/** ELECTRON_BUILDER_NSIS_RESOURCES_DIR: `plugins/x86-unicode/*.dll` for the plugins Debian lacks. */
export function createNsisResources(dir: string, templatesDir: string): string {
  const plugins = join(dir, 'plugins', 'x86-unicode')
  mkdirSync(plugins, { recursive: true })
  const debian = new Set(readdirSync(DEBIAN_PLUGINS).map((file) => file.toLowerCase()))
  for (const [plugin, commands] of pluginCallsIn(templatesDir)) {
    const file = `${plugin}.dll`
    if (debian.has(file.toLowerCase())) continue
    writeFileSync(join(plugins, file), exportOnlyDll(file, [...commands]))
  }
  return dir
}
