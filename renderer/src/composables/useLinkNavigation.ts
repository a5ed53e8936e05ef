import { useRouter, type Router } from 'vue-router'
import type { LinkInfo } from '@shared/api/schemas'
import { kiosk } from '../kiosk'
import { useLinkStore } from '../stores/link'
import { useRecoveryStore } from '../stores/recovery'
import { useRegistrationStore } from '../stores/registration'
import { useSessionStore } from '../stores/session'

/** Where a mail link leads, from whichever door it came in by. */
export function useLinkNavigation() {
  return linkNavigation(useRouter())
}

/** The same, outside a component's setup (a scan handled after its screen was set up). */
export function linkNavigation(router: Router) {
  const link = useLinkStore()
  const registration = useRegistrationStore()
  const recovery = useRecoveryStore()
  const session = useSessionStore()

  /**
   * Invite → registration with the address locked; activate → activation; reset → new password.
   * Main makes the link this person's as they follow it.
   */
  async function followLink(info: LinkInfo): Promise<void> {
    await kiosk().links.follow()
    if (info.kind === 'invite') {
      registration.startFromInvitation(info)
      await router.push({ name: 'register-identity' })
    } else if (info.kind === 'activate') {
      await router.push({ name: 'link-activate' })
    } else {
      recovery.allowPasswordReset()
      await router.push({ name: 'recovery-new-password' })
    }
  }

  /** Follows the link, or first asks whether to discard the session in progress. */
  async function openLink(info: LinkInfo): Promise<void> {
    if (registration.inProgress || recovery.inProgress || session.profile) {
      link.askBeforeFollowing(info)
      return
    }
    await followLink(info)
  }

  return { followLink, openLink }
}
