import type { FilterFieldSpec } from '../../domain/filter/filter-fields';
import { DurationInput } from './duration-input';
import { valueKind, type ConditionDraft, type FieldOptions } from './filter-draft';

interface Props {
  cond: ConditionDraft;
  spec: FilterFieldSpec;
  options: FieldOptions;
  /** "Condition 2" — prefixes the accessible names of the inputs. */
  label: string;
  tagNames: readonly string[];
  onChange: (cond: ConditionDraft) => void;
}

function inputType(spec: FilterFieldSpec): 'number' | 'date' | 'datetime-local' | 'text' {
  if (spec.type === 'number') return 'number';
  if (spec.type === 'date') return 'date';
  if (spec.type === 'datetime') return 'datetime-local';
  return 'text';
}

/** One typed value: a text, number, date or date-time input, a yes/no choice or an option list. */
function SingleValue({ spec, options, value, label, onChange }: { spec: FilterFieldSpec; options: FieldOptions; value: string; label: string; onChange: (v: string) => void }) {
  if (spec.type === 'boolean') {
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose…</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  }
  if (options) {
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose…</option>
        {options.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
      </select>
    );
  }
  // Preact types an input's attributes per literal type; this one is chosen at run time.
  return <input type={inputType(spec) as 'text'} aria-label={label} value={value} onInput={(e) => onChange(e.currentTarget.value)} />;
}

/** The value part of a condition row, shaped by the field's type and the operator. */
export function ConditionValueInput({ cond, spec, options, label, tagNames, onChange }: Props) {
  const kind = valueKind(spec, cond.operator);
  const set = (patch: Partial<ConditionDraft>) => onChange({ ...cond, ...patch });
  switch (kind) {
    case 'none':
      return null;
    case 'duration':
      return <DurationInput label={`${label} value`} value={cond.value} onChange={(value) => set({ value })} />;
    case 'range':
      return (
        <span class="range">
          {spec.type === 'duration' ? (
            <>
              <DurationInput label={`${label} from`} value={cond.value} onChange={(value) => set({ value })} />
              <span aria-hidden="true">and</span>
              <DurationInput label={`${label} to`} value={cond.value2} onChange={(value2) => set({ value2 })} />
            </>
          ) : (
            <>
              <SingleValue spec={spec} options={options} value={cond.value} label={`${label} from`} onChange={(value) => set({ value })} />
              <span aria-hidden="true">and</span>
              <SingleValue spec={spec} options={options} value={cond.value2} label={`${label} to`} onChange={(value2) => set({ value2 })} />
            </>
          )}
        </span>
      );
    case 'list':
      if (options) {
        return (
          <fieldset class="option-list">
            <legend class="visually-hidden">{`${label} values`}</legend>
            {options.map((o) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={cond.values.includes(o.value)}
                  onChange={(e) =>
                    set({ values: e.currentTarget.checked ? [...cond.values, o.value] : cond.values.filter((v) => v !== o.value) })
                  }
                />
                {o.label}
              </label>
            ))}
          </fieldset>
        );
      }
      return (
        <>
          <input
            type="text"
            aria-label={`${label} values, separated by commas`}
            placeholder="a, b, c"
            list={spec.type === 'tags' ? 'tag-names' : undefined}
            value={cond.value}
            onInput={(e) => set({ value: e.currentTarget.value })}
          />
          {spec.type === 'tags' && (
            <datalist id="tag-names">
              {tagNames.map((t) => (
                <option value={t} />
              ))}
            </datalist>
          )}
        </>
      );
    case 'single':
      return <SingleValue spec={spec} options={options} value={cond.value} label={`${label} value`} onChange={(value) => set({ value })} />;
  }
}
