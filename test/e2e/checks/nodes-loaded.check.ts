import assert from 'node:assert/strict';
import type { StageContext } from '../support/context';

const PACKAGE = 'n8n-nodes-contact-hub';

interface TypeDescription {
  name: string;
  iconUrl?: string | { light: string; dark: string };
}

/** n8n loaded the installed package: both node types and the credential type, and serves every icon. */
export async function checkNodesLoaded(ctx: StageContext): Promise<string> {
  // The editor loads these with the signed-in session.
  const nodes = (await ctx.rest.request<TypeDescription[]>('GET', '/types/nodes.json')).body;
  const credentials = (await ctx.rest.request<TypeDescription[]>('GET', '/types/credentials.json')).body;
  assert.ok(Array.isArray(nodes) && Array.isArray(credentials), `the type lists: ${JSON.stringify(nodes).slice(0, 200)}`);
  const ours = nodes.filter((n) => n.name.startsWith(`${PACKAGE}.`));
  // usableAsTool: n8n adds the node's AI-tool variant (contactHubTool) beside it.
  assert.deepEqual(
    [...new Set(ours.map((n) => n.name))].sort(),
    [`${PACKAGE}.contactHub`, `${PACKAGE}.contactHubTool`, `${PACKAGE}.contactHubTrigger`],
  );
  const credential = credentials.find((c) => c.name === 'contactHubApi');
  assert.ok(credential, 'the contactHubApi credential type is not loaded');
  const icons = [
    ...new Set(
      [...ours, credential].flatMap((t) => (typeof t.iconUrl === 'string' ? [t.iconUrl] : t.iconUrl ? [t.iconUrl.light, t.iconUrl.dark] : [])),
    ),
  ];
  // A light and a dark icon for the node, the trigger and the credential (the tool variant shares the node's).
  assert.equal(icons.length, 6, `expected 6 icon files, got ${JSON.stringify(icons)}`);
  for (const icon of icons) {
    const res = await ctx.rest.request<string>('GET', `/${icon}`);
    assert.equal(res.status, 200, `icon ${icon}: HTTP ${res.status}`);
    assert.match(String(res.body), /<svg/, `icon ${icon} is not an SVG`);
  }
  return `the node (and its AI-tool variant), the trigger, the credential type and ${icons.length} icons`;
}
