import { displayName } from '../../src/domain/display-name';

describe('displayName', () => {
  const phone = '+447400123456';
  const email = 'ana@example.com';
  it.each([
    [{ firstName: 'Ana', lastName: 'Souza', phone, email }, 'Ana Souza'],
    [{ firstName: 'Ana', lastName: null, phone, email }, 'Ana'],
    [{ lastName: 'Souza', phone }, 'Souza'],
    [{ firstName: '  ', lastName: ' Souza ' }, 'Souza'],
    [{ firstName: null, lastName: null, phone, email }, phone],
    [{ firstName: '', phone: null, email }, email],
    [{ phone: ' ', email: ' ' }, ''],
    [{}, ''],
  ])('%o → %p', (source, expected) => {
    expect(displayName(source)).toBe(expected);
  });
});
