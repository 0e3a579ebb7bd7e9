import { DomainError } from '../../../src/domain/errors';
import { isDuration, MAX_DURATION_MS, normalizeDuration, parseDuration } from '../../../src/domain/filter/duration';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    ['0m', 0],
    [' 7D ', 604_800_000],
  ])('%j is %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each(['', '7', 'd', '7 d', '1.5h', '-1d', '7days', '7y', '1h30m', 'P7D'])('rejects %j naming the path', (input) => {
    expect(() => parseDuration(input, 'filter.value')).toThrow(DomainError);
    try {
      parseDuration(input, 'filter.value');
    } catch (e) {
      const err = e as DomainError;
      expect(err.code).toBe('validation_error');
      expect(err.details).toEqual([{ path: 'filter.value', message: expect.stringContaining('e.g. 30m, 12h, 7d, 2w') }]);
    }
  });

  it('rejects non-strings', () => {
    expect(() => parseDuration(7)).toThrow('duration: a duration must be a string');
  });

  it('rejects durations over 100 years and accepts exactly 100 years', () => {
    expect(parseDuration('36500d')).toBe(MAX_DURATION_MS);
    expect(() => parseDuration('36501d')).toThrow('longer than 100 years');
    expect(() => parseDuration('999999999999w')).toThrow('longer than 100 years');
  });
});

describe('normalizeDuration / isDuration', () => {
  it('canonicalises spelling', () => {
    expect(normalizeDuration(' 007D')).toBe('7d');
    expect(normalizeDuration('12H')).toBe('12h');
  });
  it('tells durations apart', () => {
    expect(isDuration('2w')).toBe(true);
    expect(isDuration('2 weeks')).toBe(false);
    expect(isDuration(null)).toBe(false);
  });
});
