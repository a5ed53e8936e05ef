import { describe, expect, it } from 'vitest'
import { i18n } from '@renderer/i18n'

/** Real plural forms in both languages, French counting 0 and 1 as singular. */
describe('plural forms', () => {
  const t = (locale: 'fr-CA' | 'en-CA', key: string, n: number) => {
    i18n.global.locale.value = locale
    return i18n.global.t(key, { n, met: n, total: 4 }, n)
  }

  it('French: 1 essai, 2 essais, and 0 is singular', () => {
    expect(t('fr-CA', 'errors.staff_pin_wrong', 1)).toBe(
      'NIP erroné. Il reste 1 essai avant le blocage.',
    )
    expect(t('fr-CA', 'errors.staff_pin_wrong', 2)).toBe(
      'NIP erroné. Il reste 2 essais avant le blocage.',
    )
    expect(t('fr-CA', 'errors.staff_pin_wrong', 0)).toContain('0 essai avant')
    expect(t('fr-CA', 'password.rulesProgress', 1)).toBe('1 exigence respectée sur 4')
    expect(t('fr-CA', 'password.rulesProgress', 0)).toBe('0 exigence respectée sur 4')
    expect(t('fr-CA', 'password.rulesProgress', 3)).toBe('3 exigences respectées sur 4')
  })

  it('English: 1 try, 2 tries', () => {
    expect(t('en-CA', 'errors.staff_pin_wrong', 1)).toBe('Wrong PIN. 1 try left before the lock.')
    expect(t('en-CA', 'errors.staff_pin_wrong', 2)).toBe('Wrong PIN. 2 tries left before the lock.')
  })
})
