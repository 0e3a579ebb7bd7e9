import { useEffect, useState } from 'preact/hooks';
import type { ListAnswer } from '../../client/api-types';
import { errorText } from '../api/error-text';
import type { ChannelInfo, Contact, ContactChannel } from '../api/hub-types';
import { CHANNEL_STATE_LABELS, CHANNEL_TYPE_LABELS } from '../labels/labels';
import { useSession } from '../session/session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { formatDateTime } from '../ui/format';
import { useNotify } from '../ui/notices';
import { FirstMessageDialog } from './first-message-dialog';

interface Props {
  contact: Contact;
  /** Something changed on the hub (a send, a removal): the contact is read again. */
  onChanged: () => void;
}

/**
 * Every workspace channel with the contact's state: active (connected at), inactive (Send first
 * message) or unavailable (only the contact can open it); Remove on active ones for owners and managers.
 */
export function ChannelsPanel({ contact, onChanged }: Props) {
  const session = useSession();
  const notify = useNotify();
  const [rows, setRows] = useState<ContactChannel[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<ChannelInfo | null>(null);
  const [removing, setRemoving] = useState<ContactChannel | null>(null);

  const load = async () => {
    try {
      const answer = (await session.client.listContactChannels(`id:${contact.id}`)) as unknown as ListAnswer<ContactChannel>;
      setRows(answer.data);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => void load(), [contact.id, contact.updatedAt]);
  const canRemove = session.can('contacts.removeChannel');

  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">Channels</h2>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <table class="channels-table">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">State</th>
            <th scope="col">Details</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr data-channel-id={r.channel.id} data-state={r.state}>
              <th scope="row">
                {r.channel.name} <span class="hint">{CHANNEL_TYPE_LABELS[r.channel.type] ?? r.channel.type}</span>
              </th>
              <td>
                <span class={`badge state-${r.state}`}>{CHANNEL_STATE_LABELS[r.state]}</span>
              </td>
              <td>
                {r.state === 'active' && r.identity && (
                  <>
                    {r.identity.address} · connected <time dateTime={r.identity.connectedAt}>{formatDateTime(r.identity.connectedAt)}</time>
                  </>
                )}
                {r.state === 'inactive' && 'Not connected yet: the first message connects it'}
                {r.state === 'unavailable' && 'Only the contact can start it, by writing first'}
              </td>
              <td>
                {r.state === 'inactive' && (
                  <button type="button" onClick={() => setSending(r.channel)} aria-label={`Send first message on ${r.channel.name}`}>
                    Send first message
                  </button>
                )}
                {r.state === 'active' && canRemove && (
                  <button type="button" class="danger" onClick={() => setRemoving(r)} aria-label={`Remove ${r.channel.name}`}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sending && (
        <FirstMessageDialog
          contact={contact}
          channel={sending}
          onClose={() => setSending(null)}
          onSent={() => {
            notify(`Sent the first message: ${sending.name} is connected`);
            setSending(null);
            void load();
            onChanged();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.channel.name} from ${contact.displayName}?`}
          confirmLabel="Remove channel"
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            try {
              await session.client.removeContactChannel(`id:${contact.id}`, removing.channel.id);
              notify(`Removed ${removing.channel.name}; the messages are kept`);
              setRemoving(null);
              void load();
              onChanged();
            } catch (e) {
              notify(errorText(e), 'error');
            }
          }}
        >
          <p>The contact's address on this channel is deleted; the message history stays.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
