import { DomainError, type DomainErrorCode, type ErrorDetail } from '../../domain/errors';
import {
  PG_DEADLOCK,
  PG_FOREIGN_KEY_VIOLATION,
  PG_SERIALIZATION_FAILURE,
  PG_UNIQUE_VIOLATION,
  pgConstraint,
  pgErrorCode,
} from '../db/database';

/** The body of every error answer: `{"error": {"code", "message", "details": [{"path", "message"}]}}`. */
export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[]; reason?: string };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
}

const STATUS: Record<DomainErrorCode, number> = {
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_refused: 422,
  rate_limited: 429,
};

/** Unique constraints and the field a person should look at when one refuses a write. */
const UNIQUE_FIELDS: Record<string, { path: string; message: string }> = {
  contacts_pkey: { path: 'id', message: 'a contact with this id already exists' },
  contacts_phone_unique: { path: 'phone', message: 'another contact already has this phone number' },
  contacts_email_unique: { path: 'email', message: 'another contact already has this e-mail address' },
  contacts_external_code_unique: { path: 'externalCode', message: 'another contact already has this external code' },
  tags_workspace_id_name_key_key: { path: 'name', message: 'a tag with this name already exists' },
  segments_workspace_id_name_key_key: { path: 'name', message: 'a segment with this name already exists' },
  custom_fields_pkey: { path: 'key', message: 'a custom field with this key already exists' },
  channels_pkey: { path: 'id', message: 'a channel with this id already exists' },
  channel_identities_workspace_id_channel_id_address_key: {
    path: 'address',
    message: 'this address on this channel already belongs to another contact',
  },
};

function body(code: string, message: string, details: ErrorDetail[] = [], reason?: string): ErrorBody {
  return { error: reason ? { code, message, details, reason } : { code, message, details } };
}

/** Fastify's own request errors (bad JSON, wrong content type, body too large). */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * Turns anything a handler threw into an answer. Content can never make it a 500: only a
 * fault of the server itself (a bug, a lost database) is answered 500, without its stack.
 */
export function toErrorResponse(e: unknown): ErrorResponse {
  if (e instanceof DomainError) {
    return { status: STATUS[e.code], body: body(e.code, e.message, e.details, e.reason) };
  }
  const pgCode = pgErrorCode(e);
  if (pgCode === PG_UNIQUE_VIOLATION) {
    const known = UNIQUE_FIELDS[pgConstraint(e) ?? ''];
    const detail = known ?? { path: '', message: 'a record with these values already exists' };
    return {
      status: 409,
      body: body('conflict', detail.path ? `${detail.path}: ${detail.message}` : detail.message, [detail]),
    };
  }
  if (pgCode === PG_DEADLOCK || pgCode === PG_SERIALIZATION_FAILURE) {
    return {
      status: 409,
      body: body('conflict', 'A concurrent change to the same records got in the way; retry the request'),
    };
  }
  if (pgCode?.startsWith('22')) {
    // Data exceptions (a value out of the column's range, a NUL byte, a bad date): bad input.
    const message = 'A value in the request cannot be stored (out of range or holding characters text cannot hold)';
    return { status: 400, body: body('validation_error', message, [{ path: 'body', message }]) };
  }
  if (pgCode === PG_FOREIGN_KEY_VIOLATION) {
    return { status: 409, body: body('conflict', 'the record refers to something that no longer exists') };
  }
  const fe = e as FrameworkError;
  if (typeof fe === 'object' && fe !== null && typeof fe.statusCode === 'number' && fe.statusCode < 500) {
    const status = fe.statusCode;
    const code =
      status === 413
        ? 'payload_too_large'
        : status === 415
          ? 'unsupported_media_type'
          : status === 404
            ? 'not_found'
            : status === 429
              ? 'rate_limited'
              : 'validation_error';
    const message =
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/i.test(fe.message ?? '')
        ? 'The request body is not valid JSON'
        : fe.code === 'FST_ERR_CTP_NUL_CHARACTER'
          ? (fe.message ?? 'The request body contains a NUL character')
          : fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The request body is empty but Content-Type says JSON; send a JSON body or no Content-Type'
          : status === 415
            ? 'Unsupported Content-Type: send application/json (text/csv for import)'
            : status === 413
              ? 'The request body is too large'
              : (fe.message ?? 'Bad request');
    return { status, body: body(code, message, [{ path: 'body', message }]) };
  }
  return { status: 500, body: body('internal_error', 'The server failed to handle the request; it has been logged') };
}

export function notFoundBody(method: string, url: string): ErrorBody {
  return body('not_found', `No route ${method} ${url.split('?')[0]}; see GET /v1/openapi.json`);
}
