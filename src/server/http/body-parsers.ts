import type { FastifyInstance } from 'fastify';
import { jsonNestingExceeds, MAX_JSON_NESTING } from './json-nesting';

/** A request error Fastify hands to the error handler, which answers it in the error shape. */
function requestError(statusCode: number, code: string, message: string): Error {
  return Object.assign(new Error(message), { statusCode, code });
}

/** Why a JSON body is refused, or null when it parses. */
function refuseJson(text: string): Error | null {
  if (text.includes('\\u0000') || text.includes('\u0000')) {
    // PostgreSQL text and jsonb cannot hold NUL; refuse it here, for every route at once.
    return requestError(400, 'FST_ERR_CTP_NUL_CHARACTER', 'The request body contains a NUL character (\\u0000), which text fields cannot hold');
  }
  if (jsonNestingExceeds(text)) {
    return requestError(400, 'FST_ERR_CTP_TOO_DEEP', `The request body nests objects or arrays more than ${MAX_JSON_NESTING} levels deep`);
  }
  return null;
}

/**
 * The bodies the API reads: JSON (an empty body reads as no body, so `POST …/block` with a JSON
 * content type works), CSV or plain text for import, and an empty form body (some clients,
 * axios among them, label an empty POST as a form).
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    const refused = refuseJson(text);
    if (refused) return done(refused, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(requestError(400, 'FST_ERR_CTP_INVALID_JSON_BODY', 'The request body is not valid JSON'), undefined);
    }
  });
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    if (String(body).trim() === '') return done(null, undefined);
    done(requestError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Content-Type: send application/json (text/csv for import)'), undefined);
  });
}
