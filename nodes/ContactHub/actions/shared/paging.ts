import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Return All / Limit for list operations. */
export function returnAllOrLimit(show: IDisplayOptions['show'], what: string): INodeProperties[] {
  return [
    {
      displayName: 'Return All',
      name: 'returnAll',
      type: 'boolean',
      default: false,
      description: 'Whether to return all results or only up to a given limit',
      displayOptions: { show },
    },
    {
      displayName: 'Limit',
      name: 'limit',
      type: 'number',
      typeOptions: { minValue: 1 },
      default: 50,
      description: `Max number of results to return (${what})`,
      displayOptions: { show: { ...show, returnAll: [false] } },
    },
  ];
}
