import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IConnections, IDataObject, INode, INodeExecutionData, IPinData, IWorkflowSettings } from 'n8n-workflow';

/** An n8n workflow export, as `examples/*.json` hold them (and n8n's "Import from File" reads). */
export interface ExampleWorkflow {
  /** File name inside examples/, e.g. `01-scheduled-broadcast-to-segment.json`. */
  file: string;
  name: string;
  nodes: INode[];
  connections: IConnections;
  settings: IWorkflowSettings;
  pinData: IPinData;
  /** What the workflow does, for people reading the file. */
  description: string;
}

/** The repository's examples/ folder, found from demo/ (ts-jest) and from dist-demo/demo/ alike. */
export function examplesDir(): string {
  for (const up of ['..', '../..']) {
    const dir = resolve(__dirname, up, 'examples');
    if (existsSync(join(dir, '..', 'package.json')) && existsSync(dir)) return dir;
  }
  throw new Error(`Cannot find the examples/ folder above ${__dirname}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one node of an export; throws a message naming the file, node and field. */
function readNode(file: string, raw: unknown, index: number): INode {
  const where = `${file}: nodes[${index}]`;
  if (!isObject(raw)) throw new Error(`${where} is not an object`);
  for (const key of ['id', 'name', 'type'] as const) {
    if (typeof raw[key] !== 'string' || raw[key] === '') throw new Error(`${where}.${key} must be a non-empty string`);
  }
  if (typeof raw.typeVersion !== 'number') throw new Error(`${where}.typeVersion must be a number`);
  const position = raw.position;
  if (!Array.isArray(position) || position.length !== 2 || !position.every((p) => typeof p === 'number')) {
    throw new Error(`${where}.position must be [x, y]`);
  }
  if (!isObject(raw.parameters)) throw new Error(`${where}.parameters must be an object`);
  // The shape is checked above; n8n reads the remaining optional fields (credentials, notes, onError, webhookId) as they are.
  return raw as unknown as INode;
}

/** Reads and checks one example workflow file. */
export function readExample(file: string, dir = examplesDir()): ExampleWorkflow {
  const text = readFileSync(join(dir, file), 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(raw)) throw new Error(`${file} is not a workflow object`);
  if (typeof raw.name !== 'string' || raw.name === '') throw new Error(`${file}: name must be a non-empty string`);
  if (!Array.isArray(raw.nodes) || raw.nodes.length === 0) throw new Error(`${file}: nodes must be a non-empty array`);
  const nodes = raw.nodes.map((n, i) => readNode(file, n, i));
  const names = new Set<string>();
  for (const node of nodes) {
    if (names.has(node.name)) throw new Error(`${file}: two nodes are named "${node.name}"`);
    names.add(node.name);
  }
  if (!isObject(raw.connections)) throw new Error(`${file}: connections must be an object`);
  const connections = raw.connections as unknown as IConnections;
  for (const [source, byType] of Object.entries(connections)) {
    if (!names.has(source)) throw new Error(`${file}: connections name an unknown node "${source}"`);
    for (const outputs of Object.values(byType)) {
      for (const output of outputs ?? []) {
        for (const target of output ?? []) {
          if (!names.has(target.node)) throw new Error(`${file}: "${source}" connects to an unknown node "${target.node}"`);
        }
      }
    }
  }
  const pinData: IPinData = {};
  if (raw.pinData !== undefined) {
    if (!isObject(raw.pinData)) throw new Error(`${file}: pinData must be an object`);
    for (const [nodeName, items] of Object.entries(raw.pinData)) {
      if (!names.has(nodeName)) throw new Error(`${file}: pinData names an unknown node "${nodeName}"`);
      if (!Array.isArray(items) || !items.every((item) => isObject(item) && isObject(item.json))) {
        throw new Error(`${file}: pinData["${nodeName}"] must be a list of { json } items`);
      }
      pinData[nodeName] = items as INodeExecutionData[];
    }
  }
  const meta = isObject(raw.meta) ? (raw.meta as IDataObject) : {};
  return {
    file,
    name: raw.name,
    nodes,
    connections,
    settings: isObject(raw.settings) ? (raw.settings as IWorkflowSettings) : {},
    pinData,
    description: typeof meta.description === 'string' ? meta.description : '',
  };
}

/** Every example workflow, in file name order. */
export function readExamples(dir = examplesDir()): ExampleWorkflow[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readExample(f, dir));
}

/** The nodes no connection leads to: where a run starts. */
export function startNodes(example: ExampleWorkflow): INode[] {
  const targets = new Set<string>();
  for (const byType of Object.values(example.connections)) {
    for (const outputs of Object.values(byType)) {
      for (const output of outputs ?? []) for (const target of output ?? []) targets.add(target.node);
    }
  }
  return example.nodes.filter((n) => !targets.has(n.name));
}
