import { normalizePhone } from '../phone';

/** Separators a phone number may be written with. */
const PHONE_SEPARATORS = /[\s().\-/]/g;
/** A URI-like scheme in front of an address, e.g. `whatsapp:` or `tel:`. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Comparison key of a phone number or a phone-based channel address (`+44 7400 123456`,
 * `447400123456`, `whatsapp:+447400123456`, `447400123456@s.whatsapp.net`): `+` and its digits
 * (E.164 form). Channels give addresses in international form, with or without `+`; `00` is
 * read as `+`. A national number (leading `0`) is read with `country` (the contact's) when
 * given and valid, else has no key. Null when it does not look like a phone number.
 * (No full validation here: stored profile phones are E.164 already, and two identical
 * addresses should match even when the number is not valid.)
 */
export function phoneKey(raw: string, country?: string | null): string | null {
  let s = raw.trim().replace(SCHEME, '');
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  s = s.replace(PHONE_SEPARATORS, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  else if (s.startsWith('0')) {
    if (!country) return null;
    try {
      return normalizePhone(s, country).e164;
    } catch {
      return null;
    }
  }
  if (!s.startsWith('+')) s = `+${s}`;
  return /^\+[1-9]\d{5,14}$/.test(s) ? s : null;
}

/** Comparison key of an e-mail address: trimmed and lower-cased (a `mailto:` prefix dropped); null when blank or without `@`. */
export function emailKey(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return s.includes('@') ? s : null;
}

/** Comparison key of an external code: trimmed, lower-cased; null when blank. */
export function externalCodeKey(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return s === '' ? null : s;
}

/**
 * Comparison key of a person's name: first and last name joined, trimmed, inner spaces
 * collapsed, lower-cased, accents removed (`José  Álvarez` → `jose alvarez`); null when empty.
 */
export function nameKey(firstName: string | null, lastName: string | null): string | null {
  const s = [firstName ?? '', lastName ?? '']
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return s === '' ? null : s;
}
