import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { refuseClientCertificates } from '@main/shell/client-certificates'

describe('client certificates (Electron 44 asks for main’s own requests too)', () => {
  it('a server asking for one gets none, even with matching certificates in the OS store', () => {
    const lines: string[] = []
    let listener: ((...args: never[]) => void) | undefined
    refuseClientCertificates(
      { on: (_event, registered) => (listener = registered as never) },
      createEventLog({ write: (_level, line) => lines.push(line) }),
    )
    const answered: unknown[][] = []
    let prevented = false
    ;(listener as unknown as (...args: unknown[]) => void)(
      { preventDefault: () => (prevented = true) },
      null,
      'https://accounts.example.ca/v1/health',
      [{ subjectName: 'campus-wifi' }, { subjectName: 'someone-else' }],
      (...certificate: unknown[]) => answered.push(certificate),
    )
    // Not preventing the default makes Electron pick the first certificate itself.
    expect(prevented).toBe(true)
    expect(answered).toEqual([[]])
    expect(lines).toEqual(['tls.client_certificate_refused offered=2'])
  })
})
