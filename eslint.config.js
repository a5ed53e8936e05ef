import js from '@eslint/js'
import vueI18n from '@intlify/eslint-plugin-vue-i18n'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import noClimbingIntoSides from './tools/eslint/no-climbing-into-sides.js'
import noImportCycles from './tools/eslint/no-import-cycles.js'

/** Outside shared/ itself, shared code is imported as `@shared/…`, never by climbing `../`. */
const sharedByAlias = {
  group: ['**/shared/**', '!@shared/**'],
  message: 'import shared code as @shared/… (tsconfig.base.json, vite.aliases.ts)',
}

/** The sides' aliases (vite.aliases.ts): for tests, tools and the bench, never for product code. */
const sideAliases = ['@main/**', '@preload/**', '@service/**', '@renderer/**', '@locales/**']

/** Layering (VS Code style): what each folder may import, checked here rather than by goodwill. */
const layer = (files, patterns, message, extra = [sharedByAlias]) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...patterns.map((group) => ({ group: [group], message })), ...extra] },
    ],
  },
})

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'dist-e2e/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'bench/fixture-app/dist/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['error'] }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // Every user-visible string in the console comes from console/locales/.
    files: ['console/**/*.vue'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    settings: {
      'vue-i18n': { localeDir: './console/locales/*.json', messageSyntaxVersion: '^11.0.0' },
    },
    rules: {
      '@intlify/vue-i18n/no-raw-text': [
        'error',
        { ignorePattern: '^[\\s▲▼·→—()]*$', ignoreText: [] },
      ],
      '@intlify/vue-i18n/no-missing-keys': 'error',
    },
  },
  {
    // Every user-visible string in the renderer comes from locales/.
    files: ['renderer/**/*.vue'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    settings: { 'vue-i18n': { localeDir: './locales/*.json', messageSyntaxVersion: '^11.0.0' } },
    rules: {
      '@intlify/vue-i18n/no-raw-text': [
        'error',
        { ignorePattern: '^[\\s✓✗✉!•·()–—:←⌂⌄⌨⌫]*$|^MC$', ignoreText: [] },
      ],
      '@intlify/vue-i18n/no-missing-keys': 'error',
    },
  },
  layer(['**/*.{ts,vue,js,mjs}'], [], ''),
  {
    // No import cycles, type-only and dynamic imports included (tools/eslint/no-import-cycles.js).
    files: ['**/*.{ts,vue,js,mjs}'],
    plugins: { cycles: { rules: { 'no-import-cycles': noImportCycles } } },
    rules: { 'cycles/no-import-cycles': 'error' },
  },
  layer(
    ['shared/**/*.ts'],
    [
      '**/electron/**',
      '**/renderer/**',
      '**/service/**',
      ...sideAliases,
      'node:*',
      'electron',
      'vue',
      'axios',
    ],
    'shared/ is common code: no Node, DOM, Electron or app layer',
    [],
  ),
  layer(
    ['renderer/**/*.{ts,vue}'],
    [
      '**/electron/main/**',
      '**/service/**',
      ...sideAliases.filter((alias) => alias !== '@renderer/**'),
      'node:*',
      'electron',
      'axios',
    ],
    'the renderer reaches main only through window.kiosk',
  ),
  {
    // At run time the renderer takes from shared/ only its plain modules, never a zod schema: zod
    // is not in what the renderer loads at start (docs/performance.md). Types come from anywhere.
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'zod',
                'zod/*',
                '@shared/**',
                ...[
                  'locale-codes',
                  'error-codes',
                  'email-address',
                  'password-rules',
                  'verification-code',
                  'staff-pin',
                  'accessibility-defaults',
                ].map((plain) => `!@shared/${plain}`),
              ],
              allowTypeImports: true,
              message: 'the renderer imports plain shared modules, or types (docs/performance.md)',
            },
          ],
        },
      ],
    },
  },
  layer(
    ['console/src/**/*.{ts,vue}'],
    [
      '**/electron/**',
      '**/renderer/**',
      '**/service/**',
      ...sideAliases,
      'node:*',
      'electron',
      'axios',
    ],
    'the console is a browser app: it reaches the service over HTTP only, and imports only @shared/',
  ),
  layer(
    ['service/**/*.ts'],
    ['**/electron/**', '**/renderer/**', ...sideAliases.filter((alias) => alias !== '@service/**')],
    'the service knows only shared/',
  ),
  layer(
    ['electron/main/**/*.ts'],
    ['**/renderer/**', '**/service/**', ...sideAliases.filter((alias) => alias !== '@main/**')],
    'main talks to the service over HTTP, to the renderer over IPC',
  ),
  layer(
    ['electron/preload/**/*.ts'],
    [
      '**/electron/main/**',
      '**/renderer/**',
      '**/service/**',
      ...sideAliases.filter((alias) => alias !== '@preload/**'),
      'zod',
      'axios',
    ],
    'the preload only bridges channels',
  ),
  {
    // Store access is asynchronous (Kysely, docs/account-service.md "Two engines"): a forgotten
    // `await` is a statement that runs outside its transaction, or after the answer was sent.
    // These rules need the types, so they read the TypeScript project of these files only.
    files: ['service/**/*.ts', 'tests/unit/service/**/*.ts', 'tests/fixtures/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      // `selectAll()` is `SELECT *`: on PostgreSQL a prepared statement of it fails once a
      // migration adds a column while the instance runs (a rolling upgrade). Name the columns.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='selectAll']",
          message: 'name the columns (SELECT * breaks prepared statements across migrations)',
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Tests, tools and the bench reach each side by its alias, never by climbing into it: a
    // `../../../service/…` breaks whenever a test moves, and hides which side a test is about.
    files: ['{tests,tools,bench,scripts}/**/*.{ts,mjs,js}'],
    plugins: { kiosk: { rules: { 'no-climbing-into-sides': noClimbingIntoSides } } },
    rules: { 'kiosk/no-climbing-into-sides': 'error' },
  },
  {
    files: [
      'service/cli.ts',
      'bench/**/*.{ts,mjs}',
      'scripts/**/*.{ts,mjs}',
      'tools/preview/**/*.ts',
      'electron/main/cli.ts',
      'tests/**/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures start by being named: a test lists `kiosk` to get a running kiosk.
    files: ['tests/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    // The benchmark baseline is deliberately one file.
    files: ['bench/fixture-app/**/*.ts'],
    rules: { 'vue/one-component-per-file': 'off' },
  },
  prettier,
)
