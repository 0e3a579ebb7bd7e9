/** Contacts per page of the table (keyset pages of POST /v1/contacts/search). */
export const PAGE_SIZE = 50;
