/**
 * The fields of the profile form: the standard profile fields and the workspace's custom fields,
 * each with the kind of control its type needs, and the conversions between the form's text and
 * the API's values.
 */
import { PROFILE_FIELDS } from '../../domain/contact';
import type { Contact, CustomFieldInfo, CustomFieldValue } from '../api/hub-types';
import { fieldLabel } from '../labels/labels';
import type { Catalogue } from '../session/catalogue';

export type ControlKind = 'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'datetime' | 'checkbox' | 'tristate' | 'select';

export interface FormField {
  /** The API path: `phone`, `customFields.birthday`. */
  path: string;
  label: string;
  control: ControlKind;
  options?: readonly { value: string; label: string }[];
  hint?: string;
}

const STANDARD_CONTROLS: Readonly<Record<string, Pick<FormField, 'control' | 'hint'>>> = {
  externalCode: { control: 'text' },
  firstName: { control: 'text' },
  lastName: { control: 'text' },
  email: { control: 'email' },
  phone: { control: 'tel', hint: 'International (+44 7400 123456) or national in the workspace country' },
  country: { control: 'text', hint: 'Two letters, e.g. GB; derived from the phone when empty' },
  language: { control: 'text', hint: 'BCP 47, e.g. en or pt-BR' },
  profilePic: { control: 'url' },
  assignee: { control: 'select' },
  proactive: { control: 'checkbox', hint: 'May receive broadcasts and scheduled messages' },
  reactive: { control: 'checkbox', hint: 'May receive automated replies to their own messages' },
};

function customControl(def: CustomFieldInfo): FormField {
  const path = `customFields.${def.key}`;
  switch (def.type) {
    case 'number':
      return { path, label: def.label, control: 'number' };
    case 'boolean':
      return { path, label: def.label, control: 'tristate' };
    case 'date':
      return { path, label: def.label, control: 'date' };
    case 'datetime':
      return { path, label: def.label, control: 'datetime' };
    case 'email':
      return { path, label: def.label, control: 'email' };
    case 'phone':
      return { path, label: def.label, control: 'tel' };
    case 'url':
      return { path, label: def.label, control: 'url' };
    case 'list':
      return { path, label: def.label, control: 'select', options: (def.options ?? []).map((o) => ({ value: o, label: o })) };
    default:
      return { path, label: def.label, control: 'text' };
  }
}

export function profileFields(catalogue: Catalogue): { standard: FormField[]; custom: FormField[] } {
  const standard = PROFILE_FIELDS.map((f): FormField => {
    const base: FormField = { path: f, label: fieldLabel(f), ...STANDARD_CONTROLS[f] };
    if (f === 'assignee') base.options = catalogue.users.map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }));
    return base;
  });
  standard.push({
    path: 'conversationStatus',
    label: fieldLabel('conversationStatus'),
    control: 'select',
    options: [
      { value: 'open', label: 'Open' },
      { value: 'closed', label: 'Closed' },
    ],
  });
  return { standard, custom: catalogue.customFields.map(customControl) };
}

function rawValue(contact: Contact, path: string): CustomFieldValue | undefined {
  if (path.startsWith('customFields.')) return contact.customFields[path.slice('customFields.'.length)];
  return (contact as unknown as Record<string, CustomFieldValue | undefined>)[path];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The form's text for a field's value (a datetime in the local time of a datetime-local input). */
export function toFormText(contact: Contact, field: FormField): string {
  const v = rawValue(contact, field.path);
  if (v === null || v === undefined) return '';
  if (field.control === 'datetime' && typeof v === 'string') {
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) return v;
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  return String(v);
}

/** The API value of the form's text: empty clears, numbers and booleans are typed, local times become instants. */
export function fromFormText(field: FormField, text: string): CustomFieldValue {
  if (field.control === 'checkbox') return text === 'true';
  if (text.trim() === '') return null;
  switch (field.control) {
    case 'number':
      return Number.isFinite(Number(text)) ? Number(text) : text;
    case 'tristate':
      return text === 'true';
    case 'datetime': {
      const d = new Date(text);
      return Number.isNaN(d.getTime()) ? text : d.toISOString();
    }
    default:
      return text.trim();
  }
}

/** The PATCH body of what changed: standard fields flat, custom fields under `customFields`. */
export function changesOf(contact: Contact, fields: readonly FormField[], texts: Readonly<Record<string, string>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const custom: Record<string, CustomFieldValue> = {};
  for (const field of fields) {
    const text = texts[field.path];
    if (text === undefined || text === toFormText(contact, field)) continue;
    const value = fromFormText(field, text);
    if (field.path.startsWith('customFields.')) custom[field.path.slice('customFields.'.length)] = value;
    else body[field.path] = value;
  }
  if (Object.keys(custom).length > 0) body.customFields = custom;
  return body;
}
