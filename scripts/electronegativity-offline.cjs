// Preloaded into electronegativity by scripts/electronegativity-gate.mjs (`node --require`): the
// gate runs offline. electronegativity makes two lookups over the network with got 11, for updated
// translations and for Electron's releases list; on a machine without network, got's retry timer
// throws after the failure was handled ("The `onCancel` handler was attached after the promise
// settled", p-cancelable, seen on Node 24), which kills the scan. Here got answers at once that
// there is no network, and electronegativity goes on with its bundled translations. Whether our
// Electron still gets security fixes is `npm run check:support`'s job (docs/release.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node --require)
const { createRequire } = require('node:module')

const fromElectronegativity = createRequire(
  require.resolve('@doyensec/electronegativity/package.json'),
)
const gotPath = fromElectronegativity.resolve('got')
const offline = () =>
  Promise.reject(
    Object.assign(new Error('no network: the gate runs offline'), { code: 'EOFFLINE' }),
  )
offline.get = offline
offline.head = offline
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline }
