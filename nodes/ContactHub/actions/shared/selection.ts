import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { buildFilter, filterBuilderProperties, type FilterRow } from './filterBuilder';

/** What the hub's search, count, export and bulk routes take to select contacts. */
export interface Selection {
  filter?: Record<string, unknown>;
  segmentId?: string;
  text?: string;
  includeBlocked?: boolean;
}

/**
 * The selection of contacts: a saved segment, search text, the filter builder (and a filter
 * tree as JSON, for expressions and AI agents), and whether blocked contacts count. Everything
 * given applies together (and).
 */
export function selectionProperties(show: IDisplayOptions['show']): INodeProperties[] {
  return [
    {
      displayName: 'Segment Name or ID',
      name: 'segmentId',
      type: 'options',
      typeOptions: { loadOptionsMethod: 'getSegmentsOrAll' },
      default: '',
      description:
        'Only contacts of this saved segment (leave empty for all contacts). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
      displayOptions: { show },
    },
    {
      displayName: 'Search Text',
      name: 'searchText',
      type: 'string',
      default: '',
      placeholder: 'e.g. ana souza',
      description:
        'Only contacts matching this text in their name, phone, e-mail, tags, custom field values or channel addresses (every word must match)',
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
        'A filter tree as JSON, applied together with the conditions above: groups {"and": [...]}, {"or": [...]}, {"not": {...}} holding conditions {"field", "operator", "value"}',
      displayOptions: { show },
    },
    {
      displayName: 'Include Blocked',
      name: 'includeBlocked',
      type: 'boolean',
      default: false,
      description: 'Whether blocked contacts are included (they are left out unless a filter condition on "blocked" asks for them)',
      displayOptions: { show },
    },
  ];
}

/** The Filter (JSON) parameter's value as an object, or undefined when empty; bad JSON is an item error. */
export function parseFilterJson(ctx: IExecuteFunctions, raw: unknown, i: number): Record<string, unknown> | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '' || raw.trim() === '{}') return undefined;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new NodeOperationError(ctx.getNode(), `Filter (JSON) is not valid JSON: ${(error as Error).message}`, { itemIndex: i });
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NodeOperationError(ctx.getNode(), 'Filter (JSON) must be a JSON object such as {"and": [...]}', { itemIndex: i });
  }
  return Object.keys(value).length === 0 ? undefined : (value as Record<string, unknown>);
}

/** The selection of item `i`, as the hub's request body fields. */
export function readSelection(ctx: IExecuteFunctions, i: number): Selection {
  const selection: Selection = {};
  const segmentId = String(ctx.getNodeParameter('segmentId', i, '') ?? '').trim();
  if (segmentId) selection.segmentId = segmentId;
  const text = String(ctx.getNodeParameter('searchText', i, '') ?? '').trim();
  if (text) selection.text = text;
  const rows = (ctx.getNodeParameter('filters.conditions', i, []) as FilterRow[]) ?? [];
  const match = ctx.getNodeParameter('filterMatch', i, 'all') as string;
  const built = buildFilter(rows, match);
  const json = parseFilterJson(ctx, ctx.getNodeParameter('filterJson', i, ''), i);
  if (built && json) selection.filter = { and: [built, json] };
  else if (built ?? json) selection.filter = built ?? json;
  if (ctx.getNodeParameter('includeBlocked', i, false) as boolean) selection.includeBlocked = true;
  return selection;
}
