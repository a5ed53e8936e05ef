import { createWriteStream } from 'node:fs'
import type { BenchKiosk } from '../browser-kiosk'

/** A heap snapshot of the kiosk's renderer, after two full GCs, streamed to `file` over CDP. */
export async function takeSnapshot(bench: BenchKiosk, file: string) {
  const cdp = await bench.page.context().newCDPSession(bench.page)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const out = createWriteStream(file)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => out.write(chunk))
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  )
  await cdp.send('HeapProfiler.disable')
  await cdp.detach()
}
