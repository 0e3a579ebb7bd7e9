import tseslint from 'typescript-eslint';
import jsoncParser from 'jsonc-eslint-parser';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const communityNodes = n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport;

export default tseslint.config(
  { ignores: ['dist/**', 'dist-demo/**', 'node_modules/**', 'coverage/**', '.contact-hub/**', '.tools/**', '.e2e/**', 'artifacts/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts', '**/*.tsx', '**/*.mts'] })),
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
    plugins: communityNodes.plugins,
    rules: communityNodes.rules,
  },
  {
    files: ['package.json'],
    languageOptions: { parser: jsoncParser },
    plugins: communityNodes.plugins,
    rules: {
      ...communityNodes.rules,
      // This one package also ships the Contact Hub server (SPEC §1), whose runtime needs
      // fastify, PGlite, pg and friends; the nodes import only zod and libphonenumber-js of them.
      '@n8n/community-nodes/no-runtime-dependencies': 'off',
      // The one override pins jest's resolver to a release whose platform packages all exist in
      // the registry we install from, so `npm ci` agrees with the lock file. It only affects this
      // repository's own install; npm ignores a dependency's overrides.
      '@n8n/community-nodes/no-overrides-field': 'off',
    },
  },
);
