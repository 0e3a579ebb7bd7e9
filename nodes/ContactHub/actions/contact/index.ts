import type { INodeProperties } from 'n8n-workflow';
import * as block from './block.operation';
import * as count from './count.operation';
import * as create from './create.operation';
import * as deleteContact from './delete.operation';
import * as exportContacts from './export.operation';
import * as findDuplicates from './findDuplicates.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as importContacts from './import.operation';
import * as merge from './merge.operation';
import * as unblock from './unblock.operation';
import * as unmerge from './unmerge.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export {
  block,
  count,
  create,
  deleteContact,
  exportContacts,
  findDuplicates,
  get,
  getMany,
  importContacts,
  merge,
  unblock,
  unmerge,
  update,
  upsert,
};

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['contact'] } },
    options: [
      {
        name: 'Block',
        value: 'block',
        description: 'Block a contact: close its conversation, hide its messages and refuse sends to it',
        action: 'Block a contact',
      },
      {
        name: 'Count',
        value: 'count',
        description: 'Count the contacts of a segment, search text or filter without fetching them',
        action: 'Count contacts',
      },
      {
        name: 'Create',
        value: 'create',
        description: 'Create a contact per item (sent in batches); fails for a contact that already exists',
        action: 'Create a contact',
      },
      {
        name: 'Create or Update',
        value: 'upsert',
        description: 'Create a contact per item, or update the one it matches by external code, phone or e-mail (sent in batches)',
        action: 'Create or update a contact',
      },
      {
        name: 'Delete',
        value: 'delete',
        description: 'Delete contacts and their messages for good (sent in batches)',
        action: 'Delete a contact',
      },
      {
        name: 'Export',
        value: 'export',
        description: 'Export the contacts of a segment, search text or filter to a CSV file',
        action: 'Export contacts to CSV',
      },
      {
        name: 'Find Duplicates',
        value: 'findDuplicates',
        description: 'List pairs of contacts that look like the same person, with the reasons, to merge them',
        action: 'Find duplicate contacts',
      },
      {
        name: 'Get',
        value: 'get',
        description: 'Get a contact by ID, phone, e-mail or external code',
        action: 'Get a contact',
      },
      {
        name: 'Get Many',
        value: 'getMany',
        description: 'List the contacts of a segment, search text or filter',
        action: 'Get many contacts',
      },
      {
        name: 'Import',
        value: 'import',
        description: 'Create or update contacts from a CSV file',
        action: 'Import contacts from CSV',
      },
      {
        name: 'Merge',
        value: 'merge',
        description: 'Merge two contacts into one, choosing which values to keep; can be undone',
        action: 'Merge two contacts',
      },
      {
        name: 'Unblock',
        value: 'unblock',
        description: 'Unblock a contact so its next messages are treated normally',
        action: 'Unblock a contact',
      },
      {
        name: 'Unmerge',
        value: 'unmerge',
        description: 'Undo a merge: restore the absorbed contact with its channels and messages',
        action: 'Unmerge contacts',
      },
      {
        name: 'Update',
        value: 'update',
        description: 'Change the fields, tags and custom fields of a contact',
        action: 'Update a contact',
      },
    ],
    default: 'get',
  },
  ...create.description,
  ...upsert.description,
  ...get.description,
  ...getMany.description,
  ...count.description,
  ...update.description,
  ...deleteContact.description,
  ...merge.description,
  ...unmerge.description,
  ...findDuplicates.description,
  ...block.description,
  ...unblock.description,
  ...exportContacts.description,
  ...importContacts.description,
];
