import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ListAnswer } from '../../client/api-types';
import { errorText } from '../api/error-text';
import type { Contact, Segment } from '../api/hub-types';
import { fieldCatalogue } from '../filter/field-catalogue';
import { draftToFilter, incompleteCount } from '../filter/filter-draft';
import { FilterDrawer } from '../filter/filter-drawer';
import { InboxSelector } from '../filter/inbox-selector';
import { SaveInboxDialog } from '../filter/save-inbox-dialog';
import { navigate } from '../router/route';
import { useSession } from '../session/session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { plural } from '../ui/format';
import { useNotify } from '../ui/notices';
import { BulkBar } from './bulk-bar';
import { bulkTarget, exportTarget } from './bulk-target';
import { BulkTagDialog } from './bulk-tag-dialog';
import { ColumnChooserDialog } from './column-chooser-dialog';
import { loadColumns, saveColumns } from './column-preferences';
import { selectionBody, type ContactQuery } from './contact-query';
import { ContactsTable } from './contacts-table';
import { keepContactsView, lastContactsView, type ContactsView } from './contacts-view';
import { ExportDialog } from './export-dialog';
import { NO_SELECTION, selectionSize, toggled, type Selection } from './selection';
import { tableColumns } from './table-columns';
import { useContactList } from './use-contact-list';
import { useTagSuggestions } from './tag-names';

type Dialog = 'columns' | 'bulk-tag' | 'bulk-delete' | 'export' | 'save-inbox' | { delete: Contact } | null;

/** The contacts module: inboxes, search, the filter drawer, the table and bulk actions. */
export function ContactsScreen() {
  const session = useSession();
  const { client, catalogue } = session;
  const notify = useNotify();
  const [view, setView] = useState<ContactsView>(lastContactsView);
  const update = (patch: Partial<ContactsView>) => setView((v) => ({ ...v, ...patch }));
  useEffect(() => keepContactsView(view), [view]);

  const fields = useMemo(() => fieldCatalogue(catalogue), [catalogue]);
  const allColumns = useMemo(() => tableColumns(catalogue), [catalogue]);
  const [chosen, setChosen] = useState<string[]>(() => loadColumns(allColumns.map((c) => c.key)));
  const shownColumns = allColumns.filter((c) => chosen.includes(c.key));

  const filter = draftToFilter(view.draft, fields.specOf, fields.optionsOf);
  const incomplete = incompleteCount(view.draft, fields.specOf, fields.optionsOf);
  const query: ContactQuery = { segmentId: view.segmentId, text: view.text, filter, sort: view.sort };
  const list = useContactList(client, query);
  const everyone = Object.keys(selectionBody(query)).length === 0;

  // The inboxes and their counts load once the first page is on screen: counting segments is
  // the slowest read, and the table comes first.
  const [segments, setSegments] = useState<Segment[]>([]);
  const [allCount, setAllCount] = useState<number | null>(null);
  const [firstShown, setFirstShown] = useState(false);
  const loadSegments = async (recountAll: boolean) => {
    try {
      const answer = (await client.listSegments({ withCounts: true, limit: 500 })) as unknown as ListAnswer<Segment>;
      setSegments(answer.data);
      if (recountAll) setAllCount(((await client.countContacts({})) as { count: number }).count);
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };
  useEffect(() => {
    if (firstShown || list.loading) return;
    setFirstShown(true);
    // The benchmark reads these marks (bench/bench-console.ts).
    performance.mark('contact-hub:first-screen');
    void loadSegments(!everyone);
  }, [list.loading]);
  useEffect(() => {
    if (everyone && list.total !== null) setAllCount(list.total);
    if (list.total !== null && performance.getEntriesByName('contact-hub:first-count').length === 0) performance.mark('contact-hub:first-count');
  }, [list.total]);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const queryKey = JSON.stringify(query);
  useEffect(() => setSelection(NO_SELECTION), [queryKey]);

  const [dialog, setDialog] = useState<Dialog>(null);
  const filterButton = useRef<HTMLButtonElement>(null);
  const tagNames = useTagSuggestions(client, '', 100, view.drawerOpen);

  const total = list.total;
  const size = selectionSize(selection, total);
  const description =
    selection.kind === 'all' ? `all ${plural(total ?? 0, 'matching contact')}` : plural(size, 'selected contact');

  const onPermission = async (contact: Contact, field: 'proactive' | 'reactive', value: boolean) => {
    list.replace({ ...contact, [field]: value });
    try {
      list.replace(await client.updateContact(`id:${contact.id}`, { [field]: value }));
    } catch (e) {
      list.replace(contact);
      notify(errorText(e), 'error');
    }
  };

  const closeDrawer = () => {
    update({ drawerOpen: false });
    setTimeout(() => filterButton.current?.focus(), 0);
  };

  const currentSegment = segments.find((s) => s.id === view.segmentId);
  const filterToSave = currentSegment && filter ? { and: [currentSegment.filter, filter] } : filter;
  const conditionCount = view.draft.conditions.length;

  return (
    <div class={view.drawerOpen ? 'contacts-screen with-drawer' : 'contacts-screen'}>
      <div class="contacts-main">
        <div class="screen-head">
          <h1 tabIndex={-1}>Contacts</h1>
          <p class="count" aria-live="polite" data-testid="result-count">
            {list.loading ? 'Loading…' : total === null ? '' : plural(total, 'contact')}
          </p>
        </div>
        <div class="toolbar">
          <InboxSelector
            segments={segments}
            selected={view.segmentId}
            allCount={allCount}
            onSelect={(segmentId) => update({ segmentId })}
          />
          <div class="search">
            <label for="search" class="visually-hidden">
              Search contacts
            </label>
            <input
              id="search"
              type="search"
              placeholder="Search name, phone, e-mail, tags…"
              value={view.text}
              onInput={(e) => update({ text: e.currentTarget.value })}
            />
          </div>
          <button
            type="button"
            ref={filterButton}
            aria-expanded={view.drawerOpen}
            onClick={() => (view.drawerOpen ? closeDrawer() : update({ drawerOpen: true }))}
          >
            Filter{conditionCount > 0 ? ` (${conditionCount})` : ''}
          </button>
          <button type="button" onClick={() => setDialog('columns')}>
            Customize columns
          </button>
        </div>
        {size > 0 && (
          <BulkBar
            selection={selection}
            total={total}
            shown={list.contacts.length}
            onSelectAll={() => setSelection({ kind: 'all' })}
            onClear={() => setSelection(NO_SELECTION)}
            onTag={() => setDialog('bulk-tag')}
            onExport={session.can('contacts.export') ? () => setDialog('export') : null}
            onDelete={session.can('contacts.delete') ? () => setDialog('bulk-delete') : null}
            onMerge={
              session.can('contacts.merge') && selection.kind === 'ids' && selection.ids.size === 2
                ? () => {
                    const [a, b] = [...selection.ids];
                    navigate({ name: 'merge', primaryId: a, secondaryId: b });
                  }
                : null
            }
          />
        )}
        {list.error && !view.drawerOpen && (
          <p class="field-error" role="alert">
            {list.error}
          </p>
        )}
        <div class="table-wrap">
          <ContactsTable
            contacts={list.contacts}
            columns={shownColumns}
            ctx={{ catalogue, onPermission }}
            sort={view.sort}
            onSort={(sort) => update({ sort })}
            selection={selection}
            onToggle={(id) => setSelection(toggled(selection, id, list.contacts.map((c) => c.id)))}
            onToggleShown={(checked) => setSelection(checked ? { kind: 'ids', ids: new Set(list.contacts.map((c) => c.id)) } : NO_SELECTION)}
            canDelete={session.can('contacts.delete')}
            onView={(c) => navigate({ name: 'contact', id: c.id, tab: 'profile' })}
            onDelete={(c) => setDialog({ delete: c })}
          />
          {!list.loading && list.contacts.length === 0 && !list.error && <p class="empty">No contacts match.</p>}
        </div>
        {list.hasMore && (
          <div class="load-more">
            <button type="button" onClick={() => void list.loadMore()} disabled={list.loading}>
              Load more
            </button>
            <span class="hint">
              {plural(list.contacts.length, 'contact')} of {total?.toLocaleString('en') ?? '…'} shown
            </span>
          </div>
        )}
      </div>
      {view.drawerOpen && (
        <FilterDrawer
          draft={view.draft}
          fields={fields}
          tagNames={tagNames}
          incomplete={incomplete}
          problem={list.error}
          onChange={(draft) => update({ draft })}
          onSaveInbox={() => setDialog('save-inbox')}
          onClose={closeDrawer}
        />
      )}

      {dialog === 'columns' && (
        <ColumnChooserDialog
          columns={allColumns}
          chosen={chosen}
          onClose={() => setDialog(null)}
          onSave={(next) => {
            setChosen(next);
            saveColumns(next);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'save-inbox' && filterToSave && (
        <SaveInboxDialog
          filter={filterToSave}
          onClose={() => setDialog(null)}
          onSaved={(segment) => {
            setDialog(null);
            notify(`Saved the inbox "${segment.name}" (${plural(segment.count ?? 0, 'contact')})`);
            update({ segmentId: segment.id, draft: { match: 'and', conditions: [] } });
            void loadSegments(true);
          }}
        />
      )}
      {dialog === 'bulk-tag' && (
        <BulkTagDialog
          target={bulkTarget(selection, query)}
          description={description}
          onClose={() => setDialog(null)}
          onDone={(answer, action, tags) => {
            setDialog(null);
            notify(
              `${action === 'add' ? 'Tagged' : 'Untagged'} ${tags.join(', ')}: ${plural(answer.matched, 'contact')} matched, ${answer.changed} changed`,
            );
            list.reload();
          }}
        />
      )}
      {dialog === 'export' && <ExportDialog target={exportTarget(selection, query)} description={description} onClose={() => setDialog(null)} />}
      {dialog === 'bulk-delete' && (
        <ConfirmDialog
          title={`Delete ${plural(size, 'contact')}?`}
          confirmLabel={`Delete ${plural(size, 'contact')}`}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            try {
              const answer = (await client.bulkDeleteContacts({ ...bulkTarget(selection, query), confirm: true })) as { deleted: number };
              notify(`Deleted ${plural(answer.deleted, 'contact')}`);
              setDialog(null);
              setSelection(NO_SELECTION);
              list.reload();
              void loadSegments(true);
            } catch (e) {
              notify(errorText(e), 'error');
            }
          }}
        >
          <p>
            This deletes {description} and their messages. It cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {dialog && typeof dialog === 'object' && (
        <ConfirmDialog
          title={`Delete ${dialog.delete.displayName}?`}
          confirmLabel="Delete contact"
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            try {
              await client.deleteContact(`id:${dialog.delete.id}`);
              notify(`Deleted ${dialog.delete.displayName}`);
              setDialog(null);
              list.reload();
            } catch (e) {
              notify(errorText(e), 'error');
            }
          }}
        >
          <p>Their messages are deleted too. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
