import { expect, test } from '@playwright/test'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { goHome, registerFully } from '../e2e/harness/flows'
import { DEVICE_TOKEN, startReferenceService } from '../e2e/harness/reference-service'
import { launchKiosk, type Target } from './launch'

const target = () => test.info().project.metadata.target as Target

/** Every file under a folder whose bytes contain `needle` (Chromium's storage, cache, cookies). */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry)
    if (statSync(path).isFile() && readFileSync(path).includes(needle)) found.push(entry)
  }
  return found
}

test('a whole registration against the reference service, then a wipe leaves nothing on disk', async () => {
  const service = await startReferenceService({ scryptCost: 1024 })
  try {
    const email = `electron-${Date.now()}@demo.example.ca`
    await service.invite(email)
    const { app, page, userData } = await launchKiosk(target(), {
      env: { MESCERTIF_DEMO_SERVICE_URL: service.url(), MESCERTIF_DEMO_DEVICE_TOKEN: DEVICE_TOKEN },
    })
    // What a person last selected sits in X11's PRIMARY selection (Linux), pasted by a middle click.
    const selectionHolds = (text: string) =>
      app.evaluate(async ({ clipboard }, written) => {
        if (!clipboard.selection) return undefined
        if (written) await clipboard.selection.writeText(written)
        return clipboard.selection.readText()
      }, text)
    if (process.platform === 'linux') expect(await selectionHolds(email)).toBe(email)
    await registerFully(page, service, { firstName: 'Camille', lastName: 'Electron', email })
    expect(service.accountCount(email)).toBe(1)

    await goHome(page)
    // Electron 44: only clipboard.selection.clear() clears it (shell/browser-data.ts).
    if (process.platform === 'linux') await expect.poll(() => selectionHolds('')).toBe('')
    // Chromium writes lazily: ask it to flush what it holds before looking at the disk.
    await app.evaluate(async ({ session }) => {
      session.defaultSession.flushStorageData()
      await session.defaultSession.cookies.flushStore()
    })
    expect(filesContaining(userData, email)).toEqual([])
    expect(filesContaining(userData, 'Electron')).toEqual([])
    await app.close()
  } finally {
    await service.stop()
  }
})
