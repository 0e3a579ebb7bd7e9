import { asciiFold } from '../../../src/domain/filter/ascii-fold';
import { isIsoDate, parseInstant, utcDateOf } from '../../../src/domain/filter/temporal-values';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '0000-01-01', '2024-1-01', '20240101', '2024-01-01T00:00:00Z'])(
    'rejects %s',
    (d) => expect(isIsoDate(d)).toBe(false),
  );
});

describe('parseInstant', () => {
  it.each([
    ['2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['2024-05-01T09:30Z', '2024-05-01T09:30:00.000Z'],
    ['2024-05-01T09:30:15Z', '2024-05-01T09:30:15.000Z'],
    ['2024-05-01T09:30:15.123456Z', '2024-05-01T09:30:15.123Z'],
    ['2024-05-01T09:30:15.1z', '2024-05-01T09:30:15.100Z'],
    ['2024-05-01 09:30:00+02:00', '2024-05-01T07:30:00.000Z'],
    ['2024-05-01T00:30:00-0130', '2024-05-01T02:00:00.000Z'],
    ['0050-03-01T00:00:00Z', '0050-03-01T00:00:00.000Z'],
  ])('%s is %s', (input, iso) => {
    expect(new Date(parseInstant(input) as number).toISOString()).toBe(iso);
  });

  it.each(['2024-05-01T09:30:00', '2024-02-30T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T09:60:00Z', '2024-05-01T09:30:61Z', '2024-05-01T09:30:00+24:00', '2024-05-01T09:30:00+01:60', 'yesterday', ''])(
    'rejects %j',
    (input) => expect(parseInstant(input)).toBeNull(),
  );

  it('utcDateOf gives the UTC calendar date', () => {
    expect(utcDateOf(Date.parse('2024-05-01T23:59:59.999Z'))).toBe('2024-05-01');
  });
});

describe('asciiFold', () => {
  it('folds only A-Z', () => {
    expect(asciiFold('ÉMILE Ana ẞ İ ǅ 50%_OFF')).toBe('Émile ana ẞ İ ǅ 50%_off');
  });
});
