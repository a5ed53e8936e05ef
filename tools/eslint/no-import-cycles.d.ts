import type { Rule } from 'eslint'

export function resolveSpecifier(importingFile: string, specifier: string): string | undefined
export function pathBack(start: string, goal: string): string[] | undefined
declare const rule: Rule.RuleModule
export default rule
