import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  ConsoleFleet,
  FLEET_EVENT,
  SESSION_ENDED_EVENT,
  type ConsoleDevice,
} from '@shared/api/console/fleet'
import type { DeviceState } from '@shared/api/fleet'
import { request } from '../api'

/** The polling pace when server-sent events cannot get through (a proxy that buffers them). */
const POLL_EVERY_MS = 30_000

/**
 * The fleet, live: server-sent events from `/v1/console/fleet/events` (a new fleet whenever a
 * device changes, `session-ended` when the session does), falling back to polling every 30 s.
 * The stream does not count as the person's activity: an open fleet page still idles out.
 */
export const useFleetStore = defineStore('fleet', () => {
  const devices = ref<ConsoleDevice[]>([])
  const at = ref<string>()
  const live = ref(false)
  /** The latest state changes, for the page's polite announcement. */
  const changes = ref<{ name: string; state: DeviceState }[]>([])
  let source: EventSource | undefined
  let poll: ReturnType<typeof setInterval> | undefined
  let onEnded: () => void = () => undefined

  function adopt(fleet: ConsoleFleet) {
    const before = new Map(devices.value.map((device) => [device.id, device.state]))
    changes.value =
      before.size === 0
        ? []
        : fleet.devices
            .filter((device) => before.has(device.id) && before.get(device.id) !== device.state)
            .map((device) => ({ name: device.name, state: device.state }))
    devices.value = fleet.devices
    at.value = fleet.at
  }

  async function refresh() {
    const answer = await request('GET', '/v1/console/fleet', { schema: ConsoleFleet, quiet: true })
    if (answer.ok) adopt(answer.data)
  }

  function watch(ended: () => void) {
    onEnded = ended
    stop()
    source = new EventSource('/v1/console/fleet/events')
    source.addEventListener('open', () => (live.value = true))
    source.addEventListener(FLEET_EVENT, (event) => {
      const parsed = ConsoleFleet.safeParse(JSON.parse((event as MessageEvent<string>).data))
      if (parsed.success) adopt(parsed.data)
    })
    source.addEventListener(SESSION_ENDED_EVENT, () => {
      stop()
      onEnded()
    })
    source.addEventListener('error', () => {
      live.value = false
      // A refused stream (a 401 once the session has ended, a proxy's error page) is closed for
      // good: ask now, so an ended session shows at once rather than at the next poll.
      if (source?.readyState === EventSource.CLOSED) void refresh()
    })
    poll = setInterval(() => {
      if (!live.value) void refresh()
    }, POLL_EVERY_MS)
  }

  function stop() {
    source?.close()
    source = undefined
    clearInterval(poll)
    live.value = false
  }

  return { devices, at, live, changes, refresh, watch, stop }
})
