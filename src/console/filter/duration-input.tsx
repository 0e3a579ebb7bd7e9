import { DURATION_UNIT_LABELS } from '../labels/labels';

interface Props {
  /** `7d`, `12h`, … or '' */
  value: string;
  onChange: (value: string) => void;
  label: string;
}

/** A duration as the API writes it (`7d`): a whole number and a unit. */
export function DurationInput({ value, onChange, label }: Props) {
  const m = /^(\d*)([smhdw]?)$/.exec(value) ?? ['', '', 'd'];
  const amount = m[1];
  const unit = m[2] || 'd';
  return (
    <span class="duration" role="group" aria-label={label}>
      <input
        type="number"
        min="1"
        step="1"
        inputMode="numeric"
        aria-label={`${label}: amount`}
        value={amount}
        onInput={(e) => {
          const n = e.currentTarget.value;
          onChange(n === '' ? '' : `${n}${unit}`);
        }}
      />
      <select aria-label={`${label}: unit`} value={unit} onChange={(e) => onChange(amount === '' ? '' : `${amount}${e.currentTarget.value}`)}>
        {Object.entries(DURATION_UNIT_LABELS).map(([u, l]) => (
          <option value={u}>{l}</option>
        ))}
      </select>
    </span>
  );
}
