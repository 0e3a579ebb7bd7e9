import { listFilterFields, type FilterFieldSpec } from '../../domain/filter/filter-fields';
import { CHANNEL_TYPES } from '../../domain/channel';
import { CHANNEL_TYPE_LABELS, fieldLabel } from '../labels/labels';
import type { Catalogue } from '../session/catalogue';
import type { FieldOptions } from './filter-draft';

/** The workspace's filter fields (the domain's catalogue plus its custom fields), with labels and options. */
export interface FieldCatalogue {
  specs: FilterFieldSpec[];
  specOf: (field: string) => FilterFieldSpec | undefined;
  optionsOf: (spec: FilterFieldSpec) => FieldOptions;
  labelOf: (field: string) => string;
}

export function fieldCatalogue(catalogue: Catalogue): FieldCatalogue {
  const specs = listFilterFields(catalogue.customFields);
  const byField = new Map(specs.map((s) => [s.field, s]));
  const userOptions = catalogue.users.map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }));
  const channelOptions = catalogue.channels.map((c) => ({ value: c.id, label: `${c.name} (${CHANNEL_TYPE_LABELS[c.type] ?? c.type})` }));
  const channelTypeOptions = CHANNEL_TYPES.map((t) => ({ value: t, label: `Any ${CHANNEL_TYPE_LABELS[t] ?? t} channel` }));
  const optionsOf = (spec: FilterFieldSpec): FieldOptions => {
    if (spec.field === 'assignee') return userOptions;
    if (spec.field === 'lastInteractedChannel') return channelOptions;
    if (spec.type === 'channels') return [...channelOptions, ...channelTypeOptions];
    if (spec.type === 'enum') return (spec.options ?? []).map((o) => ({ value: o, label: o }));
    return null;
  };
  return {
    specs,
    specOf: (field) => byField.get(field),
    optionsOf,
    labelOf: (field) => fieldLabel(field, catalogue.customLabels),
  };
}
