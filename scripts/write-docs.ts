/** `npm run docs`: regenerates the config reference inside docs/deployment.md from the schema. */
import { readFileSync, writeFileSync } from 'node:fs'
import { withConfigReference } from '@main/config/reference'

const file = 'docs/deployment.md'
writeFileSync(file, withConfigReference(readFileSync(file, 'utf8')))
console.log(`updated ${file}`)
