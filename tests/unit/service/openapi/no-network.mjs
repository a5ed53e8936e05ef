// Loaded with `node --import` into a tool the tests run (Redocly's CLI): any attempt to open a
// socket or resolve a name is written to stderr and refused, so a test can prove the tool stayed
// offline (no telemetry, no update check, no remote $ref).
import dns from 'node:dns'
import net from 'node:net'

export const NETWORK_ATTEMPT = 'NETWORK ATTEMPT'

const refuse = (what) =>
  function () {
    process.stderr.write(`${NETWORK_ATTEMPT}: ${what}\n`)
    throw new Error(`${what} refused: this tool runs offline`)
  }

net.Socket.prototype.connect = refuse('socket connect')
dns.lookup = refuse('dns lookup')
dns.promises.lookup = refuse('dns lookup')
