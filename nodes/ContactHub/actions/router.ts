import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import * as contact from './contact';
import * as channel from './channel';
import * as customField from './customField';
import * as message from './message';
import * as segment from './segment';
import * as tag from './tag';
import * as user from './user';

/** An operation receives every input item, so it can batch them into few hub calls. */
type Operation = (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;

/** resource → operation → implementation; a new resource adds one entry here. */
const operations: Record<string, Record<string, Operation>> = {
  contact: {
    create: contact.create.execute,
    upsert: contact.upsert.execute,
    get: contact.get.execute,
    getMany: contact.getMany.execute,
    count: contact.count.execute,
    update: contact.update.execute,
    delete: contact.deleteContact.execute,
    merge: contact.merge.execute,
    unmerge: contact.unmerge.execute,
    findDuplicates: contact.findDuplicates.execute,
    block: contact.block.execute,
    unblock: contact.unblock.execute,
    export: contact.exportContacts.execute,
    import: contact.importContacts.execute,
  },
  tag: {
    addToContact: tag.addToContact.execute,
    removeFromContact: tag.removeFromContact.execute,
    getMany: tag.getMany.execute,
    create: tag.create.execute,
    rename: tag.rename.execute,
    delete: tag.delete.execute,
  },
  channel: { getMany: channel.getMany.execute, connect: channel.connect.execute, remove: channel.remove.execute },
  message: { send: message.send.execute, getMany: message.getMany.execute, recordIncoming: message.recordIncoming.execute },
  segment: {
    create: segment.create.execute,
    getMany: segment.getMany.execute,
    count: segment.count.execute,
    delete: segment.delete.execute,
  },
  customField: { create: customField.create.execute, getMany: customField.getMany.execute },
  user: { getMany: user.getMany.execute },
};

/** Runs the chosen resource's operation over the input items. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const resource = this.getNodeParameter('resource', 0) as string;
  const operation = this.getNodeParameter('operation', 0) as string;
  const run = operations[resource]?.[operation];
  if (!run) {
    throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
  }
  return [await run.call(this, items)];
}
