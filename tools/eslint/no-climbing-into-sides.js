// ESLint rule: tests, tools, scripts and the bench reach a side of the product (electron/main,
// electron/preload, service, renderer/src, locales) by its alias (vite.aliases.ts), never by a
// relative path that climbs into it. The import is resolved against the file that makes it, so a
// test helper under tests/unit/service/ stays reachable as `../service/helper`.
import { dirname, relative, resolve, sep } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')
const SIDES = [
  ['electron/main', '@main'],
  ['electron/preload', '@preload'],
  ['renderer/src', '@renderer'],
  ['service', '@service'],
  ['locales', '@locales'],
]

/** The alias an import should use instead, or undefined when the import is fine as written. */
export function aliasFor(importingFile, specifier) {
  if (!specifier.startsWith('.')) return undefined
  const target = relative(ROOT, resolve(dirname(importingFile), specifier.replace(/\?.*$/, '')))
  const posix = target.split(sep).join('/')
  for (const [folder, alias] of SIDES)
    if (posix === folder || posix.startsWith(`${folder}/`))
      return `${alias}${posix.slice(folder.length)}`
  return undefined
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'reach a side of the product by its alias, not by climbing into it' },
    schema: [],
    messages: { useAlias: 'reach {{folder}} by its alias: {{alias}}' },
  },
  create(context) {
    const check = (node, source) => {
      if (typeof source?.value !== 'string') return
      const alias = aliasFor(context.filename, source.value)
      if (alias)
        context.report({
          node: source,
          messageId: 'useAlias',
          data: { folder: source.value, alias },
        })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source),
      CallExpression: (node) => {
        const callee = node.callee
        const mocked =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'vi' &&
          callee.property.type === 'Identifier' &&
          ['mock', 'doMock', 'importActual', 'importMock'].includes(callee.property.name)
        if (mocked && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0])
      },
    }
  },
}
