import { inject, vi } from 'vitest'

/**
 * A static mutant changes what a module computes once, when it is first evaluated (a table, an
 * object of functions). The runs share one module graph (`isolate: false` in vitest.config.ts),
 * so a module evaluated by an earlier run would never see the mutant, and the mutant would
 * survive every test that in fact kills it. For a static mutant's run only, this drops the
 * module registry before each test file, so the product modules are evaluated again with the
 * mutant active. `mode` and `mutantActivation` are what Stryker's vitest runner provides to its
 * own setup file (@stryker-mutator/vitest-runner, dist/src/stryker-setup.js).
 */
const provided = inject as unknown as (key: string) => unknown
if (provided('mode') === 'mutant' && provided('mutantActivation') === 'static') vi.resetModules()
