import { resolve } from 'node:path'

/** What `npm start`, the preview process and its test agree on. */
export const PREVIEW_ENTRY = resolve(import.meta.dirname, 'main.ts')
export const PREVIEW_HEADLESS_VAR = 'MESCERTIF_PREVIEW_HEADLESS'
/** The first words of the line the preview prints once Welcome shows. */
export const PREVIEW_READY = 'preview: the kiosk is open'

/**
 * Why the preview cannot show a window here, or undefined if it can: on Linux a window needs an
 * X or Wayland display (a server over SSH, a container, CI have none); headless needs none.
 */
export function previewCannotShow(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): string | undefined {
  if (env[PREVIEW_HEADLESS_VAR] === '1') return undefined
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return undefined
  return 'No display here (DISPLAY and WAYLAND_DISPLAY are unset), so no preview window either.'
}
