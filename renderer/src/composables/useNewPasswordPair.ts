import { computed } from 'vue'
import { shownPairProblems, type PasswordPairProblems } from '../stores/field-checks'
import { useFieldVisits } from './useFieldVisits'

/**
 * What registration's and recovery's password steps share, one piece for both: when the new
 * password's and its confirmation's problems may show (each once its field was left, both once
 * the step was sent), and which of the two to focus when sending finds a problem.
 */
export function useNewPasswordPair(idPrefix: string, problems: () => PasswordPairProblems) {
  const visits = useFieldVisits()
  const shown = computed(() => shownPairProblems(problems(), visits.judged, idPrefix))
  const passwordJudged = computed(() => visits.judged(`${idPrefix}-password`))

  /** Marks the step sent; answers the pair's fields at fault, in screen order (`false` if fine). */
  function send(): (string | false)[] {
    visits.submit()
    const { fields } = problems()
    return [
      Boolean(fields.password) && `${idPrefix}-password`,
      Boolean(fields.confirm) && `${idPrefix}-confirm`,
    ]
  }

  return { visits, shown, passwordJudged, send }
}
