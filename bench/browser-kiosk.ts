import { chromium } from '@playwright/test'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAppServer } from '../tools/harness/app-server'
import { chromiumLaunchOptions } from '../tests/e2e/harness/chromium'
import globalSetup from '../tests/e2e/harness/global-setup'
import { startKiosk } from '../tests/e2e/harness/kiosk-harness'
import { HARNESS_ORIGIN, RENDERER_ROOT } from '../tests/e2e/harness/paths'
import { startReferenceService } from '../tests/e2e/harness/reference-service'

/**
 * How the pages' files reach Chromium. `intercepted`: `page.route`, as the e2e tests serve them
 * (each request paused and answered by the driver over the DevTools protocol). `socket`: a loopback
 * server per app, the same `app://` handler behind it, reached through `--host-resolver-rules`.
 */
export type FileServing = 'intercepted' | 'socket'

/**
 * Chromium (with `gc()` exposed, for the heap measures), the reference service in this process
 * (low scrypt cost: hashing is measured on its own) and the kiosk harness on a first page. With
 * `socket` serving, `extraApps` (origin → folder) are served over sockets too.
 */
export async function openBenchKiosk(
  options: { serving?: FileServing; extraApps?: Record<string, string> } = {},
) {
  const serving = options.serving ?? 'intercepted'
  globalSetup()
  const service = await startReferenceService({ scryptCost: 2 ** 14 })
  const servers =
    serving === 'socket'
      ? await Promise.all(
          Object.entries({ [HARNESS_ORIGIN]: RENDERER_ROOT, ...options.extraApps }).map(
            async ([origin, root]) => ({
              host: new URL(origin).host,
              ...(await startAppServer(root)),
            }),
          ),
        )
      : []
  const hostRules = servers.map(({ host, port }) => `MAP ${host} 127.0.0.1:${port}`).join(',')
  const stopServing = async () => {
    await Promise.all(servers.map((server) => server.close()))
    await service.stop()
  }
  try {
    const browser = await chromium.launch({
      ...chromiumLaunchOptions,
      args: [
        ...chromiumLaunchOptions.args,
        '--js-flags=--expose-gc',
        // The mapped hosts straight to their sockets, never through a proxy of the environment.
        ...(hostRules ? [`--host-resolver-rules=${hostRules}`, '--no-proxy-server'] : []),
      ],
    })
    try {
      const page = await browser.newPage()
      const kiosk = await startKiosk(page, service, {
        logFile: join(tmpdir(), 'bench-kiosk.log'),
        routeFiles: serving === 'intercepted',
      })
      return {
        browser,
        service,
        page,
        kiosk,
        async close() {
          await browser.close()
          await stopServing()
        },
      }
    } catch (error) {
      await browser.close()
      throw error
    }
  } catch (error) {
    await stopServing()
    throw error
  }
}

export type BenchKiosk = Awaited<ReturnType<typeof openBenchKiosk>>
