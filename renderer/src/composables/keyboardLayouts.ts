import type { Locale } from '@shared/locale-codes'

/**
 * On-screen keyboard layouts: Canadian French and English, with the accents of Quebec names and
 * what email addresses need (`@ . - _`), and a digit pad for codes and PINs.
 */
export const keyboardLayouts: Record<Locale | 'digits', Record<string, string[]>> = {
  'fr-CA': {
    default: [
      '1 2 3 4 5 6 7 8 9 0 {bksp}',
      'q w e r t y u i o p é è',
      'a s d f g h j k l à ç ê',
      '{shift} z x c v b n m ô î ë ï',
      '@ . - _ {space} ù â û {enter}',
    ],
    shift: [
      '! # $ % & * ( ) + = {bksp}',
      'Q W E R T Y U I O P É È',
      'A S D F G H J K L À Ç Ê',
      '{shift} Z X C V B N M Ô Î Ë Ï',
      "@ , ' ? {space} Ù Â Û {enter}",
    ],
  },
  'en-CA': {
    default: [
      '1 2 3 4 5 6 7 8 9 0 {bksp}',
      'q w e r t y u i o p',
      'a s d f g h j k l',
      '{shift} z x c v b n m é è',
      '@ . - _ {space} {enter}',
    ],
    shift: [
      '! # $ % & * ( ) + = {bksp}',
      'Q W E R T Y U I O P',
      'A S D F G H J K L',
      '{shift} Z X C V B N M É È',
      "@ , ' ? {space} {enter}",
    ],
  },
  digits: { default: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0 {enter}'] },
}
