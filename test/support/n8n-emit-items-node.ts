import {
  NodeConnectionTypes,
  NodeOperationError,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';

/** Node type name of EmitItems in test workflows. */
export const EMIT_ITEMS_TYPE = 'contactHubTest.emitItems';

/**
 * A test start node: outputs the JSON items written in its `items` parameter (a JSON array),
 * like a Manual Trigger followed by a Code node that returns fixed items. n8n-nodes-base is
 * not a dependency of this package, so tests start their workflows with this node.
 */
export class EmitItems implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Emit Items',
    name: 'emitItems',
    group: ['input'],
    version: 1,
    description: 'Outputs the given JSON items',
    defaults: { name: 'Emit Items' },
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    properties: [{ displayName: 'Items (JSON Array)', name: 'items', type: 'json', default: '[{}]' }],
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const raw = this.getNodeParameter('items', 0) as unknown;
    const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
    if (!Array.isArray(parsed)) throw new NodeOperationError(this.getNode(), 'items must be a JSON array');
    return [parsed.map((json: IDataObject) => ({ json, pairedItem: { item: 0 } }))];
  }
}
