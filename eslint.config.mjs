import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.contact-hub/**', '.tools/**', '*.js', '*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedWithoutN8nCloudSupport],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
    extends: [n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport],
  },
);
