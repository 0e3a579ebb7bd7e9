/**
 * The package's programmatic entry: the contact-domain rules and the typed API client.
 * (n8n loads the nodes and the credential from the paths in package.json's `n8n` field.)
 */
export * from './domain';
export * from './client';
