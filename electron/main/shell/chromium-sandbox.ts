/**
 * Whether Chromium's OS sandbox is off for this process and its children, the way Electron decides
 * it: the `--no-sandbox` switch (shell/app/command_line_args.cc, IsSandboxEnabled). Electron adds
 * that switch itself when ELECTRON_DISABLE_SANDBOX is set (shell/app/electron_main_delegate.cc),
 * and electron-builder's AppImage launcher adds it whenever `unshare -Ur true` fails
 * (app-builder-lib/out/targets/appimage/appImageUtil.js, generateAppRunScript): Ubuntu 23.10 and
 * later by default. `sandbox: true` in a window's preferences does not bring it back: the renderer
 * inherits the switch (shell/browser/electron_browser_client.cc).
 */
export function chromiumSandboxOff(commandLine: { hasSwitch(name: string): boolean }): boolean {
  return commandLine.hasSwitch('no-sandbox')
}

/**
 * The kiosk refuses to serve anyone without the sandbox (docs/security.md, item 4): a page that
 * broke out of its renderer would hold the kiosk account's rights, its keychain and its network.
 * Only the config switch named for this lets it run.
 */
export function kioskMayRun(
  commandLine: { hasSwitch(name: string): boolean },
  config: { runWithoutChromiumSandbox: boolean },
): boolean {
  return !chromiumSandboxOff(commandLine) || config.runWithoutChromiumSandbox
}
