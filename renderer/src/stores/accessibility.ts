import { defineStore } from 'pinia'
import { computed, reactive, toRefs } from 'vue'
import { useAppStore } from './app'

/** Speech volume steps (Web Speech's 0–1); the OS volume is the ceiling. */
export const VOLUME_STEP = 0.2
const initialVolume = 0.8

const initial = () => ({
  audio: false,
  largeText: false,
  highContrast: false,
  lowered: false,
  volume: initialVolume,
  /** Set when audio guidance was asked for and no voice could speak it: shown on screen. */
  audioUnavailable: false,
  /**
   * Whether the person opened the accessibility bar where it is folded into one button (large
   * text, or the keyboard up on a short screen: styles/a11y-bar.css).
   */
  barOpen: false,
})

/**
 * The closed-functionality modes a person turns on for themselves (docs/accessibility.md): audio
 * guidance, 200 % text, high contrast, lowered controls. The wipe turns them all off.
 */
export const useAccessibilityStore = defineStore('accessibility', () => {
  const app = useAppStore()
  const state = reactive(initial())
  /** What IT's config offers; nothing until main has said (the frame waits for it anyway). */
  const settings = computed(() => app.info?.accessibility)
  /** A person who listens or reads slowly gets the kiosk's times multiplied (WCAG 2.2.1). */
  const timeMultiplier = computed(() =>
    (state.audio || state.largeText) && settings.value ? settings.value.timeMultiplier : 1,
  )

  function changeVolume(step: number) {
    state.volume = Math.round(Math.min(1, Math.max(VOLUME_STEP, state.volume + step)) * 10) / 10
  }

  function reset() {
    Object.assign(state, initial())
  }

  return { ...toRefs(state), settings, timeMultiplier, changeVolume, reset }
})
