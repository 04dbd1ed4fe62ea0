// Lints the UI: the recommended rules of ESLint, typescript-eslint and eslint-plugin-vue
// (Vue 3). Run with `npm run lint`. A rule is turned off only with the reason beside it.
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  // Build output, packages and the types ts-rs generates from Rust (never edited by hand).
  { ignores: ['dist/', 'node_modules/', 'src/bindings/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.{ts,vue}'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
    },
  },
  {
    rules: {
      // Templates here keep a short element on one line (attributes and text together);
      // where to break a line is layout, not a finding.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['*.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
)
