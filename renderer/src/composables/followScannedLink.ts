import type { Router } from 'vue-router'
import { ensureRoutes } from '../route-loading'
import { useLinkStore } from '../stores/link'
import { linkNavigation } from './useLinkNavigation'

/**
 * A link read by the scanner on Welcome: resolved by the service, then followed (or the person
 * asked first), or its problem shown. Loaded with the first scan, not with Welcome.
 */
export async function followScannedLink(text: string, router: Router): Promise<void> {
  // The screens it leads to come after Welcome (route-loading.ts); a scan may beat them.
  const [info] = await Promise.all([useLinkStore().submit(text), ensureRoutes(router)])
  if (info) await linkNavigation(router).openLink(info)
  else await router.push({ name: 'link-problem' })
}
