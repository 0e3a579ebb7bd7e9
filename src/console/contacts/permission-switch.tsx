interface Props {
  checked: boolean;
  /** "Proactive messages for Ana Souza" */
  label: string;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off switch (a checkbox with the switch role), e.g. a contact's proactive permission. */
export function PermissionSwitch({ checked, label, disabled, onChange }: Props) {
  return (
    <label class="switch">
      <input type="checkbox" role="switch" checked={checked} disabled={disabled} aria-label={label} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span class="switch-track" aria-hidden="true" />
    </label>
  );
}
