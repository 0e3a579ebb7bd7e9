import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { ContactHubApiError } from '../../../src/client/contact-hub-api-error';

/**
 * Turns what a hub call threw into an n8n error: a hub error answer becomes a NodeApiError
 * carrying the hub's message, details and status; n8n's own errors pass through; anything
 * else becomes a NodeOperationError.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
  if (error instanceof ContactHubApiError) {
    const details = error.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
    const response: JsonObject = {
      message: error.message,
      code: error.code,
      status: error.status,
      details: error.details.map((d) => ({ path: d.path, message: d.message })),
      ...(error.reason ? { reason: error.reason } : {}),
    };
    return new NodeApiError(node, response, {
      message: error.message,
      description: details.length > 0 ? details.join('\n') : undefined,
      httpCode: String(error.status),
      itemIndex,
    });
  }
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new NodeOperationError(node, message, { itemIndex });
}
