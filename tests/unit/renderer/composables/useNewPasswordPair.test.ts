import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { useNewPasswordPair } from '@renderer/composables/useNewPasswordPair'
import { passwordPairProblems } from '@renderer/stores/field-checks'

/** What both password steps share: when the pair's problems show, which field gets focus. */
describe('useNewPasswordPair', () => {
  const step = () => {
    const pair = reactive({ password: '', confirm: '' })
    const used = useNewPasswordPair('test', () =>
      passwordPairProblems(pair.password, pair.confirm, { email: 'al@ex.ca' }),
    )
    return { pair, ...used }
  }

  it('shows nothing before the fields are left or the step sent, then every problem', () => {
    const { shown, passwordJudged, send } = step()
    expect(shown.value.fields).toEqual({})
    expect(passwordJudged.value).toBe(false)
    expect(send()).toEqual(['test-password', 'test-confirm'])
    expect(shown.value.fields).toEqual({ password: 'required', confirm: 'required' })
    expect(passwordJudged.value).toBe(true)
  })

  it('sends focus to the first field at fault, in screen order, and to none when both hold', () => {
    const { pair, send } = step()
    pair.password = 'Rivière-Bleue#2026!'
    pair.confirm = 'Riviere-Bleue#2026!'
    expect(send()).toEqual([false, 'test-confirm'])
    pair.confirm = pair.password
    expect(send()).toEqual([false, false])
  })

  it('shows a field’s problem once it was left with something in it', () => {
    const { pair, shown, visits } = step()
    pair.password = 'court'
    const input = Object.assign(document.createElement('input'), { id: 'test-password' })
    input.value = pair.password
    visits.onFocusOut({ target: input } as unknown as FocusEvent)
    expect(shown.value.fields).toEqual({ password: 'invalid' })
  })
})
