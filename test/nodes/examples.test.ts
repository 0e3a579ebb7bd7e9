import {
  isExpression,
  NodeHelpers,
  type INode,
  type INodeParameters,
  type INodeProperties,
  type INodeTypeDescription,
} from 'n8n-workflow';
import { ContactHub } from '../../nodes/ContactHub/ContactHub.node';
import { ContactHubTrigger } from '../../nodes/ContactHubTrigger/ContactHubTrigger.node';
import { readExamples, startNodes, type ExampleWorkflow } from '../../demo/example-files';
import { runDemo, SCENARIOS, type DemoReport } from '../../demo/run-demo';
import { MANUAL_TRIGGER_TYPE, SCHEDULE_TRIGGER_TYPE } from '../../demo/standard-triggers';
import { CONTACT_HUB_TRIGGER_TYPE, CONTACT_HUB_TYPE } from '../support/n8n-harness';

const OUR_TYPES: Record<string, INodeTypeDescription> = {
  [CONTACT_HUB_TYPE]: new ContactHub().description,
  [CONTACT_HUB_TRIGGER_TYPE]: new ContactHubTrigger().description,
};
const STANDARD_TRIGGERS = [MANUAL_TRIGGER_TYPE, SCHEDULE_TRIGGER_TYPE];

/** The node's parameters with n8n's defaults filled in, as the editor shows them. */
function withDefaults(node: INode, description: INodeTypeDescription): INodeParameters {
  return NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
}

/** The properties n8n shows for the node's current values. */
function shownProperties(node: INode, description: INodeTypeDescription): INodeProperties[] {
  const values = withDefaults(node, description);
  return description.properties.filter((p) => NodeHelpers.displayParameter(values, p, node, description));
}

/** Static option values of an options / multiOptions property (empty when they are loaded from the hub). */
function staticValues(property: INodeProperties): unknown[] {
  return (property.options ?? []).flatMap((o) => ('value' in o ? [o.value] : []));
}

/** Problems with one node's parameters: unknown names, values outside static options, unknown collection keys. */
function parameterProblems(node: INode, description: INodeTypeDescription): string[] {
  const problems: string[] = [];
  const shown = shownProperties(node, description);
  for (const [name, value] of Object.entries(node.parameters)) {
    const property = shown.find((p) => p.name === name);
    if (!property) {
      problems.push(`${node.name}: parameter "${name}" is not a parameter of this resource/operation`);
      continue;
    }
    if (typeof value === 'string' && isExpression(value)) continue;
    const allowed = staticValues(property);
    if (property.type === 'options' && allowed.length > 0 && !allowed.includes(value)) {
      problems.push(`${node.name}: "${name}" is ${JSON.stringify(value)}, not one of ${JSON.stringify(allowed)}`);
    }
    if (property.type === 'multiOptions' && allowed.length > 0 && Array.isArray(value)) {
      for (const v of value) if (!allowed.includes(v)) problems.push(`${node.name}: "${name}" holds ${JSON.stringify(v)}, not one of ${JSON.stringify(allowed)}`);
    }
    if ((property.type === 'collection' || property.type === 'fixedCollection') && value && typeof value === 'object') {
      const keys = (property.options ?? []).map((o) => o.name);
      for (const key of Object.keys(value)) {
        if (!keys.includes(key)) problems.push(`${node.name}: "${name}.${key}" is not an option of ${name}`);
      }
    }
  }
  return problems;
}

describe('examples/', () => {
  let examples: ExampleWorkflow[];

  beforeAll(() => {
    examples = readExamples();
  });

  it('holds at least five workflows, every one parsed as an n8n export', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      expect(example.name).toMatch(/\S/);
      expect(example.description).toMatch(/\S/);
      expect(example.settings).toEqual({ executionOrder: 'v1' });
      expect(new Set(example.nodes.map((n) => n.id)).size).toBe(example.nodes.length);
      expect(startNodes(example)).toHaveLength(1);
    }
  });

  it('covers the five use cases of the issue', () => {
    const names = examples.map((e) => e.file);
    expect(names).toEqual(
      expect.arrayContaining([
        '01-scheduled-broadcast-to-segment.json',
        '02-crm-sync-by-external-code.json',
        '03-dedupe-merge-suggestions.json',
        '04-route-incoming-messages.json',
        '05-block-spammers.json',
      ]),
    );
    expect(SCENARIOS.map((s) => s.file).sort()).toEqual(names);
  });

  it('uses only this package’s nodes and n8n’s Manual and Schedule Triggers', () => {
    for (const example of examples) {
      for (const node of example.nodes) {
        expect([...Object.keys(OUR_TYPES), ...STANDARD_TRIGGERS]).toContain(node.type);
        const description = OUR_TYPES[node.type];
        if (!description) continue;
        const versions = Array.isArray(description.version) ? description.version : [description.version];
        expect(versions).toContain(node.typeVersion);
        expect(Object.keys(node.credentials ?? {})).toEqual(['contactHubApi']);
      }
    }
  });

  it('sets only parameters the nodes have, with values their options allow', () => {
    const problems: string[] = [];
    for (const example of examples) {
      for (const node of example.nodes) {
        const description = OUR_TYPES[node.type];
        if (description) problems.push(...parameterProblems(node, description).map((p) => `${example.file}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('names resources and operations the Contact Hub node has', () => {
    const description = OUR_TYPES[CONTACT_HUB_TYPE];
    const resources = staticValues(description.properties.find((p) => p.name === 'resource') as INodeProperties);
    for (const example of examples) {
      for (const node of example.nodes.filter((n) => n.type === CONTACT_HUB_TYPE)) {
        const { resource, operation } = node.parameters;
        expect(resources).toContain(resource);
        const operations = description.properties.find(
          (p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource as string),
        );
        expect(operations).toBeDefined();
        expect(staticValues(operations as INodeProperties)).toContain(operation);
      }
    }
  });

  it('gives every Contact Hub Trigger a webhook id, and every continue-on-error node n8n’s setting for it', () => {
    for (const example of examples) {
      for (const node of example.nodes) {
        if (node.type === CONTACT_HUB_TRIGGER_TYPE) expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
        if (node.onError !== undefined) expect(node.onError).toBe('continueRegularOutput');
      }
    }
  });
});

describe('npm run demo', () => {
  let report: DemoReport;
  const lines: string[] = [];

  beforeAll(async () => {
    report = await runDemo({ log: (line) => lines.push(line) });
  }, 180_000);

  const counts = (file: string): Record<string, number> => {
    const outcome = report.examples.find((e) => e.file === file);
    if (!outcome) throw new Error(`the demo did not run ${file}`);
    return outcome.counts;
  };

  it('runs every example workflow and tells what happened', () => {
    expect(report.examples.map((e) => e.file)).toEqual(SCENARIOS.map((s) => s.file));
    for (const example of report.examples) expect(lines.join('\n')).toContain(example.name);
    expect(lines.join('\n')).toContain('starts those workflows by hand');
    expect(report.ms).toBeLessThan(120_000);
  });

  it('broadcasts to the segment: the blocked contact is left out, the opted-out one refused', () => {
    expect(counts('01-scheduled-broadcast-to-segment.json')).toEqual({
      selected: 11,
      leftOutBlocked: 1,
      sent: 10,
      refused: 1,
      refused_proactive_off: 1,
    });
  });

  it('syncs the CRM by external code: creates, updates, no error item, and a second run duplicates nothing', () => {
    expect(counts('02-crm-sync-by-external-code.json')).toEqual({
      records: 9,
      created: 5,
      updated: 4,
      rejected: 0,
      withTier: 9,
      createdOnSecondRun: 0,
      updatedOnSecondRun: 9,
    });
  });

  it('merges every cluster of duplicates into one contact', () => {
    expect(counts('03-dedupe-merge-suggestions.json')).toEqual({ suggestions: 2, merged: 2, notMerged: 0 });
    expect(report.after.duplicatePairs).toBe(0);
  });

  it('routes incoming WhatsApp texts from real webhook deliveries: tags, replies, refuses, filters, and hears nothing from a blocked contact', () => {
    expect(counts('04-route-incoming-messages.json')).toEqual({
      deliveries: 4,
      runs: 3,
      tagged: 3,
      replied: 2,
      refused: 1,
      filtered: 1,
      hidden: 1,
    });
    expect(report.after.taggedSupport).toBe(1);
    expect(report.after.taggedSales).toBe(2);
  });

  it('blocks the contacts tagged spam', () => {
    const c = counts('05-block-spammers.json');
    expect(c.runs).toBe(2);
    expect(c.blockedByWorkflow).toBe(2);
    expect(c.spammersBlocked).toBe(2);
    expect(c.hiddenAfterBlock).toBe(1);
    expect(report.before.blocked).toBe(1);
    expect(report.after.blocked).toBe(3);
  });

  it('leaves the hub with the expected contacts', () => {
    // 22 seeded + 5 created by the CRM sync + 1 new WhatsApp sender − 2 absorbed by merges.
    expect(report.before.contacts).toBe(22);
    expect(report.after.contacts).toBe(26);
    expect(report.after.linkedToCrm).toBe(9);
  });
});
