import { useEffect, useState } from 'preact/hooks';
import type { ListAnswer } from '../../client/api-types';
import { errorText } from '../api/error-text';
import type { Contact, Message } from '../api/hub-types';
import { useSession } from '../session/session';
import { formatDateTime } from '../ui/format';

/** The contact's messages, newest first, hidden ones (received while blocked) included and marked. */
export function MessagesPanel({ contact }: { contact: Contact }) {
  const { client, catalogue } = useSession();
  const [messages, setMessages] = useState<Message[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = async (from: string | null) => {
    setLoading(true);
    try {
      const page = (await client.listContactMessages(`id:${contact.id}`, {
        includeHidden: true,
        limit: 50,
        cursor: from ?? undefined,
      })) as unknown as ListAnswer<Message>;
      setMessages((list) => (from ? [...list, ...page.data] : page.data));
      setCursor(page.nextCursor ?? null);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(null), [contact.id, contact.updatedAt]);

  const channelName = (id: string | null) => (id ? (catalogue.channels.find((c) => c.id === id)?.name ?? id) : '—');
  return (
    <section aria-labelledby="messages-heading">
      <div class="section-head">
        <h2 id="messages-heading">Messages</h2>
        <button type="button" onClick={() => void load(null)}>
          Refresh
        </button>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {!loading && messages.length === 0 && !error && <p class="hint">No messages yet.</p>}
      <ol class="messages">
        {messages.map((m) => (
          <li class={`message ${m.direction}${m.hidden ? ' hidden-message' : ''}`} data-message-id={m.id}>
            <div class="message-meta">
              <span class="badge">{m.direction === 'incoming' ? 'Incoming' : 'Outgoing'}</span>
              {m.kind && <span class="badge">{m.kind}</span>}
              {m.hidden && <span class="badge danger-badge">Hidden: received while blocked</span>}
              <span>{channelName(m.channelId)}</span>
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
            </div>
            <p class="message-text">{m.text ?? `(${m.type})`}</p>
          </li>
        ))}
      </ol>
      {cursor && (
        <button type="button" onClick={() => void load(cursor)} disabled={loading}>
          Load older messages
        </button>
      )}
    </section>
  );
}
