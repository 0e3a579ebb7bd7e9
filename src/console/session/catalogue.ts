import type { ContactHubClient } from '../../client/contact-hub-client';
import type { ListAnswer, User } from '../../client/api-types';
import type { ChannelInfo, CustomFieldInfo } from '../api/hub-types';

/** The workspace's channels, users and custom field definitions: what the screens label and offer. */
export interface Catalogue {
  channels: ChannelInfo[];
  users: User[];
  customFields: CustomFieldInfo[];
  /** Custom field labels by key. */
  customLabels: Map<string, string>;
}

async function allPages<T>(page: (cursor: string | undefined) => Promise<ListAnswer<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const answer = await page(cursor);
    out.push(...answer.data);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return out;
}

export async function loadCatalogue(client: ContactHubClient): Promise<Catalogue> {
  const [channels, users, customFields] = await Promise.all([
    allPages((cursor) => client.listChannels({ limit: 500, cursor }) as unknown as Promise<ListAnswer<ChannelInfo>>),
    client.listUsers().then((a) => a.data),
    allPages((cursor) => client.listCustomFields({ limit: 500, cursor }) as unknown as Promise<ListAnswer<CustomFieldInfo>>),
  ]);
  return { channels, users, customFields, customLabels: new Map(customFields.map((f) => [f.key, f.label])) };
}
