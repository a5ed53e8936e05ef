/**
 * Typing with a keypad alone, as on accessible voting machines: previous/next walk a group of
 * characters, each one spoken; other keys change the group; select types the one heard.
 */
export const characterGroups = [
  { name: 'lower', characters: [...'abcdefghijklmnopqrstuvwxyz'] },
  { name: 'upper', characters: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'] },
  { name: 'digits', characters: [...'0123456789'] },
  // An address's symbols first, then what password rules ask for.
  { name: 'symbols', characters: [...`@.-_' !#$%&*+?~`] },
  { name: 'accented', characters: [...'éèêëàâçîïôùûüÿæœÉÈÊËÀÂÇÎÏÔÙÛÜŸÆŒ'] },
] as const
export type CharacterGroup = (typeof characterGroups)[number]['name']

export interface WheelPosition {
  group: number
  index: number
}

export const wheelStart = (): WheelPosition => ({ group: 0, index: 0 })

export function characterAt(position: WheelPosition): string {
  const characters = characterGroups[position.group]!.characters
  return characters[position.index]!
}

/** One step along the group, wrapping at both ends. */
export function stepCharacter(position: WheelPosition, step: 1 | -1): WheelPosition {
  const length = characterGroups[position.group]!.characters.length
  return { group: position.group, index: (position.index + step + length) % length }
}

/** The first character of the next or previous group, wrapping. */
export function stepGroup(position: WheelPosition, step: 1 | -1): WheelPosition {
  const count = characterGroups.length
  return { group: (position.group + step + count) % count, index: 0 }
}

/** Names for characters a voice would skip or misread; letters and digits are said as they are. */
export const spokenSymbols: Record<string, string> = {
  ' ': 'space',
  '@': 'at',
  '.': 'dot',
  '-': 'hyphen',
  _: 'underscore',
  "'": 'apostrophe',
  '!': 'exclamation',
  '#': 'hash',
  $: 'dollar',
  '%': 'percent',
  '&': 'ampersand',
  '*': 'asterisk',
  '+': 'plus',
  '?': 'question',
  '~': 'tilde',
}
