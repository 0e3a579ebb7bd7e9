import { listFilterFields, STANDARD_FILTER_FIELD_NAMES, STANDARD_FILTER_FIELDS } from '../../../src/domain/filter/filter-fields';
import {
  FILTER_FIELD_GROUP_LABELS,
  FILTER_FIELD_GROUPS,
  labelFilterFields,
  OPERATOR_LABELS,
  STANDARD_FIELD_LABELS,
  VALUE_TYPE_LABELS,
} from '../../../src/domain/filter/filter-labels';
import { FILTER_OPERATORS, FILTER_VALUE_TYPES } from '../../../src/domain/filter/filter-schema';
import type { CustomFieldDefinition } from '../../../src/domain/custom-field';

describe('filter labels', () => {
  it('labels every built-in field, and nothing else', () => {
    expect(Object.keys(STANDARD_FIELD_LABELS).sort()).toEqual([...STANDARD_FILTER_FIELD_NAMES].sort());
  });

  it('labels every operator and value type', () => {
    expect(Object.keys(OPERATOR_LABELS).sort()).toEqual([...FILTER_OPERATORS].sort());
    expect(Object.keys(VALUE_TYPE_LABELS).sort()).toEqual([...FILTER_VALUE_TYPES].sort());
  });

  it('gives people words, not ids: every label differs from its id and is unique', () => {
    const fieldLabels = Object.entries(STANDARD_FIELD_LABELS).map(([id, l]) => {
      expect(l.label).not.toBe(id);
      expect(l.label).toMatch(/^[A-Z]/);
      expect(l.description).toMatch(/\S/);
      return l.label;
    });
    expect(new Set(fieldLabels).size).toBe(fieldLabels.length);
    const opLabels = Object.entries(OPERATOR_LABELS).map(([id, l]) => {
      expect(l.label).not.toBe(id);
      return l.label;
    });
    expect(new Set(opLabels).size).toBe(opLabels.length);
    for (const group of FILTER_FIELD_GROUPS) expect(FILTER_FIELD_GROUP_LABELS[group]).toMatch(/^[A-Z]/);
  });

  it('orders the picker by group, custom fields last by label, and keeps the raw id as the field', () => {
    const defs: CustomFieldDefinition[] = [
      { key: 'zeta', label: 'Zeta score', type: 'number', options: null },
      { key: 'loyaltyTier', label: 'Loyalty tier', type: 'list', options: ['Gold'] },
    ];
    const fields = labelFilterFields(listFilterFields(defs), defs);
    expect(fields.map((f) => f.field).sort()).toEqual([...STANDARD_FILTER_FIELD_NAMES, 'customFields.zeta', 'customFields.loyaltyTier'].sort());
    const ranks = fields.map((f) => FILTER_FIELD_GROUPS.indexOf(f.group));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(fields.slice(-2).map((f) => [f.field, f.label, f.groupLabel])).toEqual([
      ['customFields.loyaltyTier', 'Loyalty tier', 'Custom Field'],
      ['customFields.zeta', 'Zeta score', 'Custom Field'],
    ]);
    const phone = fields.find((f) => f.field === 'phone');
    expect(phone).toMatchObject({ label: 'Phone', group: 'identity', groupLabel: 'Contact', type: STANDARD_FILTER_FIELDS.phone.type });
  });
});
