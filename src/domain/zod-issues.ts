import type { z } from 'zod/v4';
import { validationErrors } from './errors';
import { zodIssuesToDetails } from './zod-details';

/**
 * Parses `input` with `schema`; on failure throws a `validation_error` DomainError whose
 * details name every offending field (hub path notation of zod-details: `from.address`,
 * `events[0]`), prefixed with `basePath` when given.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, basePath = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationErrors(zodIssuesToDetails(result.error.issues, basePath));
}
