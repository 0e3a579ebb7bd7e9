import { CONTACT_COLUMNS, IMPORT_COLUMNS, READ_ONLY_COLUMNS } from '../../src/domain/contact-columns';

describe('contact CSV columns', () => {
  it('puts name first, and every column an import sets is one an export writes', () => {
    expect(CONTACT_COLUMNS[0]).toBe('name');
    for (const c of IMPORT_COLUMNS) expect(CONTACT_COLUMNS).toContain(c);
  });

  it('lets an export import back: each exported column is either set or skipped, never both', () => {
    for (const c of CONTACT_COLUMNS) {
      const settable = (IMPORT_COLUMNS as readonly string[]).includes(c);
      expect(settable).not.toBe(READ_ONLY_COLUMNS.includes(c));
    }
    expect(READ_ONLY_COLUMNS).toEqual(expect.arrayContaining(['name', 'displayName', 'createdAt', 'channels', 'blocked']));
  });
});
