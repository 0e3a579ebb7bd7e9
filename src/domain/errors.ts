/**
 * Errors raised by domain rules. The code tells the caller what kind of failure it is;
 * the HTTP layer maps codes to statuses and n8n nodes map them to NodeApiError.
 */
export type DomainErrorCode =
  | 'validation_error' // bad input (HTTP 400)
  | 'unauthorized' // no or unknown credentials (401)
  | 'forbidden' // role does not allow it (403)
  | 'not_found' // (404)
  | 'conflict' // uniqueness or state conflict (409)
  | 'rule_refused' // a business rule refused it, e.g. sending to a blocked contact (422)
  | 'rate_limited'; // (429)

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `phone` or `customFields.birthday`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Machine-readable reason for `rule_refused`, e.g. `blocked`, `proactive_off`. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A validation failure on one field: the message names the field. */
export function fieldError(path: string, message: string): DomainError {
  return new DomainError('validation_error', `${path}: ${message}`, [{ path, message }]);
}

/** Several validation failures at once; the summary names every field. */
export function validationErrors(details: ErrorDetail[]): DomainError {
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return new DomainError('validation_error', summary || 'Invalid input', details);
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
