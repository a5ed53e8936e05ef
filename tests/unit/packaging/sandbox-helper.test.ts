import { describe, expect, it } from 'vitest'
import { sandboxHelperAdvice, type SandboxFacts } from '../../../scripts/sandbox-helper'

const BINARY = '/home/dev/kiosk/node_modules/electron/dist/electron'
const HELPER = '/home/dev/kiosk/node_modules/electron/dist/chrome-sandbox'

/** This machine as npm leaves it on stock Ubuntu 24.04, unless told otherwise. */
const ubuntu2404 = (overrides: Partial<SandboxFacts> = {}): SandboxFacts => ({
  platform: 'linux',
  userNamespaces: () => false,
  stat: (path) => (path === HELPER ? { uid: 1000, mode: 0o100755 } : undefined),
  ...overrides,
})

describe('npm start on a Linux where Electron’s sandbox cannot start', () => {
  it('stock Ubuntu 24.04 (namespaces restricted, helper as npm left it): the one line that fixes it', () => {
    expect(sandboxHelperAdvice(BINARY, ubuntu2404())).toBe(
      `Electron's sandbox cannot start here (user namespaces are restricted and its helper is not setuid root); run once: sudo chown root:root '${HELPER}' && sudo chmod 4755 '${HELPER}'`,
    )
  })

  it('a helper that is setuid but not root’s still needs it', () => {
    const stat = () => ({ uid: 1000, mode: 0o104755 })
    expect(sandboxHelperAdvice(BINARY, ubuntu2404({ stat }))).toContain('chown root:root')
  })

  it('says nothing where the sandbox will start', () => {
    const setUp = ubuntu2404({ stat: () => ({ uid: 0, mode: 0o104755 }) })
    expect(sandboxHelperAdvice(BINARY, setUp)).toBeUndefined()
    expect(sandboxHelperAdvice(BINARY, ubuntu2404({ userNamespaces: () => true }))).toBeUndefined()
    expect(sandboxHelperAdvice(BINARY, ubuntu2404({ platform: 'win32' }))).toBeUndefined()
  })
})
