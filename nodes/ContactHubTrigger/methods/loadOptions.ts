import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import type { ListAnswer } from '../../../src/client/api-types';
import { hubClient } from '../../ContactHub/transport';
import { toNodeError } from '../../ContactHub/transport/hub-error';

interface ChannelRow {
  id: string;
  type: string;
  name: string;
}

/** Most pages read for the list (500 channels each). */
const MAX_PAGES = 20;

/** The workspace's channels (GET /v1/channels, every page), for the Channel filter. */
export async function getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  try {
    const client = await hubClient(this);
    const options: INodePropertyOptions[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await client.request<ListAnswer<ChannelRow>>({ method: 'GET', path: '/v1/channels', query: { limit: 500, cursor } });
      for (const c of answer.data) options.push({ name: `${c.name} (${c.type})`, value: c.id, description: c.id });
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    return options;
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}
