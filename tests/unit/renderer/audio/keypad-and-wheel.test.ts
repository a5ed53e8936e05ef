import { describe, expect, it } from 'vitest'
import { DEFAULT_KEYPAD } from '@shared/accessibility'
import {
  characterAt,
  characterGroups,
  stepCharacter,
  stepGroup,
  wheelStart,
} from '@renderer/audio/character-wheel'
import { digitOf, keypadAction } from '@renderer/audio/keypad'

describe('the keypad', () => {
  it('maps physical keys to actions, whatever Num Lock says', () => {
    expect(keypadAction(DEFAULT_KEYPAD, 'Numpad6')).toBe('next')
    expect(keypadAction(DEFAULT_KEYPAD, 'NumpadEnter')).toBe('enter')
    expect(keypadAction(DEFAULT_KEYPAD, 'KeyA')).toBeUndefined()
    expect(keypadAction({ ...DEFAULT_KEYPAD, next: ['F13'] }, 'F13')).toBe('next')
  })

  it('knows the digit of a keypad or top-row key', () => {
    expect([digitOf('Numpad0'), digitOf('Digit7'), digitOf('NumpadEnter')]).toEqual([
      '0',
      '7',
      undefined,
    ])
  })
})

describe('the character wheel', () => {
  it('walks a group both ways, wrapping at its ends', () => {
    const start = wheelStart()
    expect(characterAt(start)).toBe('a')
    expect(characterAt(stepCharacter(start, -1))).toBe('z')
    expect(characterAt(stepCharacter(stepCharacter(start, 1), 1))).toBe('c')
  })

  it('changes group to its first character, wrapping round the groups', () => {
    const upper = stepGroup(stepCharacter(wheelStart(), 1), 1)
    expect(characterAt(upper)).toBe('A')
    expect(characterGroups[stepGroup(wheelStart(), -1).group]!.name).toBe('accented')
  })

  it('can type every character an address and the password rules need', () => {
    const all = characterGroups.flatMap((group) => [...group.characters]).join('')
    for (const needed of ['@', '.', '-', '_', "'", '!', '#', '0', '9', 'é', 'ç', 'Œ'])
      expect(all).toContain(needed)
  })
})
