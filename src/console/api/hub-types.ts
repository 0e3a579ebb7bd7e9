/**
 * Shapes of the API v1 answers the console reads (GET /v1/openapi.json describes them all).
 * The contact itself is the domain's type.
 */
import type { ChannelState, ChannelType } from '../../domain/channel';
import type { Contact, CustomFieldValue } from '../../domain/contact';
import type { CustomFieldType } from '../../domain/custom-field';

export type { Contact, CustomFieldValue };

export interface ChannelInfo {
  id: string;
  type: ChannelType;
  name: string;
  createdAt: string;
}

export interface ContactChannel {
  channel: ChannelInfo;
  state: ChannelState;
  identity: { id: string; address: string; connectedAt: string; lastInteractionAt: string | null } | null;
}

export interface CustomFieldInfo {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[] | null;
}

export interface Segment {
  id: string;
  name: string;
  filter: unknown;
  count?: number;
}

export interface TagInfo {
  id: string;
  name: string;
  contactCount: number;
}

export interface Message {
  id: string;
  channelId: string | null;
  direction: 'incoming' | 'outgoing';
  kind: 'proactive' | 'reactive' | null;
  type: string;
  text: string | null;
  hidden: boolean;
  createdAt: string;
}

export interface MergeRecord {
  id: string;
  role: 'primary' | 'absorbed';
  primaryId: string;
  absorbedId: string;
  mergedAt: string;
  unmergedAt: string | null;
  fieldsTaken: { field: string; value: CustomFieldValue }[];
  addedTags: string[];
  movedIdentityIds: string[];
  movedMessageCount: number;
  primaryBefore: Contact;
  absorbedBefore: Contact;
}

export interface DuplicatePair {
  contactIds: [string, string];
  reasons: { kind: 'phone' | 'email' | 'externalCode' | 'nameAndCountry'; value: string }[];
  contacts: Contact[];
}

export interface ImportRow {
  line: number;
  status: 'created' | 'updated' | 'unchanged' | 'failed';
  contactId?: string;
  error?: { code: string; message: string };
}

export interface ImportAnswer {
  summary: { created: number; updated: number; unchanged: number; failed: number };
  ignoredColumns: string[];
  rows: ImportRow[];
}

export interface BulkTagAnswer {
  matched: number;
  changed: number;
  skipped: number;
}
