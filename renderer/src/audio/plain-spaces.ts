/**
 * French typography puts a non-breaking space (U+00A0) or a narrow one (U+202F) before « : », « ? »,
 * « % » and units. They are for the eye: a voice may pause oddly on them or read them as a symbol,
 * and what is said should not change with which space the wording uses. Speech gets plain spaces.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ')
}
