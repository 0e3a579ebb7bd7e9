import type { FormField } from './profile-fields';

interface Props {
  field: FormField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

type InputType = 'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'datetime-local';

const INPUT_TYPES: Readonly<Record<string, InputType>> = {
  text: 'text',
  email: 'email',
  tel: 'tel',
  url: 'url',
  number: 'number',
  date: 'date',
  datetime: 'datetime-local',
};

/** One field of the profile form with the control of its type, its hint and the hub's message about it. */
export function FieldControl({ field, value, error, onChange }: Props) {
  const id = `field-${field.path.replace(/\W/g, '-')}`;
  const describedBy = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'data-path': field.path };
  let control;
  if (field.control === 'checkbox') {
    control = <input type="checkbox" {...common} checked={value === 'true'} onChange={(e) => onChange(e.currentTarget.checked ? 'true' : 'false')} />;
  } else if (field.control === 'tristate' || field.control === 'select') {
    const options = field.control === 'tristate' ? [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }] : (field.options ?? []);
    control = (
      <select {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {field.path !== 'conversationStatus' && <option value="">—</option>}
        {options.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        // Preact types an input's attributes per literal type; this one is chosen at run time.
        type={INPUT_TYPES[field.control] as 'text'}
        {...common}
        step={field.control === 'number' ? 'any' : undefined}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <div class={field.control === 'checkbox' ? 'form-field checkbox-field' : 'form-field'}>
      <label for={id}>{field.label}</label>
      {control}
      {field.hint && (
        <span id={`${id}-hint`} class="hint">
          {field.hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
