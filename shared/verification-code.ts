/**
 * A code from a verification mail: six digits. Plain, so the renderer checks it without zod; the
 * API schema (`api/schemas.ts`) is built from the same pattern.
 */
export const VERIFICATION_CODE_PATTERN = /^\d{6}$/
