import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { returnAllOrLimit } from '../shared/paging';
import { perItem } from '../shared/batching';
import { returnLimit } from '../shared/list-pages';

const showOnly = { resource: ['user'], operation: ['getMany'] };

export const description: INodeProperties[] = [
  ...returnAllOrLimit(showOnly, 'users'),
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
  return await perItem(this, items, async (i) => {
    const role = this.getNodeParameter('role', i) as string;
    const { data } = await client.listUsers();
    return data.filter((u) => !role || u.role === role).slice(0, returnLimit(this, i)).map((u) => ({ ...u }));
  });
}
