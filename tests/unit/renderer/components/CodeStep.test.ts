import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import CodeStep, { type CodeFlow } from '@renderer/components/CodeStep.vue'
import { i18n } from '@renderer/i18n'

/** The store side of the flow, which the test plays. */
type FlowState = { -readonly [Key in keyof CodeFlow]: CodeFlow[Key] }

function mountStep(flow: Partial<FlowState> = {}) {
  const state = reactive<FlowState>({
    busy: false,
    error: undefined,
    notice: undefined,
    resendAvailableAt: 0,
    resend: vi.fn(async () => true),
    ...flow,
  })
  const wrapper = mount(CodeStep, {
    props: {
      id: 'test-code',
      label: 'Code',
      submitTestId: 'test-submit',
      resendTestId: 'test-resend',
      backTo: '/',
      flow: state,
    },
    // Back is a router link of its own, tested with the screens (tests/e2e).
    global: { plugins: [i18n], stubs: { BackButton: true } },
    attachTo: document.body,
  })
  mounted.push(wrapper)
  return { wrapper, state, field: wrapper.find<HTMLInputElement>('#test-code') }
}
const mounted: { unmount(): void }[] = []
afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()))

describe('CodeStep: the code form of registration and recovery', () => {
  it('catches fewer than six digits here, says so by the field, and sends nothing', async () => {
    const { wrapper, field } = mountStep()
    await field.setValue('123')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('verify')).toBeUndefined()
    expect(wrapper.find('#test-code-error').text()).toBe('Cette valeur est trop courte.')
    expect(document.activeElement?.id).toBe('test-code')
    await field.setValue('')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('#test-code-error').text()).toBe('Ce champ est obligatoire.')
  })

  it('says nothing before the field is left or sent, then clears the error as the code is fixed', async () => {
    const { wrapper, field } = mountStep()
    await field.setValue('123')
    expect(wrapper.find('#test-code-error').exists()).toBe(false)
    await field.trigger('focusout')
    expect(wrapper.find('#test-code-error').text()).toBe('Cette valeur est trop courte.')
    await field.setValue('123456')
    expect(wrapper.find('#test-code-error').exists()).toBe(false)
    expect(wrapper.emitted('verify')).toBeUndefined()
  })

  it('sends six digits, keeping only the digits of what was pasted', async () => {
    const { wrapper, field } = mountStep()
    await field.setValue('Code : 123 456')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('verify')).toEqual([['123456']])
  })

  it('shows a wrong code’s answer by the field, and a wait above the form', async () => {
    const { wrapper, state } = mountStep({ error: { code: 'invalid_code', attemptsLeft: 3 } })
    expect(wrapper.find('#test-code-error').text()).toContain('Il vous reste 3 essais')
    expect(wrapper.find('[role="alert"]').text()).toBe('')
    state.error = { code: 'rate_limited', retryAfterSeconds: 42 }
    await wrapper.vm.$nextTick()
    expect(wrapper.find('#test-code-error').exists()).toBe(false)
    expect(wrapper.find('[role="alert"]').text()).toBe(
      'Veuillez patienter 42\u00a0s avant de réessayer.',
    )
  })

  it('after five wrong codes or an expired one, only a new code helps: the submit is off', async () => {
    for (const code of ['too_many_attempts', 'code_expired'] as const) {
      const { wrapper } = mountStep({ error: { code } })
      expect(wrapper.find('[data-testid="test-submit"]').attributes('disabled')).toBeDefined()
    }
    const { wrapper } = mountStep({ error: { code: 'invalid_code', attemptsLeft: 1 } })
    expect(wrapper.find('[data-testid="test-submit"]').attributes('disabled')).toBeUndefined()
  })

  it('a new code empties the field and says it was sent; a refused resend keeps what was typed', async () => {
    const { wrapper, state, field } = mountStep({ resend: vi.fn(async () => false) })
    await field.setValue('12')
    await wrapper.find('form').trigger('submit')
    await wrapper.find('[data-testid="test-resend"]').trigger('click')
    expect(field.element.value).toBe('12')
    expect(wrapper.find('#test-code-error').text()).toBe('Cette valeur est trop courte.')
    state.resend = vi.fn(async () => true)
    state.notice = 'resent'
    await wrapper.find('[data-testid="test-resend"]').trigger('click')
    await vi.waitFor(() => expect(field.element.value).toBe(''))
    expect(wrapper.find('#test-code-error').exists()).toBe(false)
    expect(wrapper.find('[role="alert"]').text()).toContain('Un nouveau code a été envoyé')
  })
})
