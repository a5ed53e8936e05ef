/** A locale file imported whole, apart from its sections imported at start (`i18n.ts`). */
declare module '*.json?lazy' {
  const messages: unknown
  export default messages
}
