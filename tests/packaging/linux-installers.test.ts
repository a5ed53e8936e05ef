import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { APPIMAGE_RUNTIME_STAND_IN, buildInstallers, ROOT } from './build-installers'
import { asarFiles, fusesOf, missingCommands, read, run, SHIPPED_FUSE_WIRE } from './inspect'

/**
 * What IT receives on Linux, built here for real by electron-builder around a stand-in Electron
 * (tests/packaging/stand-ins): the unpacked app, the .deb (through the fpm stand-in and
 * dpkg-deb) and the AppImage's squashfs payload.
 */
const TOOLS = ['dpkg-deb', 'mksquashfs', 'unsquashfs', 'desktop-file-validate']
const missing = process.platform === 'linux' ? missingCommands(TOOLS) : TOOLS
const reason =
  process.platform !== 'linux'
    ? 'the packaging proof builds Linux and Windows installers on Linux only'
    : `missing ${missing.join(', ')} (apt: dpkg-dev squashfs-tools desktop-file-utils)`
if (missing.length) console.log(`skipped: ${reason}`)

const SERVICE_AND_DEV_MODULES = [
  'fastify',
  'better-sqlite3',
  'nodemailer',
  'vue',
  'pinia',
  'tsx',
  'electron',
  'vitest',
  '@playwright/test',
]
const DEB_DEFAULT_DEPENDS = [
  'libgtk-3-0',
  'libnotify4',
  'libnss3',
  'libxss1',
  'libxtst6',
  'xdg-utils',
  'libatspi2.0-0',
  'libuuid1',
  'libsecret-1-0',
]

describe.skipIf(missing.length > 0)('Linux installers', () => {
  let dist = ''
  let deb = ''
  let appImage = ''
  const unpacked = () => join(dist, 'linux-unpacked')
  beforeAll(async () => {
    dist = (
      await buildInstallers('linux', ['dir', 'deb', 'AppImage'], { deb: { compression: 'gz' } })
    ).output
    deb = join(dist, 'mescertif-kiosk_0.1.0_amd64.deb')
    appImage = join(dist, 'MesCertif Kiosk-0.1.0.AppImage')
  })

  describe('the app (linux-unpacked)', () => {
    it('app.asar holds the built kiosk and its runtime modules, nothing of the service, the sources or the tests', () => {
      const files = asarFiles(join(unpacked(), 'resources', 'app.asar'))
      for (const file of [
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/out/renderer/out-of-order.html',
        '/package.json',
        '/node_modules/axios/package.json',
        '/node_modules/zod/package.json',
        '/node_modules/electron-log/package.json',
      ])
        expect(files).toContain(file)
      for (const module of SERVICE_AND_DEV_MODULES)
        expect(files, module).not.toContain(`/node_modules/${module}`)
      expect(
        files.filter((file) => /^\/(tests|service|electron|renderer\/src|shared)\//.test(file)),
      ).toEqual([])
      expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
    })

    it('keytar is unpacked beside the asar (a native module cannot load from inside it)', () => {
      expect(
        read(
          join(
            unpacked(),
            'resources',
            'app.asar.unpacked',
            'node_modules',
            'keytar',
            'package.json',
          ),
        ),
      ).toContain('"name": "keytar"')
    })

    it('the binary carries the shipped fuses, flipped by electron-builder', async () => {
      expect(await fusesOf(join(unpacked(), 'mescertif-kiosk'))).toBe(SHIPPED_FUSE_WIRE)
    })
  })

  describe('.deb', () => {
    const field = (name: string) => run('dpkg-deb', ['-f', deb, name]).trim()

    it("depends on Electron's runtime libraries (electron-builder's defaults) and a Secret Service", () => {
      const depends = field('Depends').split(', ')
      expect(depends).toEqual(
        expect.arrayContaining([...DEB_DEFAULT_DEPENDS, 'gnome-keyring | keepassxc']),
      )
    })

    it('names a maintainer with an email and a homepage (electron-builder refuses to build without)', () => {
      expect(field('Maintainer')).toMatch(/<[^@\s]+@[^@\s]+>$/)
      expect(field('Homepage')).toMatch(/^https:\/\//)
    })

    it('installs the app under /opt and a .desktop file that opens mescertif: links', () => {
      const listing = run('dpkg-deb', ['-c', deb])
      expect(listing).toContain('./opt/MesCertif Kiosk/resources/app.asar')
      expect(listing).toContain('./usr/share/applications/mescertif-kiosk.desktop')
      const root = mkdtempSync(join(tmpdir(), 'deb-'))
      run('dpkg-deb', ['-x', deb, root])
      const desktop = join(root, 'usr/share/applications/mescertif-kiosk.desktop')
      const entry = read(desktop)
      expect(entry).toMatch(/^MimeType=x-scheme-handler\/mescertif;$/m)
      expect(entry).toMatch(/^Exec="\/opt\/MesCertif Kiosk\/mescertif-kiosk" %U$/m)
      run('desktop-file-validate', [desktop])
      // The maintainer script registers the .desktop file's scheme with the desktop database.
      expect(run('dpkg-deb', ['-I', deb, 'postinst'])).toContain('update-desktop-database')
    })

    it('starts the kiosk when a desktop session opens, and offers the lock-down session under cage', () => {
      const root = mkdtempSync(join(tmpdir(), 'deb-'))
      run('dpkg-deb', ['-x', deb, root])
      const shipped = {
        'etc/xdg/autostart/mescertif-kiosk.desktop':
          'resources/linux/mescertif-kiosk-autostart.desktop',
        'usr/share/wayland-sessions/mescertif-kiosk.desktop':
          'resources/lockdown/linux/mescertif-kiosk.desktop',
        'usr/libexec/mescertif-kiosk-session': 'resources/lockdown/linux/mescertif-kiosk-session',
      }
      for (const [installed, source] of Object.entries(shipped))
        expect(read(join(root, installed)), installed).toBe(read(join(ROOT, source)))
      run('desktop-file-validate', [join(root, 'etc/xdg/autostart/mescertif-kiosk.desktop')])
      run('desktop-file-validate', [
        join(root, 'usr/share/wayland-sessions/mescertif-kiosk.desktop'),
      ])
      // What the session and the autostart entry run is there, executable.
      run('test', ['-x', join(root, 'usr/libexec/mescertif-kiosk-session')])
      run('test', ['-x', join(root, 'opt/MesCertif Kiosk/mescertif-kiosk')])
      expect(field('Recommends').split(', ')).toContain('cage')
    })

    it.skipIf(missingCommands(['apt-get']).length > 0)(
      'its dependencies resolve on this Debian (apt-get --simulate)',
      () => {
        expect(run('apt-get', ['install', '--simulate', '-q', deb])).toMatch(
          /^Conf mescertif-kiosk /m,
        )
      },
    )
  })

  describe('AppImage payload', () => {
    const offset = () => String(Buffer.byteLength(APPIMAGE_RUNTIME_STAND_IN))

    /**
     * electron-builder's AppRun (appImageUtil.js generateAppRunScript), run for real in a copy of
     * the AppDir whose kiosk binary records its arguments, with `unshare` standing for what the
     * host allows. The kiosk refuses to serve with --no-sandbox (shell/chromium-sandbox.ts).
     */
    function launch(userNamespaces: boolean, args: string[]): string[] {
      const work = mkdtempSync(join(tmpdir(), 'apprun-'))
      run('unsquashfs', ['-o', offset(), '-d', join(work, 'AppDir'), appImage, 'AppRun'])
      const appDir = join(work, 'AppDir')
      const record = join(work, 'args')
      writeFileSync(
        join(appDir, 'mescertif-kiosk'),
        `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`,
      )
      chmodSync(join(appDir, 'mescertif-kiosk'), 0o755)
      const bin = join(work, 'bin')
      mkdirSync(bin)
      writeFileSync(join(bin, 'unshare'), `#!/bin/sh\nexit ${userNamespaces ? 0 : 1}\n`)
      chmodSync(join(bin, 'unshare'), 0o755)
      execFileSync(join(appDir, 'AppRun'), args, {
        env: { ...process.env, APPDIR: appDir, PATH: `${bin}:${process.env.PATH ?? ''}` },
      })
      return readFileSync(record, 'utf8').split('\n').filter(Boolean)
    }

    it('AppRun adds --no-sandbox where user namespaces are restricted (Ubuntu 23.10 and later)', () => {
      expect(launch(false, ['mescertif://invite/x'])).toEqual([
        '--no-sandbox',
        'mescertif://invite/x',
      ])
    })

    it('AppRun keeps the sandbox where they are allowed, and passes the arguments as given', () => {
      expect(launch(true, ['--check'])).toEqual(['--check'])
      expect(launch(true, [])).toEqual([])
    })

    it('carries the app, and a desktop entry for the scheme that keeps the sandbox', () => {
      const listing = run('unsquashfs', ['-o', offset(), '-l', '-d', '', appImage])
      expect(listing).toContain('/resources/app.asar')
      expect(listing).toContain('/mescertif-kiosk.desktop')
      const out = mkdtempSync(join(tmpdir(), 'appimage-'))
      run('unsquashfs', [
        '-o',
        offset(),
        '-d',
        join(out, 'root'),
        appImage,
        'mescertif-kiosk.desktop',
      ])
      const entry = read(join(out, 'root', 'mescertif-kiosk.desktop'))
      expect(entry).toMatch(/^MimeType=x-scheme-handler\/mescertif;$/m)
      expect(entry).toMatch(/^Exec=AppRun %U$/m)
      expect(entry).not.toContain('--no-sandbox')
    })
  })
})
