import {
  NodeHelpers,
  type INode,
  type INodeProperties,
  type INodeTypeDescription,
  type INodeParameters,
} from 'n8n-workflow';
import { ContactHub } from '../../nodes/ContactHub/ContactHub.node';
import { ContactHubTrigger } from '../../nodes/ContactHubTrigger/ContactHubTrigger.node';
import { CONTACT_HUB_TRIGGER_TYPE, CONTACT_HUB_TYPE } from '../support/n8n-harness';

/** Static option values of an options property (none when they are loaded from the hub). */
const staticValues = (p: INodeProperties): unknown[] => (p.options ?? []).flatMap((o) => ('value' in o ? [o.value] : []));

/** Every resource/operation pair of the Contact Hub node, from its own description. */
function operationsOf(description: INodeTypeDescription): Array<{ resource: string; operation: string }> {
  const resources = staticValues(description.properties.find((p) => p.name === 'resource') as INodeProperties) as string[];
  return resources.flatMap((resource) => {
    const list = description.properties.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource));
    if (!list) throw new Error(`resource ${resource} has no operation list`);
    return (staticValues(list) as string[]).map((operation) => ({ resource, operation }));
  });
}

/** A node as the editor creates it: the chosen resource/operation, everything else at its default. */
function freshNode(type: string, description: INodeTypeDescription, chosen: INodeParameters): INode {
  const node: INode = { id: 'n1', name: description.defaults.name ?? 'Node', type, typeVersion: 1, position: [0, 0], parameters: chosen };
  node.parameters = NodeHelpers.getNodeParameters(description.properties, chosen, true, false, node, description) ?? {};
  return node;
}

/**
 * The issues n8n's editor shows for a node: n8n-workflow's own `getNodeParametersIssues`
 * (required values, resource locators, mappers, validated types), plus two checks the editor
 * makes itself: an options value with static options must be one of them ("The value "" is not
 * supported!"), and a JSON field's text must parse (an empty one gets an error marker).
 */
function editorIssues(node: INode, description: INodeTypeDescription): string[] {
  const found = NodeHelpers.getNodeParametersIssues(description.properties, node, description);
  const issues = Object.entries(found?.parameters ?? {}).flatMap(([name, list]) => list.map((m) => `${name}: ${m}`));
  for (const p of description.properties) {
    if (p.type !== 'options' || !NodeHelpers.displayParameter(node.parameters, p, node, description)) continue;
    const allowed = staticValues(p);
    const value = node.parameters[p.name];
    if (allowed.length > 0 && !allowed.includes(value as string)) issues.push(`${p.name}: The value "${String(value)}" is not supported!`);
  }
  // The editor's JSON field lints its text: an empty document gets a red error marker.
  for (const p of description.properties) {
    if (p.type === 'json' && node.parameters[p.name] === '' && NodeHelpers.displayParameter(node.parameters, p, node, description)) {
      issues.push(`${p.name}: an empty JSON document is marked as invalid`);
    }
  }
  return issues;
}

/** The required properties the editor shows for the node's values. */
function shownRequired(node: INode, description: INodeTypeDescription): INodeProperties[] {
  return description.properties.filter((p) => p.required === true && NodeHelpers.displayParameter(node.parameters, p, node, description));
}

/** An unset value as the editor sees it: empty text, an empty list, a resource locator without a value. */
function isEmpty(value: unknown): boolean {
  if (value === '' || value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && '__rl' in value) return (value as { value?: unknown }).value === '';
  return false;
}

/** A value a person would fill a required field with. */
function sampleValue(p: INodeProperties): INodeParameters[string] {
  switch (p.type) {
    case 'resourceLocator':
      return { __rl: true, mode: 'id', value: 'ct_3k9x0a1b2c3d4e5f' };
    case 'multiOptions':
      return ['VIP'];
    case 'number':
      return 1;
    case 'options':
      return staticValues(p)[0] as string ?? 'sample-id';
    default:
      return 'sample';
  }
}

const hub = new ContactHub().description;
const trigger = new ContactHubTrigger().description;

describe('the editor shows no issue for a fresh node', () => {
  const operations = operationsOf(hub);

  it('covers every operation of every resource', () => {
    expect(operations.length).toBeGreaterThanOrEqual(33);
    expect(new Set(operations.map((o) => o.resource))).toEqual(new Set(['contact', 'tag', 'channel', 'message', 'segment', 'customField', 'user']));
  });

  it.each(operations)('Contact Hub $resource → $operation: at its defaults only empty required fields are flagged', ({ resource, operation }) => {
    const node = freshNode(CONTACT_HUB_TYPE, hub, { resource, operation });
    // A required field left empty is a true issue (the node cannot run): the editor asks for it, once.
    const required = shownRequired(node, hub)
      .filter((p) => isEmpty(node.parameters[p.name]))
      .map((p) => `${p.name}: Parameter "${p.displayName}" is required.`);
    expect(editorIssues(node, hub)).toEqual(required);
  });

  it.each(operations)('Contact Hub $resource → $operation: no issue once its required fields are filled', ({ resource, operation }) => {
    const node = freshNode(CONTACT_HUB_TYPE, hub, { resource, operation });
    for (const p of shownRequired(node, hub)) node.parameters[p.name] = sampleValue(p);
    expect(editorIssues(node, hub)).toEqual([]);
  });

  it('Contact Hub Trigger, at its defaults', () => {
    const node = freshNode(CONTACT_HUB_TRIGGER_TYPE, trigger, {});
    expect(editorIssues(node, trigger)).toEqual([]);
  });
});
