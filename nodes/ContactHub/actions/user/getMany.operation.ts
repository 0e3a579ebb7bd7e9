import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { toNodeError } from '../../transport/hub-error';

const showOnly = { resource: ['user'], operation: ['getMany'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Return All',
    name: 'returnAll',
    type: 'boolean',
    default: false,
    description: 'Whether to return all results or only up to a given limit',
    displayOptions: { show: showOnly },
  },
  {
    displayName: 'Limit',
    name: 'limit',
    type: 'number',
    typeOptions: { minValue: 1 },
    default: 50,
    description: 'Max number of results to return',
    displayOptions: { show: { ...showOnly, returnAll: [false] } },
  },
  {
    displayName: 'Role',
    name: 'role',
    type: 'options',
    default: '',
    description: 'Only users with this role',
    options: [
      { name: 'Any', value: '' },
      { name: 'Owner', value: 'owner' },
      { name: 'Manager', value: 'manager' },
      { name: 'Agent', value: 'agent' },
    ],
    displayOptions: { show: showOnly },
  },
];

/** Lists the users of the workspace (the people contacts can be assigned to), once per input item. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  const out: INodeExecutionData[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const returnAll = this.getNodeParameter('returnAll', i) as boolean;
      const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i) as number);
      const role = this.getNodeParameter('role', i) as string;
      const { data } = await client.listUsers();
      const users = data.filter((u) => !role || u.role === role).slice(0, limit);
      for (const user of users) out.push({ json: { ...user }, pairedItem: { item: i } });
    } catch (error) {
      const nodeError = toNodeError(this.getNode(), error, i);
      if (!this.continueOnFail()) throw nodeError;
      out.push({ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: i } });
    }
  }
  return out;
}
