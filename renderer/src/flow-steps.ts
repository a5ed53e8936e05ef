/** The steps of the two multi-step flows, for the step indicator (route `meta.step`, router.ts). */
export type RegistrationStep = 'identity' | 'password' | 'code' | 'done'
export type RecoveryStep = 'email' | 'code' | 'newPassword' | 'done'
export type FlowStep = RegistrationStep | RecoveryStep
