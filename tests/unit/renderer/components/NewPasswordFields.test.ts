import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import NewPasswordFields from '@renderer/components/NewPasswordFields.vue'
import { i18n } from '@renderer/i18n'
import type { PasswordPairProblems } from '@renderer/stores/field-checks'
import type { PasswordRule } from '@shared/password-policy'

function mountFields(
  problems: PasswordPairProblems,
  serverFailed: PasswordRule[] = [],
  judged = true,
  password = 'Gabrielle-2026!',
) {
  return mount(NewPasswordFields, {
    props: {
      idPrefix: 'test',
      label: 'Mot de passe',
      problems,
      serverFailed,
      judged,
      password,
      confirm: '',
    },
    global: { plugins: [i18n] },
  })
}
const error = (wrapper: ReturnType<typeof mountFields>, id: string) =>
  wrapper.find(`#${id}-error`).exists() ? wrapper.find(`#${id}-error`).text() : undefined

describe('NewPasswordFields: a new password, its confirmation and the checklist', () => {
  it('names each field’s problem in words, and ties the rules to the password field', () => {
    const wrapper = mountFields({
      fields: { password: 'required', confirm: 'required' },
      hiddenRules: [],
    })
    expect(error(wrapper, 'test-password')).toBe('Ce champ est obligatoire.')
    expect(error(wrapper, 'test-confirm')).toBe('Ce champ est obligatoire.')
    expect(wrapper.find('#test-password').attributes('aria-describedby')).toBe(
      'test-rules test-password-error',
    )
    expect(wrapper.find('#test-rules').exists()).toBe(true)
  })

  it('a password outside the policy, or refused by the service, gets the policy sentence', () => {
    const policy = 'Ce mot de passe ne respecte pas toutes les exigences.'
    const local = mountFields({
      fields: { password: 'invalid', confirm: 'mismatch' },
      hiddenRules: [],
    })
    expect(error(local, 'test-password')).toBe(policy)
    expect(error(local, 'test-confirm')).toBe('Les deux mots de passe ne sont pas identiques.')
    const server = mountFields({ fields: {}, hiddenRules: [] }, ['common'])
    expect(error(server, 'test-password')).toBe(policy)
    expect(error(mountFields({ fields: {}, hiddenRules: [] }), 'test-password')).toBeUndefined()
  })

  it('shows the rules the live checklist cannot tick, from the kiosk’s check and the service’s', () => {
    const wrapper = mountFields(
      { fields: { password: 'invalid' }, hiddenRules: ['personalInfo'] },
      ['common'],
    )
    expect(wrapper.find('[data-rule="personalInfo"]').attributes('data-met')).toBe('false')
    expect(wrapper.find('[data-rule="common"]').attributes('data-met')).toBe('false')
  })

  it('the checklist ticks met rules at once, and marks unmet ones as faults only once judged', () => {
    // A digit among lower-case letters: one rule met, three not.
    const fresh = mountFields({ fields: {}, hiddenRules: [] }, [], false, 'abc1')
    expect(fresh.findAll('.rule--met').map((rule) => rule.attributes('data-rule'))).toEqual([
      'digit',
    ])
    expect(fresh.findAll('.rule--failed')).toHaveLength(0)
    expect(fresh.findAll('[data-met="false"] .rule__icon').map((icon) => icon.text())).toEqual([
      '•',
      '•',
      '•',
    ])
    const judged = mountFields({ fields: {}, hiddenRules: [] }, [], true, 'abc1')
    expect(judged.findAll('.rule--failed').map((rule) => rule.attributes('data-rule'))).toEqual([
      'minLength',
      'special',
      'mixedCase',
    ])
  })

  it('updates both models as the person types', async () => {
    const wrapper = mountFields({ fields: {}, hiddenRules: [] })
    await wrapper.find('#test-password').setValue('Nouveau-2026!')
    await wrapper.find('#test-confirm').setValue('Nouveau-2026!')
    expect(wrapper.emitted('update:password')).toEqual([['Nouveau-2026!']])
    expect(wrapper.emitted('update:confirm')).toEqual([['Nouveau-2026!']])
  })

  it('carries the account’s address in a hidden username field only when given one', () => {
    const without = mountFields({ fields: {}, hiddenRules: [] })
    expect(without.find('input[autocomplete="username"]').exists()).toBe(false)
    const wrapper = mount(NewPasswordFields, {
      props: {
        idPrefix: 'test',
        label: 'Mot de passe',
        problems: { fields: {}, hiddenRules: [] },
        serverFailed: [],
        judged: false,
        password: '',
        confirm: '',
        username: 'gabrielle@etudiant.example.ca',
      },
      global: { plugins: [i18n] },
    })
    const field = wrapper.find('input[autocomplete="username"]')
    expect((field.element as HTMLInputElement).value).toBe('gabrielle@etudiant.example.ca')
    expect(field.attributes()).toMatchObject({ type: 'text', hidden: '', readonly: '' })
  })
})
