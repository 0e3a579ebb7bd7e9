import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { buildFilter, filterBuilderProperties, type FilterRow } from '../shared/filterBuilder';
import { parseFilterJson } from '../shared/selection';

const show = { resource: ['segment'], operation: ['create'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Name',
    name: 'name',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. VIPs in Brazil',
    description: 'The segment name, unique in the workspace ignoring case',
    displayOptions: { show },
  },
  ...filterBuilderProperties(show),
  {
    displayName: 'Filter (JSON)',
    name: 'filterJson',
    // Text, not n8n's JSON editor: that one marks an empty document as an error, and this field is optional.
    type: 'string',
    typeOptions: { rows: 3 },
    default: '',
    placeholder: '{"and": [{"field": "tags", "operator": "hasAny", "value": ["VIP"]}]}',
    description:
      'A filter tree as JSON, joined with the conditions above by "and": groups {"and": [...]}, {"or": [...]}, {"not": {...}} holding conditions {"field", "operator", "value"}. Use it from expressions and AI agents.',
    displayOptions: { show },
  },
];

/**
 * Saves a filter as a named segment (POST /v1/segments): the builder's conditions (match
 * all or any) and the Filter (JSON), joined by "and". No conditions at all is every contact.
 * The hub validates the filter and answers the segment with its current count.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const rows = (this.getNodeParameter('filters.conditions', i, []) as FilterRow[]) ?? [];
    const built = buildFilter(rows, this.getNodeParameter('filterMatch', i, 'all') as string);
    const json = parseFilterJson(this, this.getNodeParameter('filterJson', i, ''), i) as IDataObject | undefined;
    const filter = built && json ? { and: [built, json] } : (built ?? json ?? { and: [] });
    const name = this.getNodeParameter('name', i) as string;
    return (await client.createSegment({ name, filter })) as IDataObject;
  });
}
