import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import * as user from './user';

/** An operation receives every input item, so it can batch them into few hub calls. */
type Operation = (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;

/** resource → operation → implementation; a new resource adds one entry here. */
const operations: Record<string, Record<string, Operation>> = {
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
