import type { IWebhookFunctions } from 'n8n-workflow';
import { ContactHubApiError } from '../../src/client/contact-hub-api-error';
import { hubClient } from '../ContactHub/transport';

/** What the hub said to a claim of a delivered event. */
export type ClaimOutcome =
  /** This is the first claim: start the workflow. */
  | { kind: 'first' }
  /** Claimed before (a redelivery, or another n8n process got it first): start nothing. */
  | { kind: 'duplicate' }
  /** The hub no longer has this subscription. */
  | { kind: 'gone'; message: string }
  /** The claim could not be made (hub unreachable, an error answer): refuse, so the hub redelivers later. */
  | { kind: 'unavailable'; message: string };

interface ClaimAnswer {
  claimed: boolean;
}

/**
 * Claims a delivered event at the hub (`POST /v1/webhooks/:webhookId/claims`). The first claim
 * of an event id at a subscription wins, whichever n8n process (main, webhook or worker) makes
 * it, so every redelivery after it starts nothing. Any failure to claim is `unavailable`: the
 * trigger then refuses the delivery and the hub retries it later with backoff, so no event is
 * started twice and none is lost while the hub is unreachable.
 */
export async function claimEvent(ctx: IWebhookFunctions, webhookId: string, eventId: string): Promise<ClaimOutcome> {
  try {
    const answer = await (await hubClient(ctx)).request<ClaimAnswer>({
      method: 'POST',
      path: `/v1/webhooks/${encodeURIComponent(webhookId)}/claims`,
      body: { eventId },
    });
    return answer.claimed === true ? { kind: 'first' } : { kind: 'duplicate' };
  } catch (error) {
    if (error instanceof ContactHubApiError && error.status === 404) {
      return { kind: 'gone', message: `The hub no longer has this subscription (${webhookId}); reactivate the workflow` };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'unavailable', message: `Could not claim event ${eventId} at the Contact Hub, so it was not started: ${reason}. The hub delivers it again later.` };
  }
}
