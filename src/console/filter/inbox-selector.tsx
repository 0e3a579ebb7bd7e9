import type { Segment } from '../api/hub-types';

interface Props {
  segments: readonly Segment[];
  selected: string | null;
  allCount: number | null;
  onSelect: (segmentId: string | null) => void;
}

/** The inboxes: every contact, then each saved segment with its count. */
export function InboxSelector({ segments, selected, allCount, onSelect }: Props) {
  return (
    <div class="inbox-selector">
      <label for="inbox">Inbox</label>
      <select id="inbox" value={selected ?? ''} onChange={(e) => onSelect(e.currentTarget.value || null)}>
        <option value="">{allCount === null ? 'All contacts' : `All contacts (${allCount.toLocaleString('en')})`}</option>
        {segments.map((s) => (
          <option value={s.id}>{s.count === undefined ? s.name : `${s.name} (${s.count.toLocaleString('en')})`}</option>
        ))}
      </select>
    </div>
  );
}
