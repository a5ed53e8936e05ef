import { electronBinary, NOT_INSTALLED } from './launch'

/** One line for the whole suite when it cannot run here; each test then skips with the reason. */
export default function globalSetup() {
  if (!electronBinary()) console.log(`skipped: ${NOT_INSTALLED} (every test of tests/electron)`)
}
