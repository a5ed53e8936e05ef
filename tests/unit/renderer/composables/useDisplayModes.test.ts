import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useDisplayModes } from '@renderer/composables/useDisplayModes'
import { useAccessibilityStore } from '@renderer/stores/accessibility'
import { mountComposable } from '../mount-composable'

beforeEach(() => setActivePinia(createPinia()))

const modesOnHtml = () => ({ ...document.documentElement.dataset })

describe('useDisplayModes: the person’s modes on <html>', () => {
  it('shows each mode turned on, whichever was on before it, and none after the reset', async () => {
    const { unmount } = mountComposable(() => useDisplayModes())
    const a11y = useAccessibilityStore()
    a11y.largeText = true
    await vi.waitFor(() => expect(modesOnHtml()).toEqual({ text: 'large' }))
    // Turned on while another mode already is: the effect must still hear it.
    a11y.audio = true
    a11y.lowered = true
    a11y.highContrast = true
    await vi.waitFor(() =>
      expect(modesOnHtml()).toEqual({ text: 'large', contrast: 'high', reach: 'low', audio: 'on' }),
    )
    a11y.reset()
    await vi.waitFor(() => expect(modesOnHtml()).toEqual({}))
    unmount()
  })
})
