import { describe, expect, it } from 'vitest'
import type { AccountClient } from '@main/account/http-client'
import { createEventChannel } from '@main/event-channel'
import { createEventLog } from '@main/event-log'
import { createKioskState, type ResolvedLink } from '@main/kiosk-state'
import { createWiper } from '@main/wipe'

const TOKEN = 'q3xZ0_-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
const resetLink: ResolvedLink = { kind: 'reset', token: TOKEN }

/** A wiper whose steps wait for the test, recording the order in which things happen. */
function setup() {
  const order: string[] = []
  const state = createKioskState()
  let finishClearing!: () => void
  let failClearing!: () => void
  const clearing = new Promise<void>((resolve, reject) => {
    finishClearing = resolve
    failClearing = () => reject(new Error('clear failed'))
  })
  const client = {
    signOut: async (token: string) => {
      order.push(`signOut:${token}`)
      return { ok: true, data: {} }
    },
    staffSignOut: async (token: string) => {
      order.push(`staffSignOut:${token}`)
      return { ok: true, data: {} }
    },
  } as unknown as AccountClient
  const events = createEventChannel((event) => order.push(`event:${event.type}`))
  events.ready()
  const wiper = createWiper({
    state,
    client,
    events,
    log: createEventLog({ write: (_level, line) => order.push(`log:${line}`) }),
    clearBrowserData: () => {
      order.push('clearBrowserData')
      return clearing
    },
    leaveStaffMode: () => order.push('leaveStaffMode'),
  })
  return { wiper, state, order, finishClearing, failClearing }
}

describe('the wipe', () => {
  it('forgets the person before anything is awaited, then clears, signs out, logs, and tells the renderer last', async () => {
    const { wiper, state, order, finishClearing } = setup()
    const person = state.person
    person.sessionToken = 'session-1'
    person.recovery = { id: 'r1' }

    const wiping = wiper.wipe('start_over')
    expect(state.person).not.toBe(person)
    expect(state.person).toEqual({})
    expect(order).toEqual(['leaveStaffMode', 'clearBrowserData', 'signOut:session-1'])

    finishClearing()
    await wiping
    expect(order.slice(3)).toEqual([
      'log:kiosk.wiped reason=start_over failed_steps=0',
      'event:wiped',
    ])
  })

  it('a step that fails does not stop the wipe, and the log counts it', async () => {
    const { wiper, order, failClearing } = setup()
    const wiping = wiper.wipe('idle')
    failClearing()
    await wiping
    expect(order.slice(-2)).toEqual(['log:kiosk.wiped reason=idle failed_steps=1', 'event:wiped'])
  })

  it('wipes asked for while one runs collapse into it', async () => {
    const { wiper, order, finishClearing } = setup()
    const first = wiper.wipe('idle')
    const second = wiper.wipe('start_over')
    expect(second).toBe(first)
    finishClearing()
    await Promise.all([first, second])
    expect(order.filter((step) => step === 'clearBrowserData')).toHaveLength(1)
    expect(order.filter((step) => step === 'event:wiped')).toHaveLength(1)
  })

  it('drops a link nobody followed, unless asked to keep it for the next person', async () => {
    const dropped = setup()
    dropped.state.pendingLink = resetLink
    dropped.finishClearing()
    await dropped.wiper.wipe('start_over')
    expect(dropped.state.pendingLink).toBeUndefined()

    const kept = setup()
    kept.state.pendingLink = resetLink
    kept.state.person.link = { kind: 'invite', token: TOKEN, email: 'a@example.ca' }
    kept.state.person.resetToken = TOKEN
    kept.finishClearing()
    await kept.wiper.wipe('start_over', { keepPendingLink: true })
    expect(kept.state).toEqual({ person: {}, pendingLink: resetLink })
  })

  it('ends the staff session of the counter desk too, with the student’s', async () => {
    const { wiper, state, order, finishClearing } = setup()
    state.person.sessionToken = 'session-1'
    state.person.staffSessionToken = 'staff-1'
    state.person.counterStudent = 'alex@example.ca'
    const wiping = wiper.wipe('idle')
    expect(state.person).toEqual({})
    expect(order).toEqual([
      'leaveStaffMode',
      'clearBrowserData',
      'signOut:session-1',
      'staffSignOut:staff-1',
    ])
    finishClearing()
    await wiping
  })

  it('tells each onWiped listener the reason, in order, after the renderer', async () => {
    const { wiper, order, finishClearing } = setup()
    wiper.onWiped((reason) => order.push(`first:${reason}`))
    wiper.onWiped((reason) => order.push(`second:${reason}`))
    finishClearing()
    await wiper.wipe('idle')
    expect(order.slice(-3)).toEqual(['event:wiped', 'first:idle', 'second:idle'])
    await wiper.wipe('start_over')
    expect(order.slice(-2)).toEqual(['first:start_over', 'second:start_over'])
  })

  it('a wipe with nobody signed in signs nothing out', async () => {
    const { wiper, order, finishClearing } = setup()
    finishClearing()
    await wiper.wipe('idle')
    expect(order.some((step) => step.startsWith('signOut'))).toBe(false)
  })

  it('settled waits for the running wipe, and a wipe after it is a new wipe', async () => {
    const { wiper, order, finishClearing } = setup()
    await wiper.settled()
    const first = wiper.wipe('idle')
    let settled = false
    const waiting = wiper.settled().then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    finishClearing()
    await Promise.all([first, waiting])
    expect(settled).toBe(true)

    await wiper.wipe('start_over')
    expect(order.filter((step) => step === 'event:wiped')).toHaveLength(2)
  })
})
