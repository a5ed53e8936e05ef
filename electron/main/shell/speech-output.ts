/** The part of Electron's `app.commandLine` this module needs. */
export interface CommandLine {
  appendSwitch(name: string): void
}

/**
 * Audio guidance speaks through the Web Speech API. On Linux, Chromium reaches the OS voices only
 * through speech-dispatcher, and only when told to (without the switch `speechSynthesis` lists no
 * voice); Windows and macOS voices need nothing. See docs/accessibility.md, "Voices".
 */
export function setupSpeechOutput(commandLine: CommandLine, platform: NodeJS.Platform): void {
  if (platform === 'linux') commandLine.appendSwitch('enable-speech-dispatcher')
}
