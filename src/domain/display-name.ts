/** The fields a display name is derived from. */
export interface DisplayNameSource {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
}

function present(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/**
 * The contact's display name: first and last name joined by a space (either alone when the
 * other is missing); without a name, the phone number; without one, the e-mail address;
 * else the empty string. Blank values count as missing.
 */
export function displayName(source: DisplayNameSource): string {
  const name = [present(source.firstName), present(source.lastName)].filter((p) => p !== null).join(' ');
  return name || present(source.phone) || present(source.email) || '';
}
