import * as accounts from '@shared/api/console/accounts'
import * as activity from '@shared/api/console/activity'
import * as audit from '@shared/api/console/audit'
import * as fleet from '@shared/api/console/fleet'
import type { Operation } from './openapi'

/**
 * The console's API (docs/console.md), from its schemas in `shared/api/console/`. `console`: the
 * session cookie, and on every change the `X-CSRF-Token` header; `none`: sign-in and enrolment.
 */
export const consoleOperations: Operation[] = [
  {
    method: 'post',
    path: '/v1/console/enrolments',
    summary: 'Console enrolment: the one-time code from IT and a password',
    auth: 'none',
    request: accounts.ConsoleEnrolmentRequest,
    status: 204,
  },
  {
    method: 'post',
    path: '/v1/console/session',
    summary: 'Console sign-in: sets the HttpOnly session cookie, answers the CSRF token',
    auth: 'none',
    request: accounts.ConsoleSignInRequest,
    status: 200,
    response: accounts.ConsoleSession,
  },
  {
    method: 'get',
    path: '/v1/console/session',
    summary: 'The signed-in console account and its CSRF token (after a reload)',
    auth: 'console',
    status: 200,
    response: accounts.ConsoleSession,
  },
  {
    method: 'delete',
    path: '/v1/console/session',
    summary: 'Console sign-out (audited)',
    auth: 'console',
    status: 204,
  },
  {
    method: 'post',
    path: '/v1/console/preferences',
    summary: "One's language, and fleet alerts (IT)",
    auth: 'console',
    request: accounts.ConsolePreferences,
    status: 200,
    response: accounts.ConsoleSession,
  },
  {
    method: 'get',
    path: '/v1/console/fleet',
    summary: 'Every device and its state (IT)',
    auth: 'console',
    status: 200,
    response: fleet.ConsoleFleet,
  },
  {
    method: 'get',
    path: '/v1/console/fleet/events',
    summary:
      'The fleet live, as server-sent events: `fleet` (a ConsoleFleet) at each change, `session-ended` (IT)',
    auth: 'console',
    status: 200,
  },
  {
    method: 'post',
    path: '/v1/console/devices',
    summary: 'Add a device; its token is in the answer, once (IT, audited)',
    auth: 'console',
    request: fleet.AddDeviceRequest,
    status: 201,
    response: fleet.DeviceAdded,
  },
  {
    method: 'post',
    path: '/v1/console/devices/{id}/role',
    summary: "Change a device's role: public kiosk or counter desk (IT, audited)",
    auth: 'console',
    request: fleet.DeviceRoleRequest,
    status: 204,
  },
  {
    method: 'post',
    path: '/v1/console/devices/{id}/disable',
    summary: 'Disable a device: its next request is refused (IT, audited)',
    auth: 'console',
    status: 204,
  },
  {
    method: 'get',
    path: '/v1/console/activity',
    summary: 'Counts per kiosk and hour, no personal data (IT, registrar)',
    auth: 'console',
    query: activity.ActivityQuery,
    status: 200,
    response: activity.ActivityReport,
  },
  {
    method: 'get',
    path: '/v1/console/activity.csv',
    summary: 'The same counts as CSV (IT, registrar)',
    auth: 'console',
    query: activity.ActivityQuery,
    status: 200,
  },
  {
    method: 'post',
    path: '/v1/console/audit/search',
    summary: 'Search the audit, 50 a page (IT: all; registrar: the counter desk)',
    auth: 'console',
    request: audit.AuditSearch,
    status: 200,
    response: audit.AuditPage,
  },
  {
    method: 'post',
    path: '/v1/console/audit/export',
    summary: 'Every match of an audit search, as CSV',
    auth: 'console',
    request: audit.AuditSearch,
    status: 200,
  },
  ...(['staff', 'accounts'] as const).flatMap((kind): Operation[] => {
    const who = kind === 'staff' ? 'counter staff (IT, registrar)' : 'console accounts (IT)'
    return [
      {
        method: 'get',
        path: `/v1/console/${kind}`,
        summary: `List ${who}`,
        auth: 'console',
        status: 200,
        response: kind === 'staff' ? accounts.StaffAccountList : accounts.ConsoleAccountList,
      },
      {
        method: 'post',
        path: `/v1/console/${kind}`,
        summary: `Add to ${who}: answers the one-time enrolment code (audited)`,
        auth: 'console',
        request: kind === 'staff' ? accounts.AddStaffRequest : accounts.AddConsoleAccountRequest,
        status: 201,
        response: accounts.EnrolmentIssued,
      },
      {
        method: 'post',
        path: `/v1/console/${kind}/reset`,
        summary: `Reset one of ${who}: password and sessions end, a new code (audited)`,
        auth: 'console',
        request: accounts.AccountTarget,
        status: 200,
        response: accounts.EnrolmentIssued,
      },
      {
        method: 'post',
        path: `/v1/console/${kind}/disable`,
        summary: `Disable one of ${who}: their sessions end (audited)`,
        auth: 'console',
        request: accounts.AccountTarget,
        status: 204,
      },
      {
        method: 'post',
        path: `/v1/console/${kind}/unlock`,
        summary: `Lift the sign-in lock of one of ${who} (audited)`,
        auth: 'console',
        request: accounts.AccountTarget,
        status: 204,
      },
    ]
  }),
]
