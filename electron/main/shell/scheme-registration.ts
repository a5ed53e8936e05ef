import type { MailLinkApp } from '../links/mail-link-sources'

/**
 * The app the mail-link doors are registered on, minus runtime scheme registration where the
 * installer owns it. On Windows `setAsDefaultProtocolClient` writes HKCU\Software\Classes for the
 * kiosk's user, which outlives an uninstall and shadows the per-machine keys the NSIS and MSI
 * installers write (resources/installer/installer.nsh, resources/installer/msi-machine-registry.cjs); on Linux it
 * runs `xdg-mime default` for a .desktop file the .deb already declares the scheme in. Unpackaged
 * (npm start, npm run dev) and on macOS (LaunchServices' default handler for the scheme
 * CFBundleURLTypes declares) it is still asked for.
 */
export function withInstallerOwnedScheme(
  app: MailLinkApp & { isPackaged: boolean },
  platform: NodeJS.Platform,
): MailLinkApp {
  const installerOwnsScheme = app.isPackaged && (platform === 'win32' || platform === 'linux')
  return {
    on: app.on.bind(app) as MailLinkApp['on'],
    setAsDefaultProtocolClient: (...args) =>
      installerOwnsScheme ? false : app.setAsDefaultProtocolClient(...args),
  }
}
