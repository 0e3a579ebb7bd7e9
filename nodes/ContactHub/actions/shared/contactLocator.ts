import type { IDisplayOptions, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Resource locator modes → the hub's ref prefix (SPEC §3 "Contact identity"). */
const REF_PREFIX: Record<string, string> = { list: 'id', id: 'id', phone: 'phone', email: 'email', externalCode: 'external' };

/**
 * A contact resource locator: pick from a search list, or give its ID, phone number, e-mail
 * address or external code. The value becomes a hub ref (`id:…`, `phone:…`, `email:…`, `external:…`).
 */
export function contactLocator(opts: {
  name?: string;
  displayName?: string;
  description?: string;
  show: IDisplayOptions['show'];
}): INodeProperties {
  return {
    displayName: opts.displayName ?? 'Contact',
    name: opts.name ?? 'contact',
    type: 'resourceLocator',
    default: { mode: 'id', value: '' },
    required: true,
    description:
      opts.description ??
      'The contact, by its hub ID, phone number (international, or national in the workspace country), e-mail address or external CRM code',
    displayOptions: { show: opts.show },
    modes: [
      {
        displayName: 'From List',
        name: 'list',
        type: 'list',
        typeOptions: { searchListMethod: 'searchContacts', searchable: true },
      },
      {
        displayName: 'By ID',
        name: 'id',
        type: 'string',
        placeholder: 'e.g. ct_3k9x0a1b2c3d4e5f6g7h',
        validation: [
          {
            type: 'regex',
            // Empty passes here: an empty Contact is reported once, as required, not also as malformed.
            properties: { regex: '^([A-Za-z0-9][A-Za-z0-9_.:-]*)?$', errorMessage: 'Not a contact ID' },
          },
        ],
      },
      { displayName: 'By Phone', name: 'phone', type: 'string', placeholder: 'e.g. +447400123456' },
      { displayName: 'By E-Mail', name: 'email', type: 'string', placeholder: 'e.g. name@email.com' },
      { displayName: 'By External Code', name: 'externalCode', type: 'string', placeholder: 'e.g. HUBSPOT-4411' },
    ],
  };
}

/** Turns a locator value (or a plain string, taken as an ID or an existing ref) into a hub ref. */
export function refFromLocator(value: unknown): string | null {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    return /^(id|phone|email|external):/.test(text) ? text : `id:${text}`;
  }
  if (value && typeof value === 'object' && '__rl' in value) {
    const rl = value as INodeParameterResourceLocator;
    const text = String(rl.value ?? '').trim();
    if (text === '') return null;
    const prefix = REF_PREFIX[String(rl.mode)] ?? 'id';
    return `${prefix}:${text}`;
  }
  return null;
}

/** The ref of the contact locator `name` for item `i`; a missing value is an error naming the item. */
export function contactRef(ctx: IExecuteFunctions, i: number, name = 'contact'): string {
  const value = ctx.getNodeParameter(name, i) as unknown;
  const ref = refFromLocator(value);
  if (!ref) {
    throw new NodeOperationError(ctx.getNode(), `No contact given in "${name}" for item ${i}`, {
      itemIndex: i,
      description: 'Choose a contact from the list or give its ID, phone number, e-mail address or external code',
    });
  }
  return ref;
}
