import { useEffect, useRef } from 'preact/hooks';
import { ConditionRow } from './condition-row';
import type { FieldCatalogue } from './field-catalogue';
import { EMPTY_DRAFT, newCondition, type FilterDraft } from './filter-draft';

interface Props {
  draft: FilterDraft;
  fields: FieldCatalogue;
  tagNames: readonly string[];
  /** Rows still missing a value. */
  incomplete: number;
  /** The hub's message when it refused the filter. */
  problem: string | null;
  onChange: (draft: FilterDraft) => void;
  onSaveInbox: () => void;
  onClose: () => void;
}

/**
 * The filter drawer: condition rows joined by all / any, building the API's filter tree. The table
 * beside it updates as the rows change; Escape or Close puts the focus back on the Filter button.
 */
export function FilterDrawer({ draft, fields, tagNames, incomplete, problem, onChange, onSaveInbox, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const hasConditions = draft.conditions.length > 0;
  const add = () => {
    const first = fields.specs[0];
    onChange({ ...draft, conditions: [...draft.conditions, newCondition(first)] });
    // Focus the new row's field so the keyboard user goes on from there.
    setTimeout(() => {
      const rows = document.querySelectorAll<HTMLSelectElement>('.condition select:first-child');
      rows[rows.length - 1]?.focus();
    }, 0);
  };
  return (
    <aside
      class="drawer"
      aria-labelledby="filter-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div class="drawer-head">
        <h2 id="filter-heading" tabIndex={-1} ref={heading}>
          Filter
        </h2>
        <button type="button" class="icon-button" aria-label="Close filter" onClick={onClose}>
          ×
        </button>
      </div>
      <fieldset class="match">
        <legend>Contacts that match</legend>
        <label class="check">
          <input type="radio" name="match" checked={draft.match === 'and'} onChange={() => onChange({ ...draft, match: 'and' })} />
          all conditions
        </label>
        <label class="check">
          <input type="radio" name="match" checked={draft.match === 'or'} onChange={() => onChange({ ...draft, match: 'or' })} />
          any condition
        </label>
      </fieldset>
      <ol class="conditions">
        {draft.conditions.map((cond, i) => (
          <ConditionRow
            key={cond.key}
            index={i}
            cond={cond}
            fields={fields}
            tagNames={tagNames}
            onChange={(next) => onChange({ ...draft, conditions: draft.conditions.map((c) => (c.key === cond.key ? next : c)) })}
            onRemove={() => onChange({ ...draft, conditions: draft.conditions.filter((c) => c.key !== cond.key) })}
          />
        ))}
      </ol>
      {!hasConditions && <p class="hint">No conditions: every contact is shown.</p>}
      {incomplete > 0 && (
        <p class="hint" aria-live="polite">
          {incomplete === 1 ? '1 condition has no value yet and is left out.' : `${incomplete} conditions have no value yet and are left out.`}
        </p>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="drawer-actions">
        <button type="button" onClick={add}>
          Add condition
        </button>
        <button type="button" onClick={() => onChange(EMPTY_DRAFT)} disabled={!hasConditions}>
          Clear
        </button>
        <button type="button" class="primary" onClick={onSaveInbox} disabled={!hasConditions || incomplete === draft.conditions.length}>
          Save as inbox
        </button>
      </div>
    </aside>
  );
}
