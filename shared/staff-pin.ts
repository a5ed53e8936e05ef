/** Staff PINs: 6 to 12 digits (a numeric pad, long enough not to be guessed in 5 tries). */
export const STAFF_PIN_PATTERN = /^\d{6,12}$/

/**
 * Staff mode closes itself after this long without staff activity (docs/product.md, "Kiosk
 * behaviour").
 */
export const STAFF_IDLE_MS = 60_000
