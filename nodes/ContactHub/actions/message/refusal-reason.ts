import type { INodeExecutionData } from 'n8n-workflow';

/**
 * Makes the hub's refusal reason (`blocked`, `proactive_off`, `reactive_off`,
 * `no_usable_channel`, `unknown_channel`) part of the error items continueOnFail produced, so
 * a workflow can route on `{{ $json.reason }}` without parsing the message.
 *
 * n8n's engine replaces the JSON of every item that carries an `error` object with
 * `{ error: message }`, which would drop the reason; a refused item therefore keeps its
 * message, reason and code in its JSON and leaves the error object out.
 */
export function withRefusalReasons(items: INodeExecutionData[]): INodeExecutionData[] {
  return items.map((item) => {
    const reason = item.error?.errorResponse?.reason;
    if (!item.error || typeof reason !== 'string') return item;
    const code = item.error.errorResponse?.code;
    return {
      json: { error: item.error.message, reason, ...(typeof code === 'string' ? { code } : {}) },
      pairedItem: item.pairedItem,
    };
  });
}
