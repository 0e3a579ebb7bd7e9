import type { IExecuteFunctions, INodePropertyOptions, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Message types the hub knows (src/domain/message.ts MESSAGE_TYPES), for the Type parameter. */
export const MESSAGE_TYPE_OPTIONS: INodePropertyOptions[] = [
  { name: 'Audio', value: 'audio' },
  { name: 'File', value: 'file' },
  { name: 'Image', value: 'image' },
  { name: 'Location', value: 'location' },
  { name: 'Other', value: 'other' },
  { name: 'Template', value: 'template' },
  { name: 'Text', value: 'text' },
  { name: 'Video', value: 'video' },
];

/** A JSON object parameter (text or an object from an expression); empty means none. */
export function jsonObjectParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): IDataObject | null {
  const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
  if (raw === null || raw === undefined || raw === '') return null;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '' || raw.trim() === '{}') return null;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new NodeOperationError(ctx.getNode(), `${name} is not valid JSON`, { itemIndex });
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NodeOperationError(ctx.getNode(), `${name} must be a JSON object, e.g. {"url": "https://…"}`, { itemIndex });
  }
  return Object.keys(value).length === 0 ? null : (value as IDataObject);
}
