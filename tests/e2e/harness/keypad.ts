import { expect, type Page } from '@playwright/test'
import { DEFAULT_KEYPAD, type KeypadAction } from '@shared/accessibility'
import { characterGroups } from '@renderer/audio/character-wheel'

/** The keypad's keys by what they do (the default mapping, `shared/accessibility.ts`). */
export const key = (action: KeypadAction) => DEFAULT_KEYPAD[action][0]!

/** Holds the start key until audio guidance answers, as a person would. */
export async function holdToStartAudio(page: Page) {
  await page.keyboard.down('Numpad5')
  await expect(page.locator('html[data-audio="on"]')).toHaveCount(1)
  await page.keyboard.up('Numpad5')
}

/**
 * The presses that type `text` with the character wheel, from its start (lower-case a), and for
 * each press the character it lands on: group changes go through the groups in order.
 */
export function wheelPresses(text: string): { press: string; lands: string; group?: string }[] {
  const presses: { press: string; lands: string; group?: string }[] = []
  let group = 0
  let index = 0
  for (const character of text) {
    const target = characterGroups.findIndex((g) =>
      (g.characters as readonly string[]).includes(character),
    )
    if (target < 0) throw new Error(`the wheel cannot type ${JSON.stringify(character)}`)
    while (group !== target) {
      const forward = (target - group + characterGroups.length) % characterGroups.length
      const step = forward <= characterGroups.length / 2 ? 1 : -1
      group = (group + step + characterGroups.length) % characterGroups.length
      index = 0
      presses.push({
        press: key(step === 1 ? 'groupNext' : 'groupPrevious'),
        lands: characterGroups[group]!.characters[0]!,
        group: characterGroups[group]!.name,
      })
    }
    const characters = characterGroups[group]!.characters as readonly string[]
    const goal = characters.indexOf(character)
    while (index !== goal) {
      const forward = (goal - index + characters.length) % characters.length
      const step = forward <= characters.length / 2 ? 1 : -1
      index = (index + step + characters.length) % characters.length
      presses.push({ press: key(step === 1 ? 'next' : 'previous'), lands: characters[index]! })
    }
    presses.push({ press: key('select'), lands: character })
  }
  return presses
}
