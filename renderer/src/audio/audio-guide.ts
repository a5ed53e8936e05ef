import { computeAccessibleName } from 'dom-accessibility-api'
import type { KeypadAction } from '@shared/accessibility-defaults'
import type { Locale } from '@shared/locale-codes'
import { i18n } from '../i18n'
import { activateControl } from './activation'
import { dialogSaid, screenSaid } from './announcements'
import { describeStop, langOf } from './describe'
import { handleEditingKey, typedSaid } from './editing-keys'
import {
  currentCharacterSaid,
  eraseLast,
  spelled,
  startEditing,
  type FieldEditing,
} from './field-editing'
import { isTextField } from './fields'
import { keypadAction, type KeypadMapping } from './keypad'
import { createKioskMoves } from './kiosk-moves'
import type { Speaker, Utterance } from './speaker'
import { collectStops, guidedRoot, isControl, neighbourStop } from './stops'
import { spokenText } from './spoken-text'

export interface AudioGuideOptions {
  speaker: Speaker
  keypad: () => KeypadMapping
  locale: () => Locale
  /** The countdown the person asked for (resend, idle, return to Welcome), said in `locale`. */
  timeLeft: () => string
  /** +1 louder, −1 softer; answers the volume now, 0.2–1. */
  changeVolume: (step: 1 | -1) => number
  /** The keys' spoken names, for help: `{ next: '6', enter: 'Enter', … }`. */
  keyNames: (locale: Locale) => Record<KeypadAction, string>
}

const CURSOR_CLASS = 'audio-cursor'

/**
 * Audio guidance while it is on (docs/accessibility.md): says each screen, dialog, item and error
 * as it appears, and turns keypad keys into moving, activating and typing.
 */
export function createAudioGuide(options: AudioGuideOptions) {
  const { speaker } = options
  const t = i18n.global.t
  let cursor: Element | undefined
  let editing: FieldEditing | undefined
  let announcedGroup: Element | null = null
  let announcedDialog: Element | null = null
  let ourFocus: Element | undefined
  let last: Utterance[] = []
  const here = (key: string, named: Record<string, unknown> = {}): Utterance => {
    const lang = options.locale()
    return { text: t(key, { ...options.keyNames(lang), ...named }, { locale: lang }), lang }
  }

  function speak(utterances: Utterance[], remember = true) {
    speaker.silence()
    for (const utterance of utterances) if (utterance.text) speaker.say(utterance)
    if (remember) last = utterances
  }

  /** What is said when the cursor lands somewhere, by the keypad or by the kiosk moving focus. */
  function landingSaid(target: Element): Utterance[] {
    const said: Utterance[] = []
    const dialog = target.closest('dialog')
    const opening = Boolean(dialog && dialog !== announcedDialog)
    if (dialog && opening) said.push(...dialogSaid(dialog))
    announcedDialog = dialog
    // Entering a group of choices says its question first (a fieldset's legend), once, as a screen
    // reader does: the radio buttons' names alone do not say what they answer.
    const group = target.closest('fieldset')
    const legend = group?.querySelector(':scope > legend')
    if (legend && group !== announcedGroup && !legend.contains(target))
      said.push({ text: spokenText(legend), lang: langOf(legend) })
    announcedGroup = group
    if (target.matches('h1')) said.push(...screenSaid(target))
    // A dialog opening on its title (the staff panel) says the title once.
    else if (!(opening && target.id && dialog?.getAttribute('aria-labelledby') === target.id))
      said.push(describeStop(target))
    return said
  }

  function mark(stop: Element | undefined) {
    document.querySelectorAll(`.${CURSOR_CLASS}`).forEach((e) => e.classList.remove(CURSOR_CLASS))
    stop?.classList.add(CURSOR_CLASS)
  }

  function moveTo(stop: Element, before: Utterance[] = []) {
    cursor = stop
    editing = undefined
    mark(stop)
    if (stop instanceof HTMLElement) {
      // Text gets focus too, so a helper standing by sees where the person is.
      if (!isControl(stop) && !stop.hasAttribute('tabindex')) stop.tabIndex = -1
      ourFocus = stop
      stop.focus()
      if (document.activeElement !== stop) ourFocus = undefined
    }
    speak([...before, ...landingSaid(stop)])
  }

  function move(step: 1 | -1) {
    const { stop, wrapped } = neighbourStop(collectStops(guidedRoot()), cursor, step)
    if (stop) moveTo(stop, wrapped ? [here('audio.wrapped')] : [])
  }

  async function activate(target: Element | undefined) {
    if (!(target instanceof HTMLElement)) return
    if (isTextField(target) && !target.disabled) {
      editing = startEditing(target)
      target.focus()
      const name = computeAccessibleName(target)
      const prompt = here(editing.mode === 'digits' ? 'audio.editDigits' : 'audio.editWheel', {
        name,
      })
      speak(
        editing.mode === 'digits'
          ? [prompt]
          : [prompt, { text: currentCharacterSaid(editing, prompt.lang), lang: prompt.lang }],
      )
      return
    }
    if (!isControl(target)) return speak(landingSaid(target))
    const answer = await activateControl(target)
    if (answer.length) speak(answer)
  }

  function finishEditing() {
    const input = editing?.input
    editing = undefined
    if (input?.isConnected) speak([describeStop(input)])
  }

  function onEditingKey(action: KeypadAction | undefined, code: string): boolean {
    if (!editing) return false
    return handleEditingKey(editing, action, code, {
      locale: options.locale(),
      speak,
      here: (key) => here(key),
      finish: finishEditing,
    })
  }

  function onAction(action: KeypadAction) {
    const field = cursor && isTextField(cursor) ? cursor : undefined
    const lang = options.locale()
    if (action === 'next' || action === 'previous') return move(action === 'next' ? 1 : -1)
    if (action === 'select' || action === 'enter') return void activate(cursor)
    if (action === 'repeat') return speak(last.length ? last : landingSaid(cursor ?? guidedRoot()))
    if (action === 'stop') return speaker.silence()
    if (action === 'help') return speak([here('audio.help')], false)
    if (action === 'time') return speak([{ text: options.timeLeft(), lang }], false)
    if (action === 'louder' || action === 'softer') {
      const volume = options.changeVolume(action === 'louder' ? 1 : -1)
      speaker.setVolume(volume)
      const key =
        volume >= 1 ? 'audio.loudest' : volume <= 0.2 ? 'audio.softest' : `audio.${action}`
      return speak([here(key)], false)
    }
    if (action === 'spell' && field) return speak([{ text: spelled(field, lang), lang }], false)
    if (action === 'erase' && field)
      return speak([here(eraseLast(field) ? 'audio.erased' : 'audio.nothingToErase')], false)
  }

  /** A keypad key: `true` when guidance used it (the page must not see it). */
  function handleKey(event: KeyboardEvent): boolean {
    const action = keypadAction(options.keypad(), event.code)
    if (onEditingKey(action, event.code)) return true
    if (!action) return false
    if (!event.repeat) onAction(action)
    return true
  }

  // What the kiosk did on its own: what it focused first, then the errors and notices that came
  // with it (a focused field reads its own error as its description; a focused notice is itself).
  const kioskMoves = createKioskMoves((target, shown) => {
    const errorsSaid = shown.map((error) => ({ text: spokenText(error), lang: langOf(error) }))
    if (!target) {
      for (const error of errorsSaid) speaker.say(error)
      return
    }
    cursor = target
    const own = (target.getAttribute('aria-describedby') ?? '').split(/\s+/)
    const unsaid = (element: Element) => element !== target && !own.includes(element.id)
    speak([...landingSaid(target), ...errorsSaid.filter((_, i) => unsaid(shown[i]!))])
  })

  function onFocusIn(event: FocusEvent) {
    const target = event.target
    if (!(target instanceof Element)) return
    if (target === ourFocus) {
      ourFocus = undefined
      return
    }
    if (editing && target !== editing.input) editing = undefined
    mark(undefined)
    kioskMoves.landedOn(target)
  }

  /** Every character typed, by the wheel or a keyboard, is echoed; a secret one only as "entered". */
  function onInput(event: Event) {
    const input = event.target
    if (!(input instanceof HTMLInputElement) || !isTextField(input)) return
    const data = (event as InputEvent).data
    if (!data) return
    const lang = options.locale()
    speak([{ text: typedSaid(input, data, lang), lang }], false)
  }

  function start(intro: Utterance[]) {
    document.addEventListener('focusin', onFocusIn, true)
    document.addEventListener('input', onInput, true)
    kioskMoves.start()
    const dialog = document.querySelector('dialog[open]')
    const focused = document.activeElement
    const landing =
      dialog && focused && dialog.contains(focused) ? focused : document.querySelector('h1')
    announcedDialog = null
    announcedGroup = null
    if (landing) moveTo(landing, intro)
    else speak(intro)
  }

  function stop() {
    document.removeEventListener('focusin', onFocusIn, true)
    document.removeEventListener('input', onInput, true)
    kioskMoves.stop()
    speaker.silence()
    mark(undefined)
    cursor = undefined
    editing = undefined
  }

  /** After a change of language: the screen again, in the new language. */
  function announceScreen() {
    const heading = document.querySelector('h1')
    if (heading) moveTo(heading)
  }

  return {
    start,
    stop,
    handleKey,
    announceScreen,
    speak,
    /** Between screens, focus passes through the old one (a closing dialog gives it back): unsaid. */
    navigationStarted: kioskMoves.navigationStarted,
    navigationEnded: kioskMoves.navigationEnded,
  }
}
