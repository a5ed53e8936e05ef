/**
 * After a submit the kiosk's own checks refused, focus goes to the first field at fault (the ids
 * come in screen order, `false` for a field without a problem), so the person starts there.
 */
export function focusFirstProblem(fieldIds: (string | false | undefined)[]): void {
  const first = fieldIds.find(Boolean)
  if (first) document.getElementById(first)?.focus()
}
