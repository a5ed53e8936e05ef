import { loadAllMessages } from '@renderer/i18n'

// In the app, every screen but Welcome shows once all messages are in (renderer/src/main.ts); the
// components mounted here alone get them the same way. Welcome's own few are tested in
// tests/e2e/start-messages.spec.ts.
await loadAllMessages()
