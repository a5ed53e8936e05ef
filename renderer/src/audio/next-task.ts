/**
 * Runs `callback` as the next task, after every microtask of this one (Vue's updates, the router's
 * guards): the page has settled by then. A message port rather than a timer, so it runs the same
 * under a test's fake clock.
 */
export function nextTask(callback: () => void): () => void {
  const channel = new MessageChannel()
  let cancelled = false
  channel.port1.onmessage = () => {
    channel.port1.close()
    if (!cancelled) callback()
  }
  channel.port2.postMessage(undefined)
  return () => {
    cancelled = true
    channel.port1.close()
  }
}
