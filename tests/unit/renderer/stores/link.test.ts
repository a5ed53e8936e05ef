import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { LinkInfo } from '@shared/api/schemas'
import { useLinkStore } from '@renderer/stores/link'
import { installFakeKiosk, ok } from '../fake-kiosk'

const invite: LinkInfo = {
  kind: 'invite',
  email: 'next@example.ca',
  maskedEmail: 'n•••@example.ca',
  expiresAt: '2026-07-01T00:00:00Z',
}

beforeEach(() => setActivePinia(createPinia()))

describe('link store', () => {
  it('a link main turned down shows its own reason when the kiosk has words for it', () => {
    const link = useLinkStore()
    link.refuse('link_expired')
    expect(link.error).toEqual({ code: 'link_expired' })
    link.refuse('bad_scheme')
    expect(link.error).toEqual({ code: 'link_invalid' })
  })

  it('"yes, erase" wipes, keeping the waiting link for after the wipe; "no" just drops it', async () => {
    const kiosk = installFakeKiosk({ 'kiosk.wipe': () => ok({}) })
    const link = useLinkStore()
    link.askBeforeFollowing(invite)
    link.keepSession()
    expect(link.waiting).toBeUndefined()
    expect(kiosk.channels()).toEqual([])

    link.askBeforeFollowing(invite)
    await link.discardSession()
    expect(link.waiting).toBeUndefined()
    expect(link.afterWipe).toEqual(invite)
    expect(kiosk.lastPayload('kiosk.wipe')).toEqual({
      reason: 'start_over',
      keepPendingLink: true,
    })
  })
})
