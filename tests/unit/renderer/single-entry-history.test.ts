import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { singleEntryHistory } from '@renderer/router'

/** Walks the paths one person takes, then asks the history to go back to them. */
function afterOnePerson(history: ReturnType<typeof createMemoryHistory>) {
  for (const path of ['/', '/register/identity', '/register/password', '/register/code'])
    history.push(path)
  history.replace('/')
  history.go(-1, false)
  return history.location
}

describe('the kiosk router keeps nothing of the paths a person took', () => {
  it('cannot go back to the previous person’s screens after the wipe', () => {
    expect(afterOnePerson(singleEntryHistory())).toBe('/')
  })

  it('where vue-router’s own memory history would (the entries the heap grew by)', () => {
    expect(afterOnePerson(createMemoryHistory())).toBe('/register/password')
  })
})
