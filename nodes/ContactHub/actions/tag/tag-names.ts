import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The Tags parameter of Add to Contact / Remove from Contact: names from the catalogue or new ones. */
export function tagNamesProperty(show: IDisplayOptions['show'], action: 'add' | 'remove'): INodeProperties {
  return {
    displayName: 'Tag Names or IDs',
    name: 'tags',
    type: 'multiOptions',
    typeOptions: { loadOptionsMethod: 'getTags' },
    required: true,
    default: [],
    description:
      action === 'add'
        ? 'Tags to add. Choose from the list, or give names with an <a href="https://docs.n8n.io/code/expressions/">expression</a> (an array, or comma-separated text); names missing from the catalogue are created.'
        : 'Tags to remove; the catalogue keeps them. Choose from the list, or give names with an <a href="https://docs.n8n.io/code/expressions/">expression</a> (an array, or comma-separated text).',
    displayOptions: { show },
  };
}

/** The tag names of item `itemIndex`: trimmed, without repeats (ignoring case); at least one. */
export function tagNamesParameter(ctx: IExecuteFunctions, itemIndex: number): string[] {
  const raw = ctx.getNodeParameter('tags', itemIndex, []) as unknown;
  const parts = Array.isArray(raw) ? raw.map((v) => String(v)) : String(raw ?? '').split(',');
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of parts) {
    const name = part.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  if (names.length === 0) {
    throw new NodeOperationError(ctx.getNode(), 'Give at least one tag name', { itemIndex });
  }
  return names;
}

/** A key equal for tag lists that name the same tags (order and case ignored). */
export function tagListKey(names: readonly string[]): string {
  return names
    .map((n) => n.toLowerCase())
    .sort()
    .join('\u0000');
}
