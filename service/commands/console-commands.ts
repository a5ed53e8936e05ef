import { ConsoleRole } from '@shared/api/console/accounts'
import { StaffName } from '@shared/api/staff'
import { EmailAddress } from '@shared/email'
import type { ServiceContext } from '../context'
import {
  addConsoleAccount,
  disableConsoleAccount,
  listConsoleAccounts,
  resetConsoleAccount,
} from '../domain/console-accounts'
import { ApiError } from '../errors'
import { CommandError } from './office-commands'

/**
 * `service console add|reset|disable|list` (docs/console.md): console accounts, from a terminal on
 * the service's machine. The code is printed once, to hand over in person.
 */
export async function consoleCommand(
  ctx: ServiceContext,
  args: { action?: string; email?: string; name?: string; role?: string },
): Promise<string> {
  const email = () => {
    const parsed = EmailAddress.safeParse(args.email)
    if (!parsed.success) throw new CommandError(`console ${args.action} needs an EMAIL`)
    return parsed.data
  }
  try {
    switch (args.action) {
      case 'add': {
        const role = ConsoleRole.safeParse(args.role)
        if (!role.success) throw new CommandError('console add needs --role it|registrar')
        const address = email()
        const name = StaffName.safeParse(args.name ?? address.split('@')[0])
        if (!name.success) throw new CommandError('console add: --name "First Last"')
        const { code } = await addConsoleAccount(ctx, {
          email: address,
          name: name.data,
          role: role.data,
        })
        return `enrolment code (single use, 72 h; enrol at /console/): ${code}`
      }
      case 'reset':
        return `new enrolment code (single use, 72 h): ${(await resetConsoleAccount(ctx, email())).code}`
      case 'disable':
        await disableConsoleAccount(ctx, email())
        return 'disabled; their console sessions have ended'
      case 'list':
        return (await listConsoleAccounts(ctx))
          .map((account) =>
            [account.email, account.name, account.role, account.state, account.lockedUntil ?? '']
              .join('\t')
              .trimEnd(),
          )
          .join('\n')
      default:
        throw new CommandError('console needs add, reset, disable or list')
    }
  } catch (error) {
    if (error instanceof CommandError) throw error
    if (error instanceof ApiError)
      throw new CommandError(
        error.status === 404
          ? `no console account ${args.email}`
          : `console ${args.action}: ${args.email} already has an account`,
      )
    throw error
  }
}
