import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';
import type { CustomFieldType } from '../../../src/domain/custom-field';
import { listAllCustomFields } from '../actions/shared/customFieldCatalogue';
import { hubClient } from '../transport';
import { toNodeError } from '../transport/hub-error';

/** How each custom field type is edited in n8n. Dates stay text (YYYY-MM-DD) so no time zone shifts them. */
const FIELD_TYPES: Readonly<Record<CustomFieldType, FieldType>> = {
  text: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'string',
  datetime: 'dateTime',
  email: 'string',
  phone: 'string',
  url: 'url',
  list: 'options',
};

const HINTS: Partial<Record<CustomFieldType, string>> = {
  date: 'YYYY-MM-DD',
  email: 'e-mail',
  phone: 'phone',
};

/**
 * The columns of the Custom Fields mapper: one per custom field of the workspace
 * (`GET /v1/custom-fields`) with its type; list fields offer their options.
 */
export async function getCustomFieldColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
  try {
    const defs = await listAllCustomFields(await hubClient(this));
    const fields: ResourceMapperField[] = defs.map((d) => {
      const hint = HINTS[d.type];
      const field: ResourceMapperField = {
        id: d.key,
        displayName: hint ? `${d.label} (${hint})` : d.label,
        required: false,
        defaultMatch: false,
        canBeUsedToMatch: false,
        display: true,
        type: FIELD_TYPES[d.type],
      };
      if (d.type === 'list') field.options = (d.options ?? []).map((o) => ({ name: o, value: o }));
      return field;
    });
    return { fields, emptyFieldsNotice: 'The workspace has no custom fields yet: create one with Custom Field → Create' };
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}
