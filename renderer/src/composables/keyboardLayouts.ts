import type { Locale } from '@shared/locale-codes'

/**
 * Every accented letter of French names (à â æ ç é è ê ë î ï ô œ ù û ü ÿ), in both layouts: a
 * "Zoë Côté" or a "François" registering in English must be able to type their own name.
 */
const accents = 'é è ê ë à â æ ç î ï ô œ ù û ü ÿ'
const digits = '1 2 3 4 5 6 7 8 9 0 {bksp}'
const symbols = '! # $ % & * ( ) + = {bksp}'
const letters = ['q w e r t y u i o p', 'a s d f g h j k l {enter}', '{shift} z x c v b n m - _']
const bottom = "@ . {space} ' ,"
const shiftedBottom = '@ ? {space} " ;'
const upper = (rows: string[]) =>
  rows.map((row) =>
    row
      .split(' ')
      .map((key) => (key.startsWith('{') ? key : key.toUpperCase()))
      .join(' '),
  )

/**
 * On-screen keyboard layouts: Canadian French (accents above the letters, where French typing
 * needs them) and English (accents below), both with what addresses need (`@ . - _`), and a
 * digit pad for codes. Enter submits the step, as on a physical keyboard.
 */
export const keyboardLayouts: Record<Locale | 'digits', Record<string, string[]>> = {
  'fr-CA': {
    default: [digits, accents, ...letters, bottom],
    shift: [symbols, ...upper([accents, ...letters]), shiftedBottom],
  },
  'en-CA': {
    default: [digits, ...letters, accents, bottom],
    shift: [symbols, ...upper([...letters, accents]), shiftedBottom],
  },
  digits: { default: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0 {enter}'] },
}
