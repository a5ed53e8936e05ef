/**
 * `npm run bench`: the measurements of docs/product.md ("Quality bars"), printed as a table and
 * written as JSON under bench/results/. Not part of `npm test`: timings depend on the machine.
 */
import { chromium, type Page } from '@playwright/test'
import autocannon from 'autocannon'
import axios from 'axios'
import { randomBytes, scrypt } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { rendererBuildBase } from '../renderer/vite.shared'
import { launchService } from '../service/launch'
import { measureRecoveryTiming } from './recovery-timing'
import { legalDocuments } from '@shared/legal-documents'
import { startKiosk } from '../tests/e2e/harness/kiosk-harness'
import { DEVICE_TOKEN, startReferenceService } from '../tests/e2e/harness/reference-service'
import { SECURITY_HEADERS } from '../electron/main/shell/csp'

const ROOT = resolve(import.meta.dirname, '..')
const RESULTS = resolve(ROOT, 'bench/results')
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--js-flags=--expose-gc',
]
const results: Record<string, unknown> = {}
const table: [string, string, string][] = []

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const median = (values: number[]) => percentile(values, 50)
const ms = (value: number) => `${value.toFixed(1)} ms`

/** Initial JS + CSS of a built index.html (entry script, modulepreloads, stylesheets), gzipped. */
function initialGzipBytes(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  )
  return assets.reduce((sum, asset) => sum + gzipSync(readFileSync(join(dist, asset))).length, 0)
}

async function buildFixture(): Promise<string> {
  const outDir = resolve(ROOT, 'bench/fixture-app/dist')
  await build({
    root: resolve(ROOT, 'bench/fixture-app'),
    base: './',
    plugins: rendererBuildBase.plugins,
    define: rendererBuildBase.define,
    logLevel: 'silent',
    build: { ...rendererBuildBase.build, outDir, emptyOutDir: true },
  })
  return outDir
}

async function serveDist(page: Page, dist: string) {
  await page.route('http://fixture.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\//, '') || 'index.html'
    const type = path.endsWith('.js')
      ? 'text/javascript'
      : path.endsWith('.css')
        ? 'text/css'
        : 'text/html'
    await route.fulfill({
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': type },
      body: readFileSync(join(dist, path)),
    })
  })
}

async function timeToWelcome(
  page: Page,
  load: () => Promise<unknown>,
  runs = 15,
): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await load()
    await page.locator('#welcome-title').waitFor()
    times.push(performance.now() - start)
  }
  return times
}

async function main() {
  mkdirSync(RESULTS, { recursive: true })
  const fixtureDist = await buildFixture()
  const kioskDist = resolve(ROOT, 'out/renderer')

  // 1. Bundle size.
  const kioskBytes = initialGzipBytes(kioskDist)
  const bareBytes = initialGzipBytes(fixtureDist)
  results.bundle = {
    kioskGzipBytes: kioskBytes,
    bareGzipBytes: bareBytes,
    ratio: kioskBytes / bareBytes,
  }
  table.push([
    'renderer initial JS+CSS, gzip',
    `${(kioskBytes / 1024).toFixed(1)} KiB (bare ${(bareBytes / 1024).toFixed(1)} KiB)`,
    `×${(kioskBytes / bareBytes).toFixed(2)}`,
  ])

  const service = await startReferenceService({ scryptCost: 2 ** 14 })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
  try {
    // 2. Time to an interactive Welcome.
    const kioskPage = await browser.newPage()
    const kiosk = await startKiosk(kioskPage, service, {
      logFile: join(tmpdir(), 'bench-kiosk.log'),
    })
    const kioskTimes = await timeToWelcome(kioskPage, () => kioskPage.reload())
    const barePage = await browser.newPage()
    await serveDist(barePage, fixtureDist)
    const bareTimes = await timeToWelcome(barePage, () =>
      barePage.goto('http://fixture.test/index.html'),
    )
    results.startup = {
      kioskMedianMs: median(kioskTimes),
      bareMedianMs: median(bareTimes),
      ratio: median(kioskTimes) / median(bareTimes),
      runs: 15,
    }
    table.push([
      'navigation → interactive Welcome, median of 15',
      `${ms(median(kioskTimes))} (bare ${ms(median(bareTimes))})`,
      `×${(median(kioskTimes) / median(bareTimes)).toFixed(2)}`,
    ])

    // 3. Heap over 200 complete registration cycles with wipes.
    const gcRenderer = () => kioskPage.evaluate(() => (window as unknown as { gc(): void }).gc())
    const rendererHeap = () =>
      kioskPage.evaluate(
        () =>
          (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
      )
    const mainHeap = () => {
      ;(globalThis as { gc?: () => void }).gc?.()
      return process.memoryUsage().heapUsed
    }
    const cycle = async (i: number) => {
      // Each cycle is another person, a minute later on main's clock (its human-speed limits).
      kiosk.mainClock.offsetMs += 60_000
      const email = `bench${i}.${Date.now()}@example.ca`
      service.invite(email)
      await kioskPage.getByTestId('choice-create').click()
      await kioskPage.locator('#identity-firstName').fill('Banc')
      await kioskPage.locator('#identity-lastName').fill('Essai')
      await kioskPage.locator('#identity-email').fill(email)
      await kioskPage.getByTestId('identity-next').click()
      await kioskPage.getByTestId('confirm-yes').click()
      await kioskPage.locator('#register-password').fill('Rivière-Bleue#2026!')
      await kioskPage.locator('#register-confirm').fill('Rivière-Bleue#2026!')
      await kioskPage.locator('#accept-terms').check()
      await kioskPage.locator('#accept-privacy').check()
      await kioskPage.getByTestId('password-submit').click()
      await kioskPage.locator('#code-title').waitFor()
      await kioskPage.locator('#register-code').fill(service.lastCode(email))
      await kioskPage.getByTestId('code-submit').click()
      await kioskPage.getByTestId('done-sign-in').waitFor()
      await kioskPage.getByTestId('start-over').click()
      await kioskPage.locator('#welcome-title').waitFor()
    }
    for (let i = 0; i < 5; i++) await cycle(-i - 1)
    await gcRenderer()
    const rendererBefore = await rendererHeap()
    const mainBefore = mainHeap()
    const cycles = Number(process.env.BENCH_CYCLES ?? 200)
    const cycleStart = performance.now()
    for (let i = 0; i < cycles; i++) await cycle(i)
    const cycleSeconds = (performance.now() - cycleStart) / 1000
    await gcRenderer()
    const rendererAfter = await rendererHeap()
    const mainAfter = mainHeap()
    results.heap = {
      cycles,
      rendererBeforeBytes: rendererBefore,
      rendererAfterBytes: rendererAfter,
      mainBeforeBytes: mainBefore,
      mainAfterBytes: mainAfter,
      seconds: cycleSeconds,
    }
    const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`
    table.push([
      `renderer heap, ${cycles} registrations + wipes`,
      `${mb(rendererBefore)} → ${mb(rendererAfter)}`,
      `${((rendererAfter - rendererBefore) / 1024).toFixed(0)} KiB growth`,
    ])
    table.push([
      `main heap, same cycles`,
      `${mb(mainBefore)} → ${mb(mainAfter)}`,
      `${((mainAfter - mainBefore) / 1024).toFixed(0)} KiB growth`,
    ])

    // 4. IPC-handler overhead vs a raw axios call to the same endpoint.
    const email = `ipc.${Date.now()}@example.ca`
    service.invite(email)
    const link = service.lastLink(email, 'invite')
    const token = link.split('/').pop()!
    const frame = { url: 'http://kiosk.test/index.html', parent: null }
    const raw = axios.create({
      baseURL: service.url(),
      headers: { Authorization: `Bearer ${DEVICE_TOKEN}` },
    })
    const timeCalls = async (call: () => Promise<unknown>, count = 2000) => {
      const times: number[] = []
      for (let i = 0; i < count; i++) {
        const start = performance.now()
        await call()
        times.push(performance.now() - start)
      }
      return times
    }
    await timeCalls(() => raw.get(`/v1/links/${token}`), 200)
    // One call per human-speed interval of main's clock, so that every call reaches the handler.
    const viaIpc = await timeCalls(() => {
      kiosk.mainClock.offsetMs += 5_000
      return kiosk.core.router.dispatch('links.submit', frame, { raw: link })
    })
    const viaAxios = await timeCalls(() => raw.get(`/v1/links/${token}`))
    results.ipc = {
      calls: 2000,
      handlerP50Ms: median(viaIpc),
      handlerP99Ms: percentile(viaIpc, 99),
      axiosP50Ms: median(viaAxios),
      axiosP99Ms: percentile(viaAxios, 99),
    }
    table.push([
      'IPC handler path vs raw axios, p50',
      `${ms(median(viaIpc))} vs ${ms(median(viaAxios))}`,
      `×${(median(viaIpc) / median(viaAxios)).toFixed(2)}`,
    ])
    table.push([
      'IPC handler path vs raw axios, p99',
      `${ms(percentile(viaIpc, 99))} vs ${ms(percentile(viaAxios, 99))}`,
      `×${(percentile(viaIpc, 99) / percentile(viaAxios, 99)).toFixed(2)}`,
    ])
  } finally {
    await browser.close()
    await service.stop()
  }

  // 5. The service as its own process under load (production scrypt cost).
  await serviceLoad()

  // 6. Recovery time for addresses with and without an account (docs/security.md, point 9).
  const timing = await measureRecoveryTiming()
  results.recoveryTiming = timing
  table.push([
    `POST /v1/recovery, known vs unknown address, p25 (n = ${timing.samplesPerKind} each)`,
    `${ms(timing.knownMs.p25)} vs ${ms(timing.unknownMs.p25)}`,
    `Δ p25 ${timing.differenceMs.p25.toFixed(2)} ms, p50 ${timing.differenceMs.p50.toFixed(2)} ms`,
  ])

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
  results.machine = machine
  const file = join(RESULTS, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\nmachine: ${machine}\n`)
  console.log('| measurement | value | ratio / note |\n|---|---|---|')
  for (const [name, value, ratio] of table) console.log(`| ${name} | ${value} | ${ratio} |`)
  console.log(`\nwritten: ${file}`)
}

async function serviceLoad() {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'bench-svc-')), 'bench.db')
  const { child, url } = await launchService([
    '--port',
    '0',
    '--db',
    dbFile,
    '--device-token',
    DEVICE_TOKEN,
    '--admin-token',
    'bench-admin-token-0123456789',
    '--device-requests-per-minute',
    '100000000',
  ])
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${DEVICE_TOKEN}` }
  const load = (path: string, body: string, duration = 10) =>
    autocannon({
      url: `${url}${path}`,
      connections: 50,
      duration,
      method: 'POST',
      headers,
      body,
    }) as unknown as Promise<autocannon.Result>
  try {
    const recovery = await load(
      '/v1/recovery',
      JSON.stringify({ email: 'nobody@example.ca', locale: 'fr-CA' }),
    )
    const verify = await load(
      `/v1/registrations/${'0'.repeat(32)}/verify`,
      JSON.stringify({ code: '123456' }),
    )
    let n = 0
    const registrations = (await autocannon({
      url: `${url}/v1/registrations`,
      connections: 8,
      duration: 10,
      method: 'POST',
      headers,
      requests: [
        {
          setupRequest: (request: Record<string, unknown>) => ({
            ...request,
            body: JSON.stringify({
              firstName: 'Banc',
              lastName: 'Essai',
              email: `load${n++}@example.ca`,
              password: 'Rivière-Bleue#2026!',
              locale: 'fr-CA',
              acceptTerms: true,
              acceptPrivacy: true,
              termsVersion: legalDocuments.terms.version,
              privacyVersion: legalDocuments.privacy.version,
            }),
          }),
        },
      ],
    } as never)) as unknown as autocannon.Result
    const hashesPerSecond = await rawHashRate()
    results.service = {
      connections: 50,
      recovery: {
        p50Ms: recovery.latency.p50,
        p99Ms: recovery.latency.p99,
        requestsPerSecond: recovery.requests.average,
        non2xx: recovery.non2xx,
      },
      verify: {
        p50Ms: verify.latency.p50,
        p99Ms: verify.latency.p99,
        requestsPerSecond: verify.requests.average,
      },
      registrationsPerSecond: registrations.requests.average,
      rawScryptHashesPerSecond: hashesPerSecond,
      ratio: registrations.requests.average / hashesPerSecond,
    }
    table.push([
      'service POST /v1/recovery, 50 connections',
      `p50 ${recovery.latency.p50} ms, p99 ${recovery.latency.p99} ms`,
      `${recovery.requests.average.toFixed(0)} req/s`,
    ])
    table.push([
      'service POST …/verify, 50 connections',
      `p50 ${verify.latency.p50} ms, p99 ${verify.latency.p99} ms`,
      `${verify.requests.average.toFixed(0)} req/s`,
    ])
    table.push([
      'registrations/s vs raw scrypt (N=2^17) hashes/s',
      `${registrations.requests.average.toFixed(2)} vs ${hashesPerSecond.toFixed(2)}`,
      `×${(registrations.requests.average / hashesPerSecond).toFixed(2)}`,
    ])
  } finally {
    child.kill('SIGTERM')
  }
}

/** scrypt N=2^17 hashes per second with the same 4-thread libuv pool the service uses. */
async function rawHashRate(seconds = 8): Promise<number> {
  let done = 0
  const end = performance.now() + seconds * 1000
  const worker = async () => {
    while (performance.now() < end) {
      await new Promise((ok, fail) =>
        scrypt(
          'Rivière-Bleue#2026!',
          randomBytes(16),
          32,
          { N: 2 ** 17, r: 8, p: 1, maxmem: 2 ** 28 },
          (e) => (e ? fail(e) : ok(undefined)),
        ),
      )
      done++
    }
  }
  const start = performance.now()
  await Promise.all([worker(), worker(), worker(), worker()])
  return done / ((performance.now() - start) / 1000)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
