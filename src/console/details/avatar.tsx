import { useState } from 'preact/hooks';
import type { Contact } from '../api/hub-types';

/** Up to two initials of the display name ("Ana Souza" → "AS"); "?" without a name. */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w))
    .map((w) => [...w.replace(/^[^\p{L}]+/u, '')][0] ?? '')
    .filter(Boolean);
  return (letters.length > 1 ? letters[0] + letters[letters.length - 1] : (letters[0] ?? '?')).toUpperCase();
}

/** A hue from the contact id, so each contact keeps its colour. */
function hue(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

const HUE_CLASSES = 8;

/** The profile picture, or the initials on a coloured disc when there is none or it does not load. */
export function Avatar({ contact, size }: { contact: Pick<Contact, 'id' | 'displayName' | 'profilePic'>; size: 'small' | 'large' }) {
  const [failed, setFailed] = useState(false);
  if (contact.profilePic && !failed) {
    return <img class={`avatar ${size}`} src={contact.profilePic} alt="" onError={() => setFailed(true)} referrerpolicy="no-referrer" />;
  }
  return (
    <span class={`avatar ${size} fallback hue-${Math.floor(hue(contact.id) / (360 / HUE_CLASSES))}`} aria-hidden="true">
      {initials(contact.displayName)}
    </span>
  );
}
