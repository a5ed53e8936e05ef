import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { electronViteBuild } from '../../../scripts/electron-vite-build'

describe('npm run dev rebuilds with a command every OS can start without a shell', () => {
  it('is Node itself running electron-vite’s CLI file (on Windows `npx` is npx.cmd: no shell, no start)', () => {
    const { command, args } = electronViteBuild()
    expect(command).toBe(process.execPath)
    expect(existsSync(args[0]!)).toBe(true)
    expect(args.slice(1)).toEqual(['build'])
  })

  it('that file answers when started exactly so, shell: false', () => {
    const { command, args } = electronViteBuild()
    const run = spawnSync(command, [args[0]!, '--version'], { shell: false, encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/\d+\.\d+\.\d+/)
  })
})
