import type {
  IDataObject,
  IDisplayOptions,
  IExecuteFunctions,
  INodeExecutionData,
  INodeProperties,
  ResourceMapperValue,
} from 'n8n-workflow';

/**
 * The standard fields of a contact as a collection. `withId` adds the client-supplied ID
 * (creation only: an ID is immutable).
 */
export function contactFieldsCollection(opts: { show: IDisplayOptions['show']; withId: boolean; name?: string }): INodeProperties {
  const options: INodeProperties[] = [
    {
      displayName: 'Assignee Name or ID',
      name: 'assignee',
      type: 'options',
      typeOptions: { loadOptionsMethod: 'getUsers' },
      default: '',
      description:
        'The workspace user the contact is assigned to; empty for none. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
    },
    {
      displayName: 'Conversation Status',
      name: 'conversationStatus',
      type: 'options',
      default: 'open',
      options: [
        { name: 'Open', value: 'open' },
        { name: 'Closed', value: 'closed' },
      ],
    },
    {
      displayName: 'Country',
      name: 'country',
      type: 'string',
      default: '',
      placeholder: 'e.g. BR',
      description: 'ISO 3166-1 alpha-2 code; derived from the phone number when not given. National phone numbers are read in this country.',
    },
    {
      displayName: 'E-Mail',
      name: 'email',
      type: 'string',
      placeholder: 'name@email.com',
      default: '',
      description: 'E-mail address; stored lower-case',
    },
    {
      displayName: 'External Code',
      name: 'externalCode',
      type: 'string',
      default: '',
      placeholder: 'e.g. HUBSPOT-4411',
      description: 'The ID of this contact in an external CRM; unique in the workspace',
    },
    { displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
    {
      displayName: 'Language',
      name: 'language',
      type: 'string',
      default: '',
      placeholder: 'e.g. pt-BR',
      description: 'BCP 47 language tag such as en or pt-BR',
    },
    { displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
    {
      displayName: 'Phone',
      name: 'phone',
      type: 'string',
      default: '',
      placeholder: 'e.g. +5511912345678',
      description: 'Phone number, international (+…) or national (read in the contact\'s country, else the workspace default country); stored in E.164',
    },
    {
      displayName: 'Proactive Messages Allowed',
      name: 'proactive',
      type: 'boolean',
      default: true,
      description: 'Whether the contact may receive broadcasts and scheduled messages',
    },
    { displayName: 'Profile Picture URL', name: 'profilePic', type: 'string', default: '' },
    {
      displayName: 'Reactive Messages Allowed',
      name: 'reactive',
      type: 'boolean',
      default: true,
      description: 'Whether the contact may receive automated replies to their own messages',
    },
    {
      displayName: 'Tags',
      name: 'tags',
      type: 'string',
      default: '',
      placeholder: 'e.g. VIP, newsletter',
      description: 'Comma-separated tag names (or an array in an expression); tags that do not exist are created',
    },
  ];
  if (opts.withId) {
    options.unshift({
      displayName: 'Contact ID',
      name: 'id',
      type: 'string',
      default: '',
      placeholder: 'e.g. crm-000123',
      description: 'An ID of your own for the new contact (letters, digits, _ . : -); the hub generates one when empty. Cannot be changed later.',
    });
  }
  return {
    displayName: 'Fields',
    name: opts.name ?? 'fields',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    description: 'Standard fields of the contact. To clear a field on update, set it to an empty value.',
    displayOptions: { show: opts.show },
    options,
  };
}

/** The custom field values as a resource mapper whose fields (and their types) come from the hub. */
export function customFieldsMapper(show: IDisplayOptions['show']): INodeProperties {
  return {
    displayName: 'Custom Fields',
    name: 'customFieldValues',
    type: 'resourceMapper',
    noDataExpression: true,
    default: { mappingMode: 'defineBelow', value: null },
    required: false,
    description: 'Values of the workspace\'s custom fields, each checked by the hub against the field\'s type',
    typeOptions: {
      loadOptionsDependsOn: ['operation'],
      resourceMapper: {
        resourceMapperMethod: 'getCustomFieldColumns',
        mode: 'add',
        fieldWords: { singular: 'custom field', plural: 'custom fields' },
        addAllFields: false,
        multiKeyMatch: false,
        supportAutoMap: true,
      },
    },
    displayOptions: { show },
  };
}

const TEXT_FIELDS = ['id', 'externalCode', 'firstName', 'lastName', 'email', 'phone', 'country', 'language', 'profilePic'] as const;

function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  return String(value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A value n8n may hand over for a dateTime field (a Luxon DateTime or a Date) as ISO text. */
function plainValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
    return (value as { toISO: () => string }).toISO();
  }
  return value;
}

/** The custom field values of item `i` from the resource mapper; undefined when none are given. */
export function readCustomFields(ctx: IExecuteFunctions, i: number, item: INodeExecutionData): IDataObject | undefined {
  const mapper = ctx.getNodeParameter('customFieldValues', i, null) as ResourceMapperValue | null;
  if (!mapper) return undefined;
  const values: IDataObject = {};
  if (mapper.mappingMode === 'autoMapInputData') {
    const source = (item.json.customFields && typeof item.json.customFields === 'object' ? item.json.customFields : item.json) as IDataObject;
    for (const field of mapper.schema ?? []) {
      if (field.removed) continue;
      if (Object.prototype.hasOwnProperty.call(source, field.id) && source[field.id] !== undefined) {
        values[field.id] = plainValue(source[field.id]) as IDataObject[string];
      }
    }
  } else {
    for (const [key, value] of Object.entries(mapper.value ?? {})) {
      if (value === undefined || value === '') continue;
      values[key] = plainValue(value) as IDataObject[string];
    }
  }
  return Object.keys(values).length > 0 ? values : undefined;
}

/**
 * The contact body of item `i`: the standard fields given (an empty text clears the field
 * on update; on create it is left out), tags as a list, and the custom field values.
 */
export function readContactBody(
  ctx: IExecuteFunctions,
  i: number,
  item: INodeExecutionData,
  opts: { emptyClears: boolean; fieldsName?: string },
): IDataObject {
  const fields = ctx.getNodeParameter(opts.fieldsName ?? 'fields', i, {}) as IDataObject;
  const body: IDataObject = {};
  for (const key of TEXT_FIELDS) {
    if (!(key in fields)) continue;
    const value = fields[key];
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (text !== '') body[key] = text;
    else if (opts.emptyClears && key !== 'id') body[key] = null;
  }
  if ('assignee' in fields) {
    const assignee = String(fields.assignee ?? '').trim();
    if (assignee !== '') body.assignee = assignee;
    else if (opts.emptyClears) body.assignee = null;
  }
  if ('conversationStatus' in fields && fields.conversationStatus) body.conversationStatus = fields.conversationStatus;
  if ('proactive' in fields) body.proactive = Boolean(fields.proactive);
  if ('reactive' in fields) body.reactive = Boolean(fields.reactive);
  if ('tags' in fields) {
    const tags = tagList(fields.tags);
    if (tags.length > 0 || opts.emptyClears) body.tags = tags;
  }
  const customFields = readCustomFields(ctx, i, item);
  if (customFields) body.customFields = customFields;
  return body;
}
