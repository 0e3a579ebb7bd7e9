import { useState } from 'preact/hooks';
import { errorText } from '../api/error-text';
import type { ChannelInfo, Contact } from '../api/hub-types';
import { useSession } from '../session/session';
import { ModalDialog } from '../ui/modal-dialog';

interface Props {
  contact: Contact;
  channel: ChannelInfo;
  onSent: () => void;
  onClose: () => void;
}

/** Send first message on an inactive channel: the send connects it (POST /v1/contacts/{ref}/messages). */
export function FirstMessageDialog({ contact, channel, onSent, onClose }: Props) {
  const { client } = useSession();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'proactive' | 'reactive'>('proactive');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await client.sendMessage(`id:${contact.id}`, { channelId: channel.id, kind, text });
      onSent();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalDialog title={`First message on ${channel.name}`} onClose={onClose}>
      <form onSubmit={send} noValidate>
        <label for="first-message">Message</label>
        <textarea id="first-message" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <fieldset class="inline">
          <legend>Kind</legend>
          <label class="check">
            <input type="radio" name="kind" checked={kind === 'proactive'} onChange={() => setKind('proactive')} />
            Proactive (broadcast, scheduled)
          </label>
          <label class="check">
            <input type="radio" name="kind" checked={kind === 'reactive'} onChange={() => setKind('reactive')} />
            Reactive (a reply)
          </label>
        </fieldset>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy || text.trim() === ''}>
            Send
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
