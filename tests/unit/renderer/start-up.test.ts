import { describe, expect, it, vi } from 'vitest'

describe('afterStartUp', () => {
  it('runs nothing while the session is still starting, then each piece of work on an idle moment', async () => {
    vi.resetModules()
    const { afterStartUp, startUpDone } = await import('@renderer/start-up')
    const idle: (() => void)[] = []
    vi.stubGlobal('requestIdleCallback', (work: () => void) => idle.push(work))
    const done: string[] = []
    afterStartUp(() => done.push('messages'))
    afterStartUp(() => done.push('styles'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(idle).toHaveLength(0)

    startUpDone()
    await vi.waitFor(() => expect(idle).toHaveLength(2))
    expect(done).toEqual([])
    for (const work of idle) work()
    expect(done).toEqual(['messages', 'styles'])
    vi.unstubAllGlobals()
  })

  it('still runs work asked for after start-up has ended', async () => {
    vi.resetModules()
    const { afterStartUp, startUpDone } = await import('@renderer/start-up')
    vi.stubGlobal('requestIdleCallback', (work: () => void) => work())
    startUpDone()
    const ran = await new Promise<boolean>((resolve) => afterStartUp(() => resolve(true)))
    expect(ran).toBe(true)
    vi.unstubAllGlobals()
  })

  it('marks the end of start-up on the page’s clock, once, for DevTools and the start-up bench', async () => {
    vi.resetModules()
    performance.clearMarks()
    const { INTERACTIVE_MARK, startUpDone } = await import('@renderer/start-up')
    expect(performance.getEntriesByName(INTERACTIVE_MARK)).toHaveLength(0)
    startUpDone()
    startUpDone()
    expect(performance.getEntriesByName(INTERACTIVE_MARK)).toHaveLength(1)
  })
})
