import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/node_modules/',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      'test-results/',
      'playwright-report/',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    // The scaffold lints src/ only; the root build config, the CLI entry, the tests under test/ and bench/ count too.
    files: ['webpack.config.ts', 'test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json' } },
  },
  {
    // The core is pure TypeScript: the CLI, generators and tests reuse it without a browser or Grafana.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*'], message: 'src/core is pure TypeScript: no React.' },
            { group: ['@grafana/*'], message: 'src/core is pure TypeScript: no @grafana/* packages.' },
            { group: ['@emotion/*'], message: 'src/core is pure TypeScript: no styling.' },
          ],
        },
      ],
    },
  },
]);
