import type { Rule } from 'eslint'

export function aliasFor(importingFile: string, specifier: string): string | undefined
declare const rule: Rule.RuleModule
export default rule
