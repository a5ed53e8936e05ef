import type { IpcChannel } from '@shared/ipc/channels'

/**
 * A channel name as the log accepts it: the log keeps only lower-case machine words (mixed case
 * could be a name or a token, see `event-log.ts`), and channel names stay distinct in lower case.
 */
export const channelForLog = (channel: IpcChannel): string => channel.toLowerCase()
