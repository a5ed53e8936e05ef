import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import type { KioskError } from '@shared/errors'
import type { Result } from '@shared/result'
import { useAction, type ActionState } from '@renderer/stores/action'
import { useAppStore } from '@renderer/stores/app'
import { deferred, ok } from '../fake-kiosk'

const unreachable: KioskError = { code: 'service_unreachable' }
const state = () =>
  reactive<ActionState>({ busy: false, error: { code: 'timeout' }, notice: 'resent' })

beforeEach(() => setActivePinia(createPinia()))

describe('useAction: busy, call, map the error', () => {
  it('is busy while the call runs, with the last error and notice gone, and not after', async () => {
    const store = state()
    const answer = deferred<Result<string>>()
    const running = useAction(store)(() => answer.promise)
    expect(store).toMatchObject({ busy: true, error: undefined, notice: undefined })
    answer.resolve(ok('done'))
    expect(await running).toEqual(ok('done'))
    expect(store.busy).toBe(false)
  })

  it('keeps a failed call’s error for the screen and tells the store', async () => {
    const store = state()
    const onError = vi.fn()
    const result = await useAction(store, { onError })(async () => ({
      ok: false,
      error: { code: 'invalid_code', attemptsLeft: 3 },
    }))
    expect(result.ok).toBe(false)
    expect(store.error).toEqual({ code: 'invalid_code', attemptsLeft: 3 })
    expect(onError).toHaveBeenCalledExactlyOnceWith({ code: 'invalid_code', attemptsLeft: 3 })
  })

  it('is not left busy when the call itself throws', async () => {
    const store = state()
    await expect(
      useAction(store)(() => Promise.reject(new Error('bridge broke'))),
    ).rejects.toThrow()
    expect(store.busy).toBe(false)
  })

  it('tells the service banner whether the service answered, unless told not to', async () => {
    const app = useAppStore()
    await useAction(state())(async () => ({ ok: false, error: unreachable }))
    expect(app.serviceTrouble).toBe(true)
    await useAction(state())(async () => ok(1))
    expect(app.serviceTrouble).toBe(false)
    await useAction(state(), { tracked: false })(async () => ({ ok: false, error: unreachable }))
    expect(app.serviceTrouble).toBe(false)
  })

  it('leaves a store without notices without one', async () => {
    const store = reactive<ActionState>({ busy: false, error: undefined })
    await useAction(store)(async () => ok(1))
    expect(Object.keys(store)).toEqual(['busy', 'error'])
  })
})
