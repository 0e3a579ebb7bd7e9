import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { OPERATOR_LABELS } from '../../../../src/domain/filter/filter-labels';
import { FILTER_OPERATORS, type FilterOperator } from '../../../../src/domain/filter/filter-schema';

/** Operators whose value is a list (comma-separated in the builder). */
const LIST_OPERATORS: readonly FilterOperator[] = ['in', 'notIn', 'hasAny', 'hasAll', 'hasNone'];
/** Operators without a value. */
const PRESENCE_OPERATORS: readonly FilterOperator[] = ['exists', 'notExists'];

/** An operator as an option of the Operator list: its label from the domain table, the raw id as the value. */
export function operatorOption(op: FilterOperator): { name: string; value: FilterOperator; description: string } {
  return { name: OPERATOR_LABELS[op].label, value: op, description: OPERATOR_LABELS[op].description };
}

/** Every operator as an option, for when the field's type is not known yet. */
export const ALL_OPERATOR_OPTIONS = FILTER_OPERATORS.map(operatorOption);

/**
 * The filter builder: rows of field / operator / value and whether all or any must match.
 * Fields and their operators come from the workspace (standard fields and custom fields).
 */
export function filterBuilderProperties(show: IDisplayOptions['show']): INodeProperties[] {
  return [
    {
      displayName: 'Filters',
      name: 'filters',
      type: 'fixedCollection',
      placeholder: 'Add Condition',
      typeOptions: { multipleValues: true, sortable: true },
      default: {},
      description:
        'Conditions on the contacts\' fields. Lists (Is Any Of, Has Any Of, …) take comma-separated values; Is Between takes two comma-separated bounds; dates are YYYY-MM-DD or ISO 8601; durations like 7d or 12h.',
      displayOptions: { show },
      options: [
        {
          displayName: 'Condition',
          name: 'conditions',
          values: [
            {
              displayName: 'Field Name or ID',
              name: 'field',
              type: 'options',
              typeOptions: { loadOptionsMethod: 'getFilterFields' },
              default: '',
              description:
                'The contact field to test: a standard field, tags, channels, blocked, or a custom field (customFields.&lt;key&gt;). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
            },
            {
              displayName: 'Operator Name or ID',
              name: 'operator',
              type: 'options',
              typeOptions: { loadOptionsMethod: 'getFilterOperators', loadOptionsDependsOn: ['&field'] },
              default: 'is',
              description:
                'How to compare; the list offers the operators that fit the field\'s type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
            },
            {
              displayName: 'Value',
              name: 'value',
              type: 'string',
              default: '',
              description: 'The value to compare with; empty for Exists / Does Not Exist',
            },
          ],
        },
      ],
    },
    {
      displayName: 'Match',
      name: 'filterMatch',
      type: 'options',
      default: 'all',
      description: 'Whether a contact must meet all the conditions or any one of them',
      displayOptions: { show },
      options: [
        { name: 'All Conditions', value: 'all' },
        { name: 'Any Condition', value: 'any' },
      ],
    },
  ];
}

/** A builder row as n8n stores it. */
export interface FilterRow {
  field?: string;
  operator?: string;
  value?: unknown;
}

function splitList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [value];
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: read as comma-separated
    }
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** One builder row as a filter condition of the hub: `{ field, operator, value }`. */
export function rowToCondition(row: FilterRow): Record<string, unknown> {
  const field = String(row.field ?? '').trim();
  const operator = String(row.operator ?? '').trim();
  const condition: Record<string, unknown> = { field, operator };
  if ((PRESENCE_OPERATORS as readonly string[]).includes(operator)) return condition;
  if ((LIST_OPERATORS as readonly string[]).includes(operator) || operator === 'between') {
    condition.value = splitList(row.value);
  } else {
    condition.value = row.value ?? '';
  }
  return condition;
}

/**
 * The filter tree of the builder rows: `{ and: [...] }` for Match All, `{ or: [...] }` for
 * Match Any; undefined without rows. The hub validates it and names any bad row
 * (`filter.and[1].value`).
 */
export function buildFilter(rows: readonly FilterRow[], match: string): Record<string, unknown> | undefined {
  const conditions = rows.filter((r) => String(r.field ?? '').trim() !== '').map(rowToCondition);
  if (conditions.length === 0) return undefined;
  return match === 'any' ? { or: conditions } : { and: conditions };
}
