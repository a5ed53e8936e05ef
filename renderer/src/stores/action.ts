import { computed, watch, type WatchSource } from 'vue'
import type { FieldProblem, KioskError } from '@shared/errors'
import type { Result } from '@shared/result'
import { useAppStore } from './app'

/** The part of a store's state that its calls to main drive. */
export interface ActionState {
  busy: boolean
  error: KioskError | undefined
  /** The confirmation of the last action ("a new code was sent"), in stores that show one. */
  notice?: string | undefined
}

export interface ActionOptions {
  /**
   * Whether the outcome tells the service banner if the service answers (the default). Staff calls
   * do not: the staff panel shows the service's health itself.
   */
  tracked?: boolean
  /** Runs after an error is kept, for what a store does on top (staff mode closes, say). */
  onError?: (error: KioskError) => void
}

/**
 * "Busy, call, map the error": how every store calls main. The last error and notice are cleared,
 * `busy` holds while the call runs (and is off again whatever happens), and a failed call's error
 * is kept for the screen. The result goes back to the store, which decides what success means.
 */
export function useAction(state: ActionState, options: ActionOptions = {}) {
  const app = useAppStore()
  return async function run<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
    state.error = undefined
    if (state.notice !== undefined) state.notice = undefined
    state.busy = true
    try {
      const result = options.tracked === false ? await call() : await app.track(call())
      if (!result.ok) {
        state.error = result.error
        options.onError?.(result.error)
      }
      return result
    } finally {
      state.busy = false
    }
  }
}

/**
 * The service's answer was about the values it was sent: once the person changes them it no
 * longer holds, and an error must not outlive its fix. Clears the error as they edit.
 */
export function clearErrorOnEdit(state: ActionState, entered: WatchSource) {
  watch(entered, () => {
    if (state.error) state.error = undefined
  })
}

/** What the last error says about single fields, for screens that show it next to them. */
export function useErrorDetails(state: ActionState) {
  return {
    fieldErrors: computed<Record<string, FieldProblem>>(() => state.error?.fields ?? {}),
    /** The password rules the service found broken. */
    failedRules: computed(() => state.error?.rules ?? []),
  }
}
