import { EmailAddress } from '@shared/email'
import { StaffName, type AuditEntry } from '@shared/api/staff'
import type { ServiceContext } from '../context'
import { readAudit, recordAudit } from '../domain/audit'
import {
  addDevice as createDevice,
  deviceNamed,
  replaceDeviceToken,
  setDeviceRole as changeRole,
} from '../domain/device-admin'
import { fleetHealth, fleetTable } from '../domain/fleet'
import { disableDeviceAudited } from '../domain/devices'
import {
  addStaff,
  disableStaff,
  listStaff,
  resetStaff,
  unlockStaff,
} from '../domain/staff-accounts'
import { inTransaction } from '../db/transactions'
import { ApiError } from '../errors'
import { AUDIT_DETAIL, auditDetail } from '@shared/api/console/audit-detail'

/**
 * The commands IT runs against the service's database for the counter desk and the fleet:
 * devices, staff accounts, the audit. Each returns what to print, or throws a one-line reason.
 */
export class CommandError extends Error {}

const email = (value: string | undefined): string => {
  const parsed = EmailAddress.safeParse(value)
  if (!parsed.success) throw new CommandError('needs an EMAIL')
  return parsed.data
}

/** `add-device NAME [--counter]`: a new device token, printed once for IT to provision. */
export async function addDeviceCommand(
  ctx: ServiceContext,
  name: string | undefined,
  counter: boolean,
): Promise<string> {
  if (!name) throw new CommandError('add-device needs a NAME')
  return (await createDevice(ctx, name, counter ? 'counter' : 'public')).token
}

/** `device-role NAME counter|public`: whether staff may sign in on that device. */
export async function deviceRoleCommand(
  ctx: ServiceContext,
  name: string | undefined,
  role: string | undefined,
): Promise<string> {
  if (!name || (role !== 'counter' && role !== 'public'))
    throw new CommandError('device-role needs a NAME and counter or public')
  const device = await deviceNamed(ctx, name)
  if (!device) throw new CommandError(`no device named ${name}`)
  await changeRole(ctx, device.id, role)
  return `${name}: ${role}`
}

/**
 * `device disable NAME`: a stolen or retired kiosk; its token and sessions stop working now.
 * `device token NAME`: a new token, printed once; the old one and its sessions stop working now.
 */
export async function deviceCommand(
  ctx: ServiceContext,
  action: string | undefined,
  name: string | undefined,
): Promise<string> {
  if ((action !== 'disable' && action !== 'token') || !name)
    throw new CommandError('device needs disable NAME or token NAME')
  if (action === 'token') return newDeviceToken(ctx, name)
  try {
    await disableDeviceAudited(ctx, { name }, 'cli')
  } catch (error) {
    if (error instanceof ApiError) throw new CommandError(`no device named ${name}`)
    throw error
  }
  return `${name}: disabled; its token is refused and its sessions have ended`
}

async function newDeviceToken(ctx: ServiceContext, name: string): Promise<string> {
  const device = await deviceNamed(ctx, name)
  if (!device) throw new CommandError(`no device named ${name}`)
  // The new token and its audit row stand or fall together.
  const replaced = await inTransaction(ctx, async (tx) => {
    const done = await replaceDeviceToken(tx, device.id)
    if (done)
      await recordAudit(
        tx,
        { staffId: null, deviceId: null },
        {
          action: 'device_token',
          target: name,
          detail: auditDetail(AUDIT_DETAIL.commandLine, done.reenabled && AUDIT_DETAIL.reenabled),
          result: 'ok',
        },
      )
    return done
  })
  if (!replaced) throw new CommandError(`no device named ${name}`)
  return replaced.token
}

/** `staff add|reset|disable|unlock|list`. */
export async function staffCommand(
  ctx: ServiceContext,
  args: { action?: string; email?: string; name?: string },
): Promise<string> {
  try {
    switch (args.action) {
      case 'add': {
        const name = StaffName.safeParse(args.name)
        if (!name.success) throw new CommandError('staff add needs --name "First Last"')
        const code = await addStaff(ctx, email(args.email), name.data)
        return `enrolment code (single use, 72 h): ${code}`
      }
      case 'reset':
        return `new enrolment code (single use, 72 h): ${await resetStaff(ctx, email(args.email))}`
      case 'disable':
        await disableStaff(ctx, email(args.email))
        return 'disabled; their sessions have ended and their password is erased'
      case 'unlock':
        return (await unlockStaff(ctx, email(args.email), 'cli'))
          ? 'unlocked: their failed sign-ins and enrolment tries are forgotten'
          : 'nothing to unlock'
      case 'list':
        return (await listStaff(ctx))
          .map((staff) => `${staff.email}\t${staff.name}\t${staff.state}`)
          .join('\n')
      default:
        throw new CommandError('staff needs add, reset, disable, unlock or list')
    }
  } catch (error) {
    if (error instanceof CommandError) throw error
    throw new CommandError((error as Error).message)
  }
}

/** `--since`: a date (2026-11-01), a date and time, or a duration back from now (24h, 7d). */
export function parseSince(value: string | undefined, now: number): number {
  if (!value) throw new CommandError('audit needs --since (2026-11-01, an ISO time, 24h or 7d)')
  const relative = /^(\d+)([hd])$/.exec(value)
  if (relative) return now - Number(relative[1]) * (relative[2] === 'h' ? 3_600_000 : 86_400_000)
  const at = Date.parse(value)
  if (Number.isNaN(at)) throw new CommandError(`--since: not a date: ${value}`)
  return at
}

const auditLine = (entry: AuditEntry) =>
  [
    entry.at,
    entry.staff ? `${entry.staff.name} <${entry.staff.email}>` : '(unknown staff)',
    entry.device ?? '-',
    entry.action,
    entry.target ?? '-',
    entry.detail ? `→ ${entry.detail}` : '',
    entry.result,
  ]
    .filter(Boolean)
    .join('\t')

/** `audit --since …`: who looked up or did what for whom, when, and how it ended. */
export async function auditCommand(
  ctx: ServiceContext,
  args: { since?: string; until?: string; json?: boolean },
): Promise<string> {
  const entries = await readAudit(ctx, {
    since: parseSince(args.since, ctx.clock.now()),
    ...(args.until ? { until: parseSince(args.until, ctx.clock.now()) } : {}),
    limit: 100_000,
  })
  if (args.json) return JSON.stringify({ entries }, null, 2)
  return entries.length === 0 ? '(no entries)' : entries.map(auditLine).join('\n')
}

/** `devices`: the fleet table (or `--json`, the same as GET /v1/admin/devices). */
export async function devicesCommand(ctx: ServiceContext, json: boolean): Promise<string> {
  const devices = await fleetHealth(ctx)
  return json ? JSON.stringify({ devices }, null, 2) : fleetTable(devices, ctx.clock.now())
}
