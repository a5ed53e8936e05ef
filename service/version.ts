/** The contract version this service implements (bumped with breaking changes to `shared/api`). */
export const SERVICE_VERSION = '1.0.0'
