import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { toNodeError } from '../../transport/hub-error';
import { ItemResults } from '../shared/batching';
import { MATCH_KEY_OPTIONS } from './upsert.operation';

const showOnly = { resource: ['contact'], operation: ['import'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Input Binary Field',
    name: 'binaryPropertyName',
    type: 'string',
    default: 'data',
    required: true,
    hint: 'The name of the input binary field holding the CSV file',
    description:
      'The CSV: a header row naming the columns (id, externalCode, firstName, lastName, email, phone, country, language, profilePic, assignee, conversationStatus, proactive, reactive, tags, customFields.<key>), tags separated by ";". A file from Export imports back.',
    displayOptions: { show: showOnly },
  },
  {
    displayName: 'Match By',
    name: 'matchBy',
    type: 'multiOptions',
    options: MATCH_KEY_OPTIONS,
    default: ['externalCode', 'phone', 'email'],
    description:
      'Columns that identify an existing contact, tried in this order: a row that matches updates that contact, any other row creates one',
    displayOptions: { show: showOnly },
  },
  {
    displayName: 'Output',
    name: 'output',
    type: 'options',
    default: 'rows',
    options: [
      {
        name: 'One Item per Row',
        value: 'rows',
        description: 'Each CSV row\'s result: line, status (created, updated, unchanged, failed), contact ID or error',
      },
      { name: 'Summary', value: 'summary', description: 'One item with the totals and the failed rows' },
    ],
    displayOptions: { show: showOnly },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { show: showOnly },
    options: [
      {
        displayName: 'Default Country',
        name: 'defaultCountry',
        type: 'string',
        default: '',
        placeholder: 'e.g. BR',
        description: 'Country for national phone numbers in the file (default: the workspace\'s default country)',
      },
      {
        displayName: 'Tags on Update',
        name: 'tagMode',
        type: 'options',
        default: 'add',
        options: [
          { name: 'Add', value: 'add', description: 'The row\'s tags are added to the contact\'s tags' },
          { name: 'Replace', value: 'replace', description: 'The row\'s tags become the contact\'s tags' },
        ],
      },
    ],
  },
];

interface ImportAnswer {
  summary: IDataObject;
  ignoredColumns: string[];
  rows: Array<IDataObject & { line: number; status: string }>;
}

/**
 * Imports the CSV file of each input item: `POST /v1/contacts/import`. Each row is created or
 * updated on its own; bad rows are reported with their line and the good rows are kept. Output:
 * one item per row (failed rows carry `error`), or one summary item.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  const results = new ItemResults(this);
  for (let i = 0; i < items.length; i++) {
    try {
      const property = this.getNodeParameter('binaryPropertyName', i, 'data') as string;
      this.helpers.assertBinaryData(i, property);
      const csv = await this.helpers.getBinaryDataBuffer(i, property);
      const matchBy = this.getNodeParameter('matchBy', i, []) as string[];
      const options = this.getNodeParameter('options', i, {}) as IDataObject;
      const query: Record<string, string> = {};
      if (matchBy.length > 0) query.matchBy = matchBy.join(',');
      if (options.defaultCountry) query.defaultCountry = String(options.defaultCountry);
      if (options.tagMode) query.tagMode = String(options.tagMode);
      const answer = (await client.importContacts(csv, query)) as unknown as ImportAnswer;
      if (this.getNodeParameter('output', i, 'rows') === 'summary') {
        results.ok(i, {
          ...answer.summary,
          ignoredColumns: answer.ignoredColumns,
          failedRows: answer.rows.filter((r) => r.status === 'failed'),
        });
      } else {
        for (const row of answer.rows) results.ok(i, { ...row });
      }
    } catch (error) {
      results.fail(i, toNodeError(this.getNode(), error, i));
    }
  }
  return results.items();
}
