import type { LinkInfo } from '../../../shared/api/schemas'
import { kiosk } from '../kiosk'
import { router } from '../router'
import { useLinkStore } from '../stores/link'
import { useRecoveryStore } from '../stores/recovery'
import { useRegistrationStore } from '../stores/registration'
import { useSessionStore } from '../stores/session'

/** A link to follow once the wipe it asked for is done (see `App.vue`'s wiped handler). */
let afterWipe: LinkInfo | undefined

export function takeLinkAfterWipe(): LinkInfo | undefined {
  const link = afterWipe
  afterWipe = undefined
  return link
}

/** Where each kind of link leads (SPEC §4). Main makes the link this person's as they follow it. */
export async function followLink(link: LinkInfo): Promise<void> {
  await kiosk().links.follow()
  if (link.kind === 'invite') {
    useRegistrationStore().startFromInvitation(link)
    await router.push({ name: 'register-identity' })
  } else if (link.kind === 'activate') {
    await router.push({ name: 'link-activate' })
  } else {
    useRecoveryStore().allowPasswordReset()
    await router.push({ name: 'recovery-new-password' })
  }
}

function someoneIsMidSession(): boolean {
  return (
    useRegistrationStore().inProgress() ||
    useRecoveryStore().inProgress() ||
    Boolean(useSessionStore().profile)
  )
}

/** A link from any door: follow it, or first ask whether to discard the session in progress. */
export async function openLink(link: LinkInfo): Promise<void> {
  if (someoneIsMidSession()) {
    useLinkStore().waiting = link
    return
  }
  await followLink(link)
}

export async function discardSessionFor(link: LinkInfo): Promise<void> {
  useLinkStore().waiting = undefined
  afterWipe = link
  await kiosk().kiosk.wipe({ reason: 'start_over', keepPendingLink: true })
}
