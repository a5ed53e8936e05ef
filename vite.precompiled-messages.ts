import { baseCompile, type CompileError } from '@intlify/message-compiler'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

/** `locales/fr-CA.json` and its siblings (any query kept): the files compiled at build time. */
const LOCALE_FILE = /^(.*[\\/]locales[\\/][a-z]{2}-[A-Z]{2})\.json(\?.*)?$/
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/
/**
 * The module id of a compiled locale file: its path without `.json` (or Vite's own JSON plugin
 * would claim the id and parse the generated code as JSON), and its query: `fr-CA.json?lazy` is
 * another module than `fr-CA.json`, so that one can be imported whole, later, and the other in part.
 */
const VIRTUAL_PREFIX = '\0precompiled-messages:'

type MessageTree = { [key: string]: MessageTree | string }
type CompiledTree = { [key: string]: CompiledTree | object }

/** One message → the minified AST vue-i18n's runtime formats without its compiler. */
export function compileMessage(source: string, where: string): object {
  const errors: CompileError[] = []
  const { ast } = baseCompile(source, {
    jit: true,
    minify: true,
    location: false,
    onError: (error) => errors.push(error),
  })
  if (errors.length > 0) throw new Error(`${where}: ${errors.map((e) => e.message).join('; ')}`)
  return ast
}

export function compileMessages(tree: MessageTree, file: string, path = ''): CompiledTree {
  const compiled: CompiledTree = {}
  for (const [key, value] of Object.entries(tree))
    compiled[key] =
      typeof value === 'string'
        ? compileMessage(value, `${file} ${path}${key}`)
        : compileMessages(value, file, `${path}${key}.`)
  return compiled
}

/**
 * Compiles `locales/*.json` at build time and ships vue-i18n without its message compiler, as
 * vue-i18n recommends for production (docs/performance.md says why this small plugin rather than
 * `@intlify/unplugin-vue-i18n`): the runtime-only build, `__INTLIFY_DROP_MESSAGE_COMPILER__`, and
 * each locale file imported as the ASTs of its messages. A message the compiler refuses fails the
 * build, naming its file and key.
 */
export function precompiledMessages(): Plugin {
  return {
    name: 'kiosk-precompiled-messages',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          { find: /^vue-i18n$/, replacement: 'vue-i18n/dist/vue-i18n.runtime.esm-bundler.js' },
        ],
      },
      define: { __INTLIFY_DROP_MESSAGE_COMPILER__: 'true' },
    }),
    async resolveId(source, importer) {
      if (!/\.json(\?|$)/.test(source)) return null
      const resolved = await this.resolve(source, importer, { skipSelf: true })
      const match = resolved && LOCALE_FILE.exec(resolved.id)
      return match ? `${VIRTUAL_PREFIX}${match[1]}${match[2] ?? ''}` : null
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null
      const file = `${id.slice(VIRTUAL_PREFIX.length).replace(/\?.*$/, '')}.json`
      this.addWatchFile(file)
      const compiled = compileMessages(JSON.parse(readFileSync(file, 'utf8')) as MessageTree, file)
      // Each section also as a named export, as Vite's JSON plugin does: a module can import only
      // the sections it needs, and the bundle leaves out the others.
      const sections = Object.keys(compiled)
      const unnamed = sections.find((key) => !IDENTIFIER.test(key))
      if (unnamed) throw new Error(`${file}: the section "${unnamed}" is not a JavaScript name`)
      return [
        ...sections.map((key) => `export const ${key} = ${JSON.stringify(compiled[key])}`),
        `export default { ${sections.join(', ')} }`,
      ].join('\n')
    },
  }
}
