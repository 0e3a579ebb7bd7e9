import { z } from 'zod/v4';
import {
  contactCreateSchema,
  contactPatchSchema,
  normalizeContactCreate,
  normalizeContactPatch,
  profileFromInput,
} from '../../src/domain/contact-input';
import type { ContactInputContext } from '../../src/domain/contact-input';
import type { CustomFieldDefinition } from '../../src/domain/custom-field';
import { isDomainError } from '../../src/domain/errors';
import type { ErrorDetail } from '../../src/domain/errors';

const customFields: CustomFieldDefinition[] = [
  { key: 'birthday', label: 'Birthday', type: 'date', options: null },
  { key: 'tier', label: 'Tier', type: 'list', options: ['Bronze', 'Gold'] },
  { key: 'mobile', label: 'Mobile', type: 'phone', options: null },
];
const ctx: ContactInputContext = { defaultCountry: 'GB', customFields };

function detailsOf(fn: () => unknown): ErrorDetail[] {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) {
      expect(e.code).toBe('validation_error');
      return e.details;
    }
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('normalizeContactCreate', () => {
  it('normalises every field', () => {
    expect(
      normalizeContactCreate(
        {
          id: ' crm-1 ',
          externalCode: ' HS-9 ',
          firstName: '  Ana ',
          lastName: 'Souza',
          email: 'Ana@Example.COM',
          phone: '(11) 91234-5678',
          country: 'br',
          language: 'pt_br',
          profilePic: 'https://example.com/a.jpg',
          assignee: ' u_1 ',
          conversationStatus: 'closed',
          proactive: false,
          reactive: true,
          tags: [' vip ', 'Newsletter', 'VIP'],
          customFields: { birthday: '1990-04-21', tier: 'gold', mobile: '11 91234-5678' },
        },
        ctx,
      ),
    ).toEqual({
      id: 'crm-1',
      externalCode: 'HS-9',
      firstName: 'Ana',
      lastName: 'Souza',
      email: 'ana@example.com',
      phone: '+5511912345678',
      country: 'BR',
      language: 'pt-BR',
      profilePic: 'https://example.com/a.jpg',
      assignee: 'u_1',
      conversationStatus: 'closed',
      proactive: false,
      reactive: true,
      tags: ['Newsletter', 'vip'],
      customFields: { birthday: '1990-04-21', tier: 'Gold', mobile: '+5511912345678' },
    });
  });

  it('returns only what was given', () => {
    expect(normalizeContactCreate({}, ctx)).toEqual({});
    expect(normalizeContactCreate({ firstName: 'Ana', lastName: undefined }, ctx)).toEqual({ firstName: 'Ana' });
  });

  it('reads national phones with the default country and derives the country', () => {
    expect(normalizeContactCreate({ phone: '07400 123456' }, ctx)).toEqual({ phone: '+447400123456', country: 'GB' });
    expect(normalizeContactCreate({ phone: '+1 212 555 0123', country: null }, ctx)).toEqual({
      phone: '+12125550123',
      country: 'US',
    });
    expect(normalizeContactCreate({ phone: '+80012345678' }, ctx)).toEqual({ phone: '+80012345678' });
  });

  it('keeps a given country even when the phone is from elsewhere', () => {
    expect(normalizeContactCreate({ phone: '+44 7400 123456', country: 'PT' }, ctx)).toEqual({
      phone: '+447400123456',
      country: 'PT',
    });
  });

  it('needs a country for a national phone when the workspace has no default', () => {
    expect(detailsOf(() => normalizeContactCreate({ phone: '07400 123456' }, { ...ctx, defaultCountry: null }))).toEqual([
      { path: 'phone', message: expect.stringMatching(/needs a country: give "country" or set the workspace default country/) },
    ]);
  });

  it('treats null and "" as no value, dropping null custom values', () => {
    expect(
      normalizeContactCreate(
        { firstName: '', lastName: null, email: ' ', phone: '', country: '', language: null, profilePic: '', assignee: '', externalCode: '', customFields: { tier: null, birthday: '' } },
        ctx,
      ),
    ).toEqual({
      firstName: null,
      lastName: null,
      email: null,
      phone: null,
      country: null,
      language: null,
      profilePic: null,
      assignee: null,
      externalCode: null,
      customFields: {},
    });
  });

  it('collects every error with exact paths', () => {
    const details = detailsOf(() =>
      normalizeContactCreate(
        {
          id: 'a/b',
          firstName: 'x'.repeat(201),
          lastName: 3,
          email: 'nope',
          phone: '12',
          country: 'XX',
          language: '!!',
          profilePic: 'ftp://x.y/z',
          assignee: 'u'.repeat(65),
          conversationStatus: 'pending',
          proactive: 'yes',
          tags: ['ok', ' ', 5],
          customFields: { birthday: '1990-02-30', color: 'red' },
          nickname: 'Al',
        },
        ctx,
      ),
    );
    expect(details.map((d) => d.path).sort()).toEqual(
      [
        'id',
        'firstName',
        'lastName',
        'email',
        'phone',
        'country',
        'language',
        'profilePic',
        'assignee',
        'conversationStatus',
        'proactive',
        'tags[2]',
        'tags[1]',
        'customFields.birthday',
        'customFields.color',
        'nickname',
      ].sort(),
    );
    expect(details.find((d) => d.path === 'nickname')?.message).toMatch(/^unknown field "nickname"; allowed fields: id, externalCode, firstName/);
    expect(details.find((d) => d.path === 'firstName')?.message).toBe('is too long (201 characters, at most 200)');
    expect(details.find((d) => d.path === 'phone')?.message).toMatch(/for country GB/);
  });

  it('rejects a null id and bodies that are not objects', () => {
    expect(detailsOf(() => normalizeContactCreate({ id: null }, ctx))).toEqual([
      { path: 'id', message: 'omit "id" to have one generated; it cannot be null' },
    ]);
    for (const bad of [null, [], 'x']) {
      expect(detailsOf(() => normalizeContactCreate(bad, ctx))).toEqual([
        { path: '(body)', message: 'the contact must be a JSON object' },
      ]);
    }
  });

  it('limits tags and external codes', () => {
    const tags = Array.from({ length: 201 }, (_, i) => `t${i}`);
    expect(detailsOf(() => normalizeContactCreate({ tags }, ctx))[0]?.message).toMatch(/at most 200 tags/);
    expect(normalizeContactCreate({ tags: Array.from({ length: 300 }, () => 'Same') }, ctx)).toEqual({ tags: ['Same'] });
    expect(detailsOf(() => normalizeContactCreate({ externalCode: 'x'.repeat(201) }, ctx))[0]?.path).toBe('externalCode');
  });

  it('builds a profile with defaults', () => {
    expect(profileFromInput(normalizeContactCreate({ email: 'A@B.co' }, ctx))).toEqual({
      externalCode: null,
      firstName: null,
      lastName: null,
      email: 'a@b.co',
      phone: null,
      country: null,
      language: null,
      profilePic: null,
      assignee: null,
      proactive: true,
      reactive: true,
      customFields: {},
    });
  });
});

describe('normalizeContactPatch', () => {
  it('leaves absent fields untouched and clears null ones', () => {
    expect(normalizeContactPatch({ lastName: null, email: '', tags: null, customFields: { tier: null } }, ctx)).toEqual({
      lastName: null,
      email: null,
      tags: [],
      customFields: { tier: null },
    });
  });

  it('refuses to change the id', () => {
    expect(detailsOf(() => normalizeContactPatch({ id: 'x' }, ctx))[0]).toEqual({
      path: 'id',
      message: expect.stringMatching(/^the id of a contact cannot be changed/),
    });
  });

  it("reads national phones with the patch's country, else the contact's, else the default", () => {
    expect(normalizeContactPatch({ phone: '(212) 555-0123', country: 'US' }, ctx)).toEqual({
      phone: '+12125550123',
      country: 'US',
    });
    expect(normalizeContactPatch({ phone: '(212) 555-0123' }, { ...ctx, currentCountry: 'US' })).toEqual({
      phone: '+12125550123',
    });
    expect(normalizeContactPatch({ phone: '07400 123456' }, { ...ctx, currentCountry: null })).toEqual({
      phone: '+447400123456',
      country: 'GB',
    });
  });

  it('does not derive the country when the patch clears it', () => {
    expect(normalizeContactPatch({ phone: '+447400123456', country: null }, ctx)).toEqual({
      phone: '+447400123456',
      country: null,
    });
  });

  it('reads custom phone values with the contact country', () => {
    expect(normalizeContactPatch({ customFields: { mobile: '(212) 555-0123' } }, { ...ctx, currentCountry: 'US' })).toEqual({
      customFields: { mobile: '+12125550123' },
    });
  });

  it('rejects null for non-nullable fields', () => {
    expect(detailsOf(() => normalizeContactPatch({ proactive: null, conversationStatus: null }, ctx)).map((d) => d.path)).toEqual([
      'proactive',
      'conversationStatus',
    ]);
  });
});

describe('published schemas', () => {
  it('convert to JSON Schema with descriptions and examples', () => {
    const create = z.toJSONSchema(contactCreateSchema) as {
      additionalProperties: boolean;
      properties: Record<string, { description?: string; examples?: unknown[] }>;
    };
    expect(create.additionalProperties).toBe(false);
    expect(Object.keys(create.properties)).toEqual([
      'id',
      'externalCode',
      'firstName',
      'lastName',
      'email',
      'phone',
      'country',
      'language',
      'profilePic',
      'assignee',
      'conversationStatus',
      'proactive',
      'reactive',
      'tags',
      'customFields',
    ]);
    expect(create.properties.phone?.description).toMatch(/E\.164/);
    expect(create.properties.phone?.examples).toContain('+55 11 91234-5678');
    const patch = z.toJSONSchema(contactPatchSchema) as { properties: Record<string, unknown> };
    expect(Object.keys(patch.properties)).not.toContain('id');
  });

  it('accept what the normalisers accept structurally', () => {
    expect(contactCreateSchema.safeParse({ firstName: 'Ana', tags: ['x'], customFields: { a: 1 } }).success).toBe(true);
    expect(contactPatchSchema.safeParse({ id: 'x' }).success).toBe(false);
  });
});
