import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../api/error-text';
import type { Contact } from '../api/hub-types';
import { MergeHistory } from '../merge/merge-history';
import { navigate, routeHref, type ContactTab } from '../router/route';
import { useSession } from '../session/session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { countryFlag, countryName, formatDateTime } from '../ui/format';
import { useNotify } from '../ui/notices';
import { Tabs } from '../ui/tabs';
import { Avatar } from './avatar';
import { ChannelsPanel } from './channels-panel';
import { DisplayNameEditor } from './display-name-editor';
import { MessagesPanel } from './messages-panel';
import { ProfileForm } from './profile-form';
import { TagEditor } from './tag-editor';

const TABS: { id: ContactTab; label: string }[] = [
  { id: 'profile', label: 'Profile' },
  { id: 'tags', label: 'Tags' },
  { id: 'messages', label: 'Messages' },
  { id: 'channels', label: 'Channels' },
  { id: 'merges', label: 'Merges' },
];

/** One contact: name, flag and avatar, Block / Unblock, and tabs for fields, tags, messages, channels and merges. */
export function ContactScreen({ id, tab }: { id: string; tab: ContactTab }) {
  const session = useSession();
  const notify = useNotify();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const load = async () => {
    try {
      setContact(await session.client.getContact(`id:${id}`));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => void load(), [id]);
  useEffect(() => {
    // A merged-away id resolves to the survivor: show it under its own id.
    if (contact && contact.id !== id) navigate({ name: 'contact', id: contact.id, tab });
  }, [contact?.id]);

  if (error) {
    return (
      <section>
        <h1 tabIndex={-1}>Contact</h1>
        <p class="field-error" role="alert">
          {error}
        </p>
        <a href={routeHref({ name: 'contacts' })}>Back to contacts</a>
      </section>
    );
  }
  if (!contact) return <p role="status">Loading…</p>;

  const toggleBlock = async () => {
    try {
      const next = contact.blocked
        ? await session.client.unblockContact(`id:${contact.id}`)
        : await session.client.blockContact(`id:${contact.id}`);
      setContact(next);
      notify(next.blocked ? `Blocked ${next.displayName}: their messages are now hidden` : `Unblocked ${next.displayName}`);
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };

  return (
    <div class="contact-screen">
      <a class="back-link" href={routeHref({ name: 'contacts' })}>
        ← Contacts
      </a>
      <header class="contact-head">
        <Avatar contact={contact} size="large" />
        <div class="contact-title">
          <DisplayNameEditor key={contact.updatedAt} contact={contact} onSaved={setContact} />
          <p class="contact-facts">
            {contact.country && (
              <span class="country">
                <span class="flag" role="img" aria-label={countryName(contact.country)}>
                  {countryFlag(contact.country)}
                </span>{' '}
                {countryName(contact.country)}
              </span>
            )}
            {contact.phone && <span>{contact.phone}</span>}
            {contact.email && <span>{contact.email}</span>}
            <span>Created {formatDateTime(contact.createdAt)}</span>
            {contact.blocked && <span class="badge danger-badge">Blocked since {formatDateTime(contact.blockedAt)}</span>}
          </p>
        </div>
        <div class="contact-actions">
          <button type="button" onClick={() => void toggleBlock()}>
            {contact.blocked ? 'Unblock' : 'Block'}
          </button>
          {session.can('contacts.delete') && (
            <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          )}
        </div>
      </header>
      <Tabs label="Contact sections" tabs={TABS} selected={tab} onSelect={(t) => navigate({ name: 'contact', id: contact.id, tab: t })}>
        {tab === 'profile' && <ProfileForm key={contact.updatedAt} contact={contact} onSaved={setContact} />}
        {tab === 'tags' && <TagEditor contact={contact} onChanged={setContact} />}
        {tab === 'messages' && <MessagesPanel contact={contact} />}
        {tab === 'channels' && <ChannelsPanel contact={contact} onChanged={() => void load()} />}
        {tab === 'merges' && <MergeHistory contact={contact} onChanged={() => void load()} />}
      </Tabs>
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete ${contact.displayName}?`}
          confirmLabel="Delete contact"
          danger
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            try {
              await session.client.deleteContact(`id:${contact.id}`);
              notify(`Deleted ${contact.displayName}`);
              navigate({ name: 'contacts' });
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
