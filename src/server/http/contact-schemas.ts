import { z } from 'zod/v4';
import { CONVERSATION_STATUSES } from '../../domain/contact';

/**
 * Shared zod schemas of API answers about contacts. Routes of every area that answer a
 * contact use `ContactSchema` so the OpenAPI document describes one Contact shape.
 */

const isoDate = (description: string) => z.string().describe(`${description} (ISO 8601, UTC).`).meta({ examples: ['2024-05-01T14:30:00.000Z'] });
const isoDateOrNull = (description: string) =>
  z.string().nullable().describe(`${description} (ISO 8601, UTC), or null.`).meta({ examples: ['2024-05-01T14:30:00.000Z'] });

/** A custom field value as answered: text/email/phone/url/list/date/datetime are strings. */
export const CustomFieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A contact as every route answers it (src/domain/contact.ts). */
export const ContactSchema = z
  .object({
    id: z.string().describe('Contact id, unique in the workspace, immutable.').meta({ examples: ['ct_3k9x0a1b2c3d4e5f6g7h'] }),
    externalCode: z.string().nullable().describe('Link to an external CRM record; unique in the workspace when set.'),
    firstName: z.string().nullable().describe('First name.'),
    lastName: z.string().nullable().describe('Last name.'),
    displayName: z
      .string()
      .describe('First + last name; without a name the phone number; without one the e-mail address; else "".'),
    email: z.string().nullable().describe('E-mail address, lower-case.'),
    phone: z.string().nullable().describe('Phone number in E.164.').meta({ examples: ['+447400123456'] }),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2 country code.').meta({ examples: ['GB'] }),
    language: z.string().nullable().describe('BCP 47 language tag.').meta({ examples: ['en', 'pt-BR'] }),
    profilePic: z.string().nullable().describe('URL of the profile picture.'),
    assignee: z.string().nullable().describe('Id of the workspace user the contact is assigned to.'),
    proactive: z.boolean().describe('May receive outbound broadcasts and scheduled messages.'),
    reactive: z.boolean().describe('May receive automated replies to their own messages.'),
    customFields: z.record(z.string(), CustomFieldValueSchema).describe('Custom field values by key.'),
    tags: z.array(z.string()).describe('Tag names as spelled in the catalogue, sorted case-insensitively.'),
    conversationStatus: z.enum(CONVERSATION_STATUSES).describe('Conversation status.'),
    conversationOpenedAt: isoDateOrNull('When the conversation was last opened'),
    blocked: z.boolean().describe('Whether the contact is blocked.'),
    blockedAt: isoDateOrNull('When the contact was blocked'),
    createdAt: isoDate('When the contact was created'),
    updatedAt: isoDate('When the contact last changed'),
    lastInteractionAt: isoDateOrNull('Last incoming or outgoing message'),
    lastIncomingAt: isoDateOrNull('Last incoming message'),
    lastInteractedChannelId: z.string().nullable().describe('Channel of the last interaction.'),
  })
  .describe('A contact.');

/** Path parameters of every `/v1/contacts/{ref}` route. */
export const ContactRefParams = z.object({
  ref: z
    .string()
    .describe('Contact ref: "id:<id>", "phone:<number>" (national numbers read with the workspace default country), "email:<address>" or "external:<code>".')
    .meta({ examples: ['id:ct_3k9x0a1b2c3d4e5f6g7h', 'phone:+447400123456', 'email:ana@example.com', 'external:CRM-42'] }),
});

/** One problem in an error answer. */
export const ErrorDetailSchema = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "phone" or "customFields.birthday".'),
  message: z.string().describe('What is wrong with it.'),
});

/** The error object (as in every error answer), used inside per-item results of bulk routes. */
export const ItemErrorSchema = z
  .object({
    code: z.string().describe('Error code, e.g. validation_error, conflict.'),
    message: z.string().describe('What went wrong, for a person.'),
    details: z.array(ErrorDetailSchema),
  })
  .describe('Why this item failed.');

/** A list answer: `{ data: [...], nextCursor }` (keyset pagination). */
export function listAnswer<T extends z.ZodType>(item: T, description: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .describe('Pass as "cursor" to get the next page; null on the last page.'),
    })
    .describe(description);
}

/** Answer of a route that answers one contact under `contact`, e.g. upsert. */
export const UpsertAnswerSchema = z
  .object({
    created: z.boolean().describe('True when the contact was created, false when an existing one was updated.'),
    contact: ContactSchema,
  })
  .describe('The contact and whether it was created.');
