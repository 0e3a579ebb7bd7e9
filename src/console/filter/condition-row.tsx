import type { FilterFieldSpec } from '../../domain/filter/filter-fields';
import { operatorLabel } from '../labels/labels';
import { ConditionValueInput } from './condition-value-input';
import { operatorsFor, withField, type ConditionDraft } from './filter-draft';
import type { FieldCatalogue } from './field-catalogue';

interface Props {
  index: number;
  cond: ConditionDraft;
  fields: FieldCatalogue;
  tagNames: readonly string[];
  onChange: (cond: ConditionDraft) => void;
  onRemove: () => void;
}

/** One condition of the filter: field, operator (only those valid for the field's type) and value. */
export function ConditionRow({ index, cond, fields, tagNames, onChange, onRemove }: Props) {
  const spec = fields.specOf(cond.field) as FilterFieldSpec;
  const label = `Condition ${index + 1}`;
  return (
    <li class="condition" data-testid="condition">
      <select
        aria-label={`${label} field`}
        value={cond.field}
        onChange={(e) => {
          const next = fields.specOf(e.currentTarget.value);
          if (next) onChange(withField(cond, next));
        }}
      >
        {fields.specs.map((s) => (
          <option value={s.field}>{fields.labelOf(s.field)}</option>
        ))}
      </select>
      <select
        aria-label={`${label} operator`}
        value={cond.operator}
        onChange={(e) => onChange({ ...cond, operator: e.currentTarget.value as ConditionDraft['operator'] })}
      >
        {operatorsFor(spec).map((op) => (
          <option value={op}>{operatorLabel(op, spec.type)}</option>
        ))}
      </select>
      <ConditionValueInput cond={cond} spec={spec} options={fields.optionsOf(spec)} label={label} tagNames={tagNames} onChange={onChange} />
      <button type="button" class="icon-button" aria-label={`Remove condition ${index + 1}`} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
