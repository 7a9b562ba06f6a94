// Lint: typed rules that catch real bugs (floating promises, == , non-exhaustive switches) and the
// house rules (no process.env outside config, no reaching into another module's repo).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'test-artifacts/**', 'bin/**', 'scripts/**', '*.config.*', 'eslint.config.js'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: '只在 src/server/config.ts 读取环境变量 (read the environment only in config.ts)' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/*/*.repo', '!./*.repo'], message: '模块之间只通过 service 调用 (another module’s repo is private: call its service)' }] },
      ],
    },
  },
  { files: ['src/server/config.ts', 'test/**', 'bench/**', 'e2e/**'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['web/**'], rules: { 'no-restricted-imports': 'off' } },
);
