import { it } from 'vitest'
import { openListeningService } from './concurrency/listening-service'
import { rawRequest } from './raw-http'
import { DEVICE } from './service-harness'
it('dbg', async () => {
  const t = await openListeningService()
  for (const m of ['PATCH', 'GET', 'POST', 'PUT']) {
    const r = await rawRequest(
      t.port,
      Buffer.from(
        `${m} /AAA/recovery/%ZZ/?x=% HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DEVICE}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ),
    )
    console.log(m, r.status, JSON.stringify(r.headers), JSON.stringify(r.body))
  }
  await t.close()
})
