import { afterEach, describe, expect, it } from 'vitest'
import { spokenText } from '@renderer/audio/spoken-text'

afterEach(() => document.body.replaceChildren())

// happy-dom has no default style sheet for spans (Chromium's says inline): the page's own does.
const INLINE_SPANS = '<style>span { display: inline }</style>'

function element(html: string): Element {
  document.body.insertAdjacentHTML('beforeend', html)
  return document.body.lastElementChild!
}

describe('spokenText', () => {
  it('says an address broken at its <wbr> points as one word', () => {
    document.body.insertAdjacentHTML('beforeend', INLINE_SPANS)
    const address = element(
      '<p>Sent to <span class="address">al@<wbr>ex.<wbr>ca</span>, check it.</p>',
    )
    expect(spokenText(address)).toBe('Sent to al@ex.ca, check it.')
  })

  it('ends a phrase after each block and leaves hidden parts out', () => {
    const list = element('<ul><li>One</li><li>Two<span aria-hidden="true">✓</span></li></ul>')
    expect(spokenText(list)).toBe('One Two')
  })
})
