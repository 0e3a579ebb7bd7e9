import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import '../support/n8n-environment';
import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeTypeDescription } from 'n8n-workflow';

/**
 * What n8n does with this package once installed: its PackageDirectoryLoader reads the `n8n`
 * field of package.json and loads every node and credential it declares from dist/ (built by
 * `npm run build`, which `npm test` runs first), each with its icon files.
 */
const packageDir = resolve(__dirname, '../..');
const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  name: string;
  n8n: { nodes: string[]; credentials: string[] };
};
const declaredNodes = packageJson.n8n.nodes;
const declaredCredentials = packageJson.n8n.credentials;

type IconUrl = string | { light: string; dark: string } | undefined;

/** The files behind an icon URL the loader computed (`icons/<package>/<path in package>`). */
function iconFiles(iconUrl: IconUrl): string[] {
  const prefix = `icons/${packageJson.name}/`;
  const urls = iconUrl === undefined ? [] : typeof iconUrl === 'string' ? [iconUrl] : [iconUrl.light, iconUrl.dark];
  return urls.map((url) => {
    expect(url.startsWith(prefix)).toBe(true);
    return join(packageDir, url.slice(prefix.length));
  });
}

function expectIcons(iconUrl: IconUrl): void {
  const files = iconFiles(iconUrl);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect(file.startsWith(join(packageDir, 'dist') + '/')).toBe(true);
    expect(existsSync(file)).toBe(true);
  }
}

describe('packaging: n8n loads the built package', () => {
  it('declares the Contact Hub node, the Contact Hub Trigger and the credential', () => {
    expect(declaredNodes).toEqual(
      expect.arrayContaining(['dist/nodes/ContactHub/ContactHub.node.js', 'dist/nodes/ContactHubTrigger/ContactHubTrigger.node.js']),
    );
    expect(declaredCredentials).toEqual(['dist/credentials/ContactHubApi.credentials.js']);
  });

  it.each([...declaredNodes, ...declaredCredentials])('%s is built', (file) => {
    expect(existsSync(join(packageDir, file))).toBe(true);
  });

  it.each(declaredNodes)('PackageDirectoryLoader loads node %s with its icons', (file) => {
    const loader = new PackageDirectoryLoader(packageDir);
    loader.loadNodeFromFile(file, '0.0.0-test');
    const [loaded] = loader.loadedNodes;
    const description = loader.types.nodes[0] as INodeTypeDescription & { iconUrl?: IconUrl };
    expect(loaded.name).toBe(description.name);
    // The codex file beside the node (ContactHub.node.json) gives n8n's node panel its categories.
    expect(description.codex?.categories?.length).toBeGreaterThan(0);
    expect(description.usableAsTool ?? description.group.includes('trigger')).toBeTruthy();
    expect(description.credentials).toEqual([{ name: 'contactHubApi', required: true, testedBy: 'contactHubApiTest' }]);
    expectIcons(description.iconUrl);
  });

  it.each(declaredCredentials)('PackageDirectoryLoader loads credential %s with its icons', (file) => {
    const loader = new PackageDirectoryLoader(packageDir);
    loader.loadCredentialFromFile(file);
    const [credential] = loader.types.credentials as Array<ICredentialType & { iconUrl?: IconUrl }>;
    expect(credential.name).toBe('contactHubApi');
    // Tested by the nodes (testedBy), not by a declarative request, so n8n shows the hub's message.
    expect(credential.test).toBeUndefined();
    expectIcons(credential.iconUrl);
  });

  it('loadAll finds every declared node and credential, and links the credential to its nodes', async () => {
    const loader = new PackageDirectoryLoader(packageDir);
    await loader.loadAll();
    expect(loader.packageName).toBe(packageJson.name);
    const nodeFiles = Object.values(loader.known.nodes).map((n) => n.sourcePath);
    expect(nodeFiles.sort()).toEqual([...declaredNodes].sort());
    expect(Object.keys(loader.known.credentials)).toEqual(['contactHubApi']);
    expect(loader.known.credentials.contactHubApi.sourcePath).toBe(declaredCredentials[0]);
    expect(loader.known.credentials.contactHubApi.supportedNodes?.length).toBe(declaredNodes.length);
  });
});
