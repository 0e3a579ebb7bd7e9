import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ModalDialog } from './modal-dialog';

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

/** Asks before something that cannot be undone; the Cancel button has the focus first. */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <ModalDialog title={title} onClose={onClose}>
      <div class="confirm-text">{children}</div>
      <div class="dialog-actions">
        <button type="button" data-autofocus onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          class={danger ? 'danger' : 'primary'}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
            }
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
