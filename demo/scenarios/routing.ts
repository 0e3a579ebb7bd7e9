import type { IDataObject } from 'n8n-workflow';
import { demoContact } from '../demo-data';
import { summariseDelivery, type ExampleRun } from '../demo-n8n';
import { assertSucceeded, isErrorItem, plural } from '../report';
import type { Scenario } from '../scenario';

const TRIGGER = 'Incoming WhatsApp message';
const TAG = 'Tag by topic';
const REPLY = 'Auto-reply';

interface Incoming {
  who: string;
  channelId: string;
  address: string;
  name?: string;
  text: string;
}

/** 04: activates the routing workflow, then messages arrive at the hub through its API. */
export const routing: Scenario = {
  file: '04-route-incoming-messages.json',
  async run({ hub, n8n, example, log }) {
    const phone = (key: string): string => demoContact(key).phone ?? '';
    const messages: Incoming[] = [
      { who: 'Amelia Jones', channelId: 'whatsapp', address: phone('amelia'), text: 'Hi, my order arrived broken. Can you help?' },
      { who: 'a new number', channelId: 'whatsapp', address: '+447400123430', name: 'Jack Wilson', text: 'What are your opening hours on Saturday?' },
      { who: 'Grace Hall (automated replies off)', channelId: 'whatsapp', address: phone('grace'), text: 'Do you ship to Ireland?' },
      { who: 'Oliver Smith', channelId: 'sms', address: phone('oliver'), text: 'Is the sale still on?' },
      { who: 'Victor Blake (blocked)', channelId: 'whatsapp', address: phone('victor'), text: 'hello?? answer me' },
    ];

    const active = await n8n.activate(example);
    try {
      log(`   Activated: "${TRIGGER}" subscribed to the hub's message.received webhooks (WhatsApp texts only)`);
      const recorded: Array<{ incoming: Incoming; messageId: string; hidden: boolean }> = [];
      for (const [i, incoming] of messages.entries()) {
        const answer = (await hub.client.recordIncoming(incoming.channelId, {
          providerMessageId: `demo-routing-${i}`,
          from: { address: incoming.address, phone: incoming.address, ...(incoming.name ? { name: incoming.name } : {}) },
          text: incoming.text,
        })) as unknown as { message: { id: string; hidden: boolean } };
        recorded.push({ incoming, messageId: answer.message.id, hidden: answer.message.hidden });
      }
      const expected = recorded.filter((r) => !r.hidden).length;
      log(`   Recorded ${plural(messages.length, 'incoming message')} through POST /v1/channels/{id}/incoming; waiting for the hub's webhook deliveries…`);
      const deliveries = await active.waitForDeliveries(expected);
      // A blocked contact's message emits no event: give a stray delivery a moment to show up.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const runs = active
        .deliveries()
        .map(summariseDelivery)
        .filter((r): r is ExampleRun => r !== null);
      for (const run of runs) assertSucceeded(example.name, run);

      let tagged = 0;
      let replied = 0;
      let refused = 0;
      let filtered = 0;
      let hidden = 0;
      for (const { incoming, messageId, hidden: isHidden } of recorded) {
        const head = `     ${incoming.who} on ${incoming.channelId}: "${incoming.text}"`;
        if (isHidden) {
          hidden += 1;
          log(`${head} → stored hidden by the hub, no event, no run`);
          continue;
        }
        const run = runs.find((r) => (r.items[TRIGGER]?.[0]?.message as IDataObject | undefined)?.id === messageId);
        if (!run) {
          filtered += 1;
          log(`${head} → delivered, and the trigger's channel filter started no run`);
          continue;
        }
        const contact = run.items[TRIGGER]?.[0]?.contact as IDataObject | undefined;
        const tags = ((run.items[TAG]?.[0]?.tags as string[] | undefined) ?? []).join(', ');
        if (tags) tagged += 1;
        const reply = run.items[REPLY]?.[0];
        let outcome = 'no reply';
        if (reply && isErrorItem(reply)) {
          refused += 1;
          outcome = `auto-reply refused (${String(reply.reason ?? reply.error)})`;
        } else if (reply) {
          replied += 1;
          outcome = `auto-reply sent: "${String((reply.message as IDataObject | undefined)?.text ?? '')}"`;
        }
        log(`${head} → ${String(contact?.displayName ?? '?')} tagged '${tags}', ${outcome}`);
      }
      log(
        `   ${plural(deliveries.length, 'delivery', 'deliveries')} (each signature-checked), ${plural(runs.length, 'run')}: ${tagged} tagged, ${replied} replied, ${refused} refused, ${filtered} filtered out, ${hidden} hidden`,
      );
      return { deliveries: active.deliveries().length, runs: runs.length, tagged, replied, refused, filtered, hidden };
    } finally {
      await active.deactivate();
      log('   Deactivated: the subscription was removed from the hub');
    }
  },
};
