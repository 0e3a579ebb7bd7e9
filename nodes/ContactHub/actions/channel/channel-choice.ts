import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface ChannelChoiceOptions {
  /** Offer "the default channel" (the value `''`): the hub then picks the last interacted one. */
  allowDefault?: boolean;
  description?: string;
}

/** A workspace channel chosen from the hub's channel list (parameter `channelId`). */
export function channelChoice(show: IDisplayOptions['show'], opts: ChannelChoiceOptions = {}): INodeProperties {
  const link = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';
  return {
    displayName: 'Channel Name or ID',
    name: 'channelId',
    type: 'options',
    typeOptions: { loadOptionsMethod: opts.allowDefault ? 'getChannelsWithDefault' : 'getChannels' },
    required: !opts.allowDefault,
    default: '',
    description: `${opts.description ?? 'The workspace channel'}. ${link}`,
    displayOptions: { show },
  };
}

/** The chosen channel id of item `itemIndex`, or null when it is empty ("the default channel"). */
export function optionalChannelIdParameter(ctx: IExecuteFunctions, itemIndex: number): string | null {
  const channelId = String(ctx.getNodeParameter('channelId', itemIndex, '') ?? '').trim();
  return channelId === '' ? null : channelId;
}

/** The chosen channel id of item `itemIndex`; an empty choice is a NodeOperationError. */
export function channelIdParameter(ctx: IExecuteFunctions, itemIndex: number): string {
  const channelId = optionalChannelIdParameter(ctx, itemIndex);
  if (!channelId) throw new NodeOperationError(ctx.getNode(), 'Choose a channel', { itemIndex });
  return channelId;
}
