import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const RENDERER = resolve(ROOT, 'renderer/src')

/** `import x from '…'`, `import '…'` and `export … from '…'`; never `import('…')`, which is lazy. */
const STATIC_IMPORT =
  /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'"();]*?\s+from\s+)?['"]([^'"]+)['"]/gm

function resolveImport(specifier: string, importer: string): string | undefined {
  if (specifier.startsWith('@shared/')) specifier = resolve(ROOT, 'shared', specifier.slice(8))
  else if (specifier.startsWith('.')) specifier = resolve(dirname(importer), specifier)
  else return undefined // a package: the bare app carries the same ones
  const file = specifier.replace(/\?.*$/, '')
  for (const candidate of [file, `${file}.ts`, `${file}/index.ts`])
    if (existsSync(candidate) && !candidate.endsWith('/')) return candidate
  return undefined
}

/** Every file of the repository the entry reaches through static imports: the start chunk. */
function startFiles(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    if (!/\.(ts|vue)$/.test(file)) return
    const source = readFileSync(file, 'utf8')
    for (const [line, specifier] of source.matchAll(STATIC_IMPORT)) {
      if (/^\s*(?:import|export)\s+type\s/.test(line)) continue
      const target = resolveImport(specifier!, file)
      if (target) visit(target)
    }
  }
  visit(entry)
  return new Set([...seen].map((file) => relative(ROOT, file)))
}

/**
 * The first screen comes up on what Welcome needs (docs/performance.md): these come later, in
 * their own chunks, fetched when the browser is idle or when a person first needs them. A static
 * import from the start code would bring one back into every start, unseen until the bench.
 */
describe('the start chunk', () => {
  const start = startFiles(resolve(RENDERER, 'main.ts'))

  it('is found by following the entry (sanity: the walk reaches Welcome and its frame)', () => {
    expect(start).toContain('renderer/src/App.vue')
    expect(start).toContain('renderer/src/views/WelcomeView.vue')
    expect(start).toContain('renderer/src/components/AccessibilityBar.vue')
    expect(start).toContain('renderer/src/stores/accessibility.ts')
    expect(start).toContain('renderer/src/styles.css')
  })

  it.each([
    // The session, fetched as the first screen mounts (KioskSession.vue).
    'renderer/src/KioskSession.vue',
    'renderer/src/composables/useAudioGuidance.ts',
    'renderer/src/composables/useIdleTimer.ts',
    'renderer/src/composables/useScannerInput.ts',
    'renderer/src/lazy-components.ts',
    // Every route but Welcome's, and the flows' stores their guards read (routes.ts).
    'renderer/src/routes.ts',
    'renderer/src/views/counter/routes.ts',
    'renderer/src/stores/registration.ts',
    'renderer/src/stores/recovery.ts',
    'renderer/src/stores/session.ts',
    'renderer/src/stores/link.ts',
    'renderer/src/stores/staff.ts',
    'renderer/src/stores/counter.ts',
    'shared/password-rules.ts',
    'shared/accessibility-defaults.ts',
    // The step indicator's styles, and the banner (shown with all the messages).
    'renderer/src/styles/steps.css',
    'renderer/src/components/ServiceBanner.vue',
    'renderer/src/audio/audio-session.ts',
    'renderer/src/audio/audio-guide.ts',
    'renderer/src/audio/web-speech.ts',
    'renderer/src/components/OnScreenKeyboard.vue',
    'renderer/src/components/StaffPanel.vue',
    'renderer/src/components/StaffPinPad.vue',
    'renderer/src/components/DemoMailbox.vue',
    'renderer/src/views/ConfigErrorView.vue',
    'renderer/src/views/SignedInView.vue',
    'renderer/src/composables/useFieldKeptInView.ts',
    'renderer/src/styles/modes.css',
    'renderer/src/styles/dialog.css',
    'renderer/src/styles/finished.css',
    'renderer/src/styles/forms.css',
    'renderer/src/styles/staff.css',
    'renderer/src/styles/demo-mailbox.css',
    'renderer/src/styles/signed-in.css',
    'renderer/src/styles/password-checklist.css',
    'renderer/src/keyboard.css',
    'locales/en-CA.json',
  ])('leaves out %s', (file) => {
    expect(existsSync(resolve(ROOT, file))).toBe(true)
    expect(start).not.toContain(file)
  })
})
