import { defineStore } from 'pinia'
import { reactive, toRefs } from 'vue'
import type { LinkInfo } from '@shared/api/schemas'
import { isErrorCode } from '@shared/error-codes'
import type { KioskError } from '@shared/errors'
import { kiosk } from '../kiosk'
import { clearErrorOnEdit, useAction } from './action'

const initial = () => ({
  raw: '',
  busy: false,
  error: undefined as KioskError | undefined,
  /** A link that arrived while someone's session was in progress: waiting for a yes or no. */
  waiting: undefined as LinkInfo | undefined,
  /** The link whose "yes" asked for a wipe: followed once the wipe is done. */
  afterWipe: undefined as LinkInfo | undefined,
  activated: false,
})

/** Mail links, whether pasted, scanned or opened from the OS. */
export const useLinkStore = defineStore('link', () => {
  const state = reactive(initial())
  const run = useAction(state)
  clearErrorOnEdit(state, () => state.raw)

  async function submit(text: string): Promise<LinkInfo | undefined> {
    const result = await run(() => kiosk().links.submit({ raw: text }))
    return result.ok ? result.data : undefined
  }

  async function activate() {
    const result = await run(() => kiosk().links.activate())
    if (result.ok) state.activated = true
    return result.ok
  }

  /** A link main turned down on its way in: its reason if the screen has words for it. */
  function refuse(code: string) {
    state.error = { code: isErrorCode(code) ? code : 'link_invalid' }
  }

  function askBeforeFollowing(link: LinkInfo) {
    state.waiting = link
  }

  /** "No": the session in progress stays as it was, the waiting link is dropped. */
  function keepSession() {
    state.waiting = undefined
  }

  /** "Yes, erase": the kiosk wipes, then the waiting link is followed (`App.vue`'s wiped handler). */
  async function discardSession() {
    state.afterWipe = state.waiting
    state.waiting = undefined
    await kiosk().kiosk.wipe({ reason: 'start_over', keepPendingLink: true })
  }

  function reset() {
    Object.assign(state, initial())
  }

  return {
    ...toRefs(state),
    submit,
    activate,
    refuse,
    askBeforeFollowing,
    keepSession,
    discardSession,
    reset,
  }
})
