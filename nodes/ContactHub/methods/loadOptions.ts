import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { hubClient } from '../transport';
import { toNodeError } from '../transport/hub-error';

/** The users of the workspace, for choosing an assignee. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  try {
    const { data } = await (await hubClient(this)).listUsers();
    return data.map((u) => ({ name: u.email ? `${u.name} (${u.email})` : u.name, value: u.id, description: u.role }));
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}
