import type { INodeProperties } from 'n8n-workflow';
import * as addToContact from './addToContact.operation';
import * as create from './create.operation';
import * as deleteTag from './delete.operation';
import * as getMany from './getMany.operation';
import * as removeFromContact from './removeFromContact.operation';
import * as rename from './rename.operation';

export { addToContact, create, deleteTag as delete, getMany, removeFromContact, rename };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['tag'] } },
    options: [
      {
        name: 'Add to Contact',
        value: 'addToContact',
        description: 'Add tags to contacts (each item’s contact, or every contact matching a filter); missing tags are created',
        action: 'Add tags to a contact',
      },
      {
        name: 'Create',
        value: 'create',
        description: 'Add a tag to the workspace catalogue',
        action: 'Create a tag',
      },
      {
        name: 'Delete',
        value: 'delete',
        description: 'Delete a catalogue tag and remove it from every contact',
        action: 'Delete a tag',
      },
      {
        name: 'Get Many',
        value: 'getMany',
        description: 'List the tag catalogue with how many contacts carry each tag',
        action: 'Get many tags',
      },
      {
        name: 'Remove From Contact',
        value: 'removeFromContact',
        description: 'Remove tags from contacts (each item’s contact, or every contact matching a filter); the catalogue keeps them',
        action: 'Remove tags from a contact',
      },
      {
        name: 'Rename',
        value: 'rename',
        description: 'Rename a catalogue tag; contacts keep it under the new name',
        action: 'Rename a tag',
      },
    ],
    default: 'addToContact',
  },
  ...addToContact.description,
  ...removeFromContact.description,
  ...getMany.description,
  ...create.description,
  ...rename.description,
  ...deleteTag.description,
];
