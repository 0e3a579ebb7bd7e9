import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { ItemResults } from '../shared/batching';
import { toNodeError } from '../../transport/hub-error';
import { readSelection, selectionProperties } from '../shared/selection';

const showOnly = { resource: ['contact'], operation: ['export'] };

export const description: INodeProperties[] = [
  ...selectionProperties(showOnly),
  {
    displayName: 'Column Names or IDs',
    name: 'columns',
    type: 'multiOptions',
    typeOptions: { loadOptionsMethod: 'getExportColumns' },
    default: [],
    description:
      'Columns of the CSV, in this order; "name" is always included. Empty: every column. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
    displayOptions: { show: showOnly },
  },
  {
    displayName: 'Put Output File in Field',
    name: 'binaryPropertyName',
    type: 'string',
    default: 'data',
    required: true,
    hint: 'The name of the output binary field to put the CSV file in',
    displayOptions: { show: showOnly },
  },
  {
    displayName: 'File Name',
    name: 'fileName',
    type: 'string',
    default: 'contacts.csv',
    displayOptions: { show: showOnly },
  },
];

/** Counts the data rows of CSV text (quoted cells may hold line breaks). */
function countRows(csv: string): number {
  let rows = 0;
  let quoted = false;
  let lineHasContent = false;
  for (const ch of csv) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n' && !quoted) {
      if (lineHasContent) rows++;
      lineHasContent = false;
    } else if (ch !== '\r') lineHasContent = true;
  }
  if (lineHasContent) rows++;
  return Math.max(0, rows - 1);
}

/**
 * Exports the contacts of a segment, search text and filter to CSV: `POST /v1/contacts/export`.
 * One output item per input item, with the CSV file in a binary field and `{ fileName, rows }`.
 * Owners and managers only.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  const results = new ItemResults(this);
  for (let i = 0; i < items.length; i++) {
    try {
      const body: IDataObject = { ...readSelection(this, i) };
      const columns = (this.getNodeParameter('columns', i, []) as string[]).filter((c) => c.trim() !== '');
      if (columns.length > 0) body.columns = columns;
      const csv = await client.exportContacts(body);
      const text = typeof csv === 'string' ? csv : String(csv ?? '');
      const fileName = (this.getNodeParameter('fileName', i, 'contacts.csv') as string) || 'contacts.csv';
      const property = (this.getNodeParameter('binaryPropertyName', i, 'data') as string) || 'data';
      const binary = await this.helpers.prepareBinaryData(Buffer.from(text, 'utf8'), fileName, 'text/csv');
      results.ok(i, { fileName, rows: countRows(text) }, { [property]: binary });
    } catch (error) {
      results.fail(i, toNodeError(this.getNode(), error, i));
    }
  }
  return results.items();
}
