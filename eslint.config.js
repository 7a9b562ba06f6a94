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
  {
    // the web's business date is the server's (office PCs and phones often have wrong clocks):
    // only web/shared/clock.ts reads the browser's clock
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    ignores: ['web/shared/clock.ts', 'web/vite.config.ts', 'web/precompress.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: '只在 src/server/config.ts 读取环境变量 (read the environment only in config.ts)' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: '网页用服务器的业务日期：用 web/shared/clock.ts 的 serverNow() (the browser clock may be wrong)' },
        { selector: "CallExpression[callee.name='Date']", message: '网页用服务器的业务日期：用 web/shared/clock.ts 的 serverNow()' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: '网页用服务器的时间：用 web/shared/clock.ts 的 serverNowMs()' },
        { selector: "CallExpression[callee.name='todayShanghai']", message: '网页用服务器的业务日期：用 ui/dates 的 today() (web/shared/clock.ts)' },
        { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: '网页用服务器的业务日期：dayjs(today()) 而不是 dayjs()' },
      ],
    },
  },
);
