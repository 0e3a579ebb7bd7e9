import type { CallOptions, Contact, JsonObject, ListAnswer, User, WorkspaceInfo } from './api-types';
import { ContactHubApiError } from './contact-hub-api-error';
import type { HubMethod, HubQuery, HubRequest, HubRequestOptions, HubResponse } from './hub-request';

/** Encodes one path segment (a contact ref such as `email:ana@example.com`, an id). */
const seg = (value: string): string => encodeURIComponent(value);

/**
 * A typed client for the Contact Hub API v1 (SPEC §4) over any HubRequest. Every method
 * resolves with the answer body, or rejects with a ContactHubApiError carrying the hub's
 * status, code, message, details and reason.
 */
export class ContactHubClient {
  constructor(private readonly transport: HubRequest) {}

  /** Sends a request and answers the full response, whatever its status. */
  async raw(req: HubRequestOptions): Promise<HubResponse> {
    return await this.transport(req);
  }

  /** Sends a request; a status of 400 or above rejects with ContactHubApiError. */
  async request<T>(req: HubRequestOptions): Promise<T> {
    const res = await this.transport(req);
    if (res.status >= 400) throw new ContactHubApiError(res.status, res.body);
    return res.body as T;
  }

  private call<T>(method: HubMethod, path: string, body?: unknown, opts?: CallOptions & { query?: HubQuery }): Promise<T> {
    const headers: Record<string, string> = {};
    if (opts?.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    return this.request<T>({ method, path, body, query: opts?.query, headers });
  }

  // Workspace and users

  getWorkspace(): Promise<WorkspaceInfo> {
    return this.call('GET', '/v1/workspace');
  }

  listUsers(): Promise<ListAnswer<User>> {
    return this.call('GET', '/v1/users');
  }

  // Contacts

  createContact(body: JsonObject, opts?: CallOptions): Promise<Contact> {
    return this.call('POST', '/v1/contacts', body, opts);
  }

  /** Creates or updates by a match order; the answer says whether it created. */
  upsertContact(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/contacts/upsert', body, opts);
  }

  getContact(ref: string): Promise<Contact> {
    return this.call('GET', `/v1/contacts/${seg(ref)}`);
  }

  updateContact(ref: string, body: JsonObject): Promise<Contact> {
    return this.call('PATCH', `/v1/contacts/${seg(ref)}`, body);
  }

  deleteContact(ref: string): Promise<JsonObject | null> {
    return this.call('DELETE', `/v1/contacts/${seg(ref)}`);
  }

  /** Filter or segment id, text, sort, cursor, limit. */
  searchContacts(body: JsonObject): Promise<ListAnswer<Contact>> {
    return this.call('POST', '/v1/contacts/search', body);
  }

  countContacts(body: JsonObject): Promise<JsonObject> {
    return this.call('POST', '/v1/contacts/count', body);
  }

  bulkUpsertContacts(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/contacts/bulk/upsert', body, opts);
  }

  bulkTagContacts(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/contacts/bulk/tags', body, opts);
  }

  bulkDeleteContacts(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/contacts/bulk/delete', body, opts);
  }

  /** The contacts of a filter or segment as CSV text. */
  exportContacts(body: JsonObject): Promise<string> {
    return this.request<string>({ method: 'POST', path: '/v1/contacts/export', body, responseType: 'text' });
  }

  /** Imports CSV; options (match key, …) go in the query. Answers per-row results. */
  importContacts(csv: string | Buffer, query?: HubQuery, opts?: CallOptions): Promise<JsonObject> {
    const headers: Record<string, string> = {};
    if (opts?.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    return this.request({ method: 'POST', path: '/v1/contacts/import', rawBody: csv, contentType: 'text/csv', query, headers });
  }

  mergeContacts(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/contacts/merge', body, opts);
  }

  unmerge(mergeId: string, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', `/v1/merges/${seg(mergeId)}/unmerge`, undefined, opts);
  }

  listMerges(ref: string): Promise<ListAnswer<JsonObject>> {
    return this.call('GET', `/v1/contacts/${seg(ref)}/merges`);
  }

  findDuplicates(query?: HubQuery): Promise<ListAnswer<JsonObject>> {
    return this.call('GET', '/v1/contacts/duplicates', undefined, { query });
  }

  blockContact(ref: string, body?: JsonObject, opts?: CallOptions): Promise<Contact> {
    return this.call('POST', `/v1/contacts/${seg(ref)}/block`, body, opts);
  }

  unblockContact(ref: string, opts?: CallOptions): Promise<Contact> {
    return this.call('POST', `/v1/contacts/${seg(ref)}/unblock`, undefined, opts);
  }

  addContactTags(ref: string, body: JsonObject, opts?: CallOptions): Promise<Contact> {
    return this.call('POST', `/v1/contacts/${seg(ref)}/tags`, body, opts);
  }

  removeContactTags(ref: string, body: JsonObject): Promise<Contact> {
    return this.call('DELETE', `/v1/contacts/${seg(ref)}/tags`, body);
  }

  /** Every workspace channel with the contact's state on it. */
  listContactChannels(ref: string): Promise<ListAnswer<JsonObject>> {
    return this.call('GET', `/v1/contacts/${seg(ref)}/channels`);
  }

  removeContactChannel(ref: string, channelId: string): Promise<JsonObject | null> {
    return this.call('DELETE', `/v1/contacts/${seg(ref)}/channels/${seg(channelId)}`);
  }

  listContactMessages(ref: string, query?: HubQuery): Promise<ListAnswer<JsonObject>> {
    return this.call('GET', `/v1/contacts/${seg(ref)}/messages`, undefined, { query });
  }

  sendMessage(ref: string, body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', `/v1/contacts/${seg(ref)}/messages`, body, opts);
  }

  // Incoming messages

  recordIncoming(channelId: string, body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', `/v1/channels/${seg(channelId)}/incoming`, body, opts);
  }

  // Catalogue

  listTags(query?: HubQuery): Promise<ListAnswer<JsonObject>> {
    return this.call('GET', '/v1/tags', undefined, { query });
  }

  createTag(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/tags', body, opts);
  }

  updateTag(tagId: string, body: JsonObject): Promise<JsonObject> {
    return this.call('PATCH', `/v1/tags/${seg(tagId)}`, body);
  }

  deleteTag(tagId: string): Promise<JsonObject | null> {
    return this.call('DELETE', `/v1/tags/${seg(tagId)}`);
  }

  /** Custom field definitions ordered by key; `cursor` and `limit` (1–500) page them. */
  listCustomFields(query?: HubQuery): Promise<ListAnswer<JsonObject>> {
    return this.call('GET', '/v1/custom-fields', undefined, { query });
  }

  createCustomField(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/custom-fields', body, opts);
  }

  /** The workspace's channels, oldest first; `cursor` and `limit` (1–500) page them. */
  listChannels(query?: HubQuery): Promise<ListAnswer<JsonObject>> {
    return this.call('GET', '/v1/channels', undefined, { query });
  }

  createChannel(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/channels', body, opts);
  }

  // Segments

  listSegments(query?: HubQuery): Promise<ListAnswer<JsonObject>> {
    return this.call('GET', '/v1/segments', undefined, { query });
  }

  createSegment(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/segments', body, opts);
  }

  getSegment(segmentId: string): Promise<JsonObject> {
    return this.call('GET', `/v1/segments/${seg(segmentId)}`);
  }

  updateSegment(segmentId: string, body: JsonObject): Promise<JsonObject> {
    return this.call('PATCH', `/v1/segments/${seg(segmentId)}`, body);
  }

  deleteSegment(segmentId: string): Promise<JsonObject | null> {
    return this.call('DELETE', `/v1/segments/${seg(segmentId)}`);
  }

  // Webhooks

  listWebhooks(): Promise<ListAnswer<JsonObject>> {
    return this.call('GET', '/v1/webhooks');
  }

  createWebhook(body: JsonObject, opts?: CallOptions): Promise<JsonObject> {
    return this.call('POST', '/v1/webhooks', body, opts);
  }

  getWebhook(webhookId: string): Promise<JsonObject> {
    return this.call('GET', `/v1/webhooks/${seg(webhookId)}`);
  }

  deleteWebhook(webhookId: string): Promise<JsonObject | null> {
    return this.call('DELETE', `/v1/webhooks/${seg(webhookId)}`);
  }
}
