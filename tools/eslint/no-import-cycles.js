// ESLint rule: no import cycles in the project, whatever kind of import closes them: value, type
// only (`import type`, `import('…').T`), re-export or dynamic `import()`. A cycle makes load order
// decide what a module sees, and two files that need each other are one concept or want a third.
//
// Why not import-x/no-cycle: it skips type-only imports by design (its rules/no-cycle.js returns
// early on `importKind === 'type'`), and walks the graph again from every import. This rule scans
// each file once with TypeScript's pre-processor (imports only, no parse), resolves specifiers the
// way tsconfig.base.json's `paths` and the bundler do, and caches the graph for the whole run.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import ts from 'typescript'

const ROOT = resolve(import.meta.dirname, '../..')
const EXTENSIONS = ['.ts', '.d.ts', '.vue', '.js', '.mjs']

/** tsconfig.base.json's `paths`: `@shared/*` → `<root>/shared/`. */
function readAliases() {
  const { config } = ts.readConfigFile(resolve(ROOT, 'tsconfig.base.json'), ts.sys.readFile)
  return Object.entries(config.compilerOptions.paths).map(([alias, [target]]) => [
    alias.replace(/\*$/, ''),
    resolve(ROOT, target.replace(/\*$/, '')),
  ])
}
const aliases = readAliases()

const isFile = (path) => existsSync(path) && statSync(path).isFile()

const resolved = new Map()

/** The project file a specifier names, or undefined for a package or anything outside the project. */
export function resolveSpecifier(importingFile, specifier) {
  const key = `${dirname(importingFile)}\0${specifier}`
  if (!resolved.has(key)) resolved.set(key, resolveUncached(importingFile, specifier))
  return resolved.get(key)
}

function resolveUncached(importingFile, specifier) {
  const bare = specifier.replace(/\?.*$/, '')
  let base
  if (bare.startsWith('.')) base = resolve(dirname(importingFile), bare)
  else {
    const alias = aliases.find(([prefix]) => bare.startsWith(prefix))
    if (!alias) return undefined
    base = resolve(alias[1], bare.slice(alias[0].length))
  }
  if (relative(ROOT, base).startsWith('..') || base.includes('/node_modules/')) return undefined
  const withoutJs = base.replace(/\.m?js$/, '')
  const candidates = [
    base,
    ...EXTENSIONS.map((extension) => withoutJs + extension),
    ...EXTENSIONS.map((extension) => resolve(base, `index${extension}`)),
  ]
  return candidates.find(isFile)
}

/** The specifiers a file's text imports, each with the offset where it is written. */
function specifiersIn(file, text) {
  const blocks = file.endsWith('.vue')
    ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => ({
        code: match[1],
        offset: match.index + match[0].indexOf(match[1]),
      }))
    : [{ code: text, offset: 0 }]
  return blocks.flatMap(({ code, offset }) =>
    ts.preProcessFile(code, true, true).importedFiles.map((imported) => ({
      specifier: imported.fileName,
      offset: offset + imported.pos,
    })),
  )
}

/** Each file's project imports, read from disk once per lint run. */
const graph = new Map()
function importsOf(file) {
  let imports = graph.get(file)
  if (!imports) {
    imports = new Set()
    graph.set(file, imports)
    if (/\.(ts|vue|js|mjs)$/.test(file))
      for (const { specifier } of specifiersIn(file, readFileSync(file, 'utf8'))) {
        const target = resolveSpecifier(file, specifier)
        if (target) imports.add(target)
      }
  }
  return imports
}

/**
 * The files in an import cycle with `file` (its strongly connected component, Tarjan's algorithm
 * over the files as they are on disk), computed once for all the files a run reaches.
 */
const components = new Map()
function componentOf(file) {
  if (components.has(file)) return components.get(file)
  const index = new Map()
  const lowLink = new Map()
  const stack = []
  const onStack = new Set()
  const visit = (node) => {
    index.set(node, index.size)
    lowLink.set(node, index.get(node))
    stack.push(node)
    onStack.add(node)
    for (const next of importsOf(node)) {
      if (components.has(next)) continue
      if (!index.has(next)) {
        visit(next)
        lowLink.set(node, Math.min(lowLink.get(node), lowLink.get(next)))
      } else if (onStack.has(next)) lowLink.set(node, Math.min(lowLink.get(node), index.get(next)))
    }
    if (lowLink.get(node) !== index.get(node)) return
    const component = new Set()
    for (let member; member !== node;) {
      member = stack.pop()
      onStack.delete(member)
      component.add(member)
      components.set(member, component)
    }
  }
  visit(file)
  return components.get(file)
}

/** A path of imports from `start` back to `goal`, or undefined when there is none. */
export function pathBack(start, goal) {
  const cameFrom = new Map([[start, undefined]])
  const queue = [start]
  while (queue.length > 0) {
    const file = queue.shift()
    for (const next of importsOf(file)) {
      if (next === goal) {
        const path = [file]
        for (let step = cameFrom.get(file); step !== undefined; step = cameFrom.get(step))
          path.unshift(step)
        return path
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file)
        queue.push(next)
      }
    }
  }
  return undefined
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'no import cycles, type-only and dynamic imports included' },
    schema: [],
    messages: { cycle: 'import cycle: {{route}}' },
  },
  create(context) {
    const file = context.physicalFilename
    if (!isFile(file)) return {}
    return {
      Program() {
        const text = context.sourceCode.text
        // As on disk (a lint run): only a file in a cycle needs a path looked for. Text being
        // edited (an editor, a test) may add an import, so then every import is followed.
        const asOnDisk = readFileSync(file, 'utf8') === text
        const inCycleWith = asOnDisk ? componentOf(file) : undefined
        if (inCycleWith?.size === 1) return
        for (const { specifier, offset } of specifiersIn(file, text)) {
          const target = resolveSpecifier(file, specifier)
          if (!target || target === file) continue
          if (inCycleWith && !inCycleWith.has(target)) continue
          const back = pathBack(target, file)
          if (!back) continue
          const route = [file, ...back, file].map((step) => relative(ROOT, step)).join(' → ')
          context.report({
            loc: context.sourceCode.getLocFromIndex(Math.min(offset, text.length)),
            messageId: 'cycle',
            data: { route },
          })
        }
      },
    }
  },
}
