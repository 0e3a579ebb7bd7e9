import type { ComponentChildren } from 'preact';
import type { Contact } from '../api/hub-types';
import { fieldLabel } from '../labels/labels';
import type { Catalogue } from '../session/catalogue';
import { countryFlag, formatDateTime } from '../ui/format';
import type { SortBy } from './contact-query';
import { PermissionSwitch } from './permission-switch';

export interface ColumnContext {
  catalogue: Catalogue;
  onPermission: (contact: Contact, field: 'proactive' | 'reactive', value: boolean) => void;
}

export interface ColumnDef {
  key: string;
  label: string;
  sortBy?: SortBy;
  render: (contact: Contact, ctx: ColumnContext) => ComponentChildren;
}

const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : String(v));

function permission(field: 'proactive' | 'reactive'): ColumnDef {
  return {
    key: field,
    label: fieldLabel(field),
    render: (c, ctx) => (
      <PermissionSwitch
        checked={c[field]}
        label={`${fieldLabel(field)} messages for ${c.displayName}`}
        onChange={(value) => ctx.onPermission(c, field, value)}
      />
    ),
  };
}

/** Every column the table can show besides Name (which is always there), custom fields last. */
export function tableColumns(catalogue: Catalogue): ColumnDef[] {
  const standard: ColumnDef[] = [
    { key: 'phone', label: fieldLabel('phone'), render: (c) => text(c.phone) },
    { key: 'email', label: fieldLabel('email'), render: (c) => text(c.email) },
    {
      key: 'country',
      label: fieldLabel('country'),
      render: (c) => (c.country ? `${countryFlag(c.country)} ${c.country}` : '—'),
    },
    { key: 'language', label: fieldLabel('language'), render: (c) => text(c.language) },
    { key: 'externalCode', label: fieldLabel('externalCode'), render: (c) => text(c.externalCode) },
    {
      key: 'tags',
      label: fieldLabel('tags'),
      render: (c) =>
        c.tags.length === 0 ? (
          '—'
        ) : (
          <ul class="chips">
            {c.tags.map((t) => (
              <li class="chip">{t}</li>
            ))}
          </ul>
        ),
    },
    {
      key: 'assignee',
      label: fieldLabel('assignee'),
      render: (c, ctx) => (c.assignee ? (ctx.catalogue.users.find((u) => u.id === c.assignee)?.name ?? c.assignee) : '—'),
    },
    { key: 'conversationStatus', label: fieldLabel('conversationStatus'), render: (c) => c.conversationStatus },
    {
      key: 'lastInteractedChannelId',
      label: fieldLabel('lastInteractedChannelId'),
      render: (c, ctx) =>
        c.lastInteractedChannelId ? (ctx.catalogue.channels.find((ch) => ch.id === c.lastInteractedChannelId)?.name ?? c.lastInteractedChannelId) : '—',
    },
    { key: 'createdAt', label: fieldLabel('createdAt'), sortBy: 'createdAt', render: (c) => formatDateTime(c.createdAt) },
    {
      key: 'lastInteractionAt',
      label: fieldLabel('lastInteractionAt'),
      sortBy: 'lastInteractionAt',
      render: (c) => formatDateTime(c.lastInteractionAt),
    },
    permission('proactive'),
    permission('reactive'),
  ];
  const custom: ColumnDef[] = catalogue.customFields.map((f) => ({
    key: `customFields.${f.key}`,
    label: f.label,
    render: (c) => {
      const v = c.customFields[f.key];
      if (typeof v === 'boolean') return v ? 'Yes' : 'No';
      return text(v);
    },
  }));
  return [...standard, ...custom];
}
