import { routeHref } from '../router/route';
import type { Contact } from '../api/hub-types';
import { MenuButton, type MenuItem } from '../ui/menu-button';
import { Avatar } from '../details/avatar';
import { defaultDirection, type ContactSort, type SortBy } from './contact-query';
import { isSelected, type Selection } from './selection';
import type { ColumnContext, ColumnDef } from './table-columns';

interface Props {
  contacts: readonly Contact[];
  columns: readonly ColumnDef[];
  ctx: ColumnContext;
  sort: ContactSort;
  onSort: (sort: ContactSort) => void;
  selection: Selection;
  onToggle: (id: string) => void;
  onToggleShown: (checked: boolean) => void;
  canDelete: boolean;
  onView: (contact: Contact) => void;
  onDelete: (contact: Contact) => void;
}

function SortHeader({ label, by, sort, onSort }: { label: string; by: SortBy; sort: ContactSort; onSort: (s: ContactSort) => void }) {
  const active = sort.by === by;
  const next: ContactSort = active
    ? { by, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
    : { by, direction: defaultDirection(by) };
  return (
    <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" class="sort-button" onClick={() => onSort(next)}>
        {label}
        <span aria-hidden="true" class="sort-mark">
          {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

/** The contacts table: a checkbox, the name (a link to the details), the chosen columns, a row menu. */
export function ContactsTable({ contacts, columns, ctx, sort, onSort, selection, onToggle, onToggleShown, canDelete, onView, onDelete }: Props) {
  const allShown = contacts.length > 0 && contacts.every((c) => isSelected(selection, c.id));
  return (
    <table class="contacts-table">
      <caption class="visually-hidden">Contacts</caption>
      <thead>
        <tr>
          <th scope="col" class="select-col">
            <input type="checkbox" aria-label="Select all shown contacts" checked={allShown} onChange={(e) => onToggleShown(e.currentTarget.checked)} />
          </th>
          <SortHeader label="Name" by="name" sort={sort} onSort={onSort} />
          {columns.map((col) =>
            col.sortBy ? (
              <SortHeader label={col.label} by={col.sortBy} sort={sort} onSort={onSort} />
            ) : (
              <th scope="col">{col.label}</th>
            ),
          )}
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((c) => {
          const items: MenuItem[] = [{ label: 'View details', onSelect: () => onView(c) }];
          if (canDelete) items.push({ label: 'Delete', danger: true, onSelect: () => onDelete(c) });
          return (
            <tr key={c.id} data-contact-id={c.id} class={isSelected(selection, c.id) ? 'selected' : undefined}>
              <td class="select-col">
                <input type="checkbox" aria-label={`Select ${c.displayName}`} checked={isSelected(selection, c.id)} onChange={() => onToggle(c.id)} />
              </td>
              <th scope="row" class="name-cell">
                <Avatar contact={c} size="small" />
                <a href={routeHref({ name: 'contact', id: c.id, tab: 'profile' })}>{c.displayName || c.id}</a>
                {c.blocked && <span class="badge danger-badge">Blocked</span>}
              </th>
              {columns.map((col) => (
                <td data-column={col.key}>{col.render(c, ctx)}</td>
              ))}
              <td class="menu-col">
                <MenuButton label={`Actions for ${c.displayName}`} items={items} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
