/**
 * Dates of facts, only as precise as the article gives them.
 */
import { describe, expect, it } from 'vitest';
import { formatDateRange, formatIsoDate } from '../../utils/dates';

describe('formatIsoDate', () => {
  it.each([
    ['2019', '2019'],
    ['2019-12', 'December 2019'],
    ['2020-01', 'January 2020'],
    ['2020-12-11', '11 December 2020'],
    ['2014-03-01', '1 March 2014'],
    ['1948-12-10', '10 December 1948'],
  ])('formats %s as "%s"', (iso, text) => {
    expect(formatIsoDate(iso)).toBe(text);
  });

  it('falls back to the year for a month that does not exist', () => {
    expect(formatIsoDate('2020-13')).toBe('2020');
    expect(formatIsoDate('2020-00-05')).toBe('2020');
  });
});

describe('formatDateRange', () => {
  it('formats a single date', () => {
    expect(formatDateRange('2020-12-11', undefined)).toBe('11 December 2020');
  });

  it('formats a range with an en dash between its ends', () => {
    expect(formatDateRange('2014', '2017')).toBe('2014 – 2017');
    expect(formatDateRange('2019-12', '2020-12-11')).toBe('December 2019 – 11 December 2020');
  });

  it('formats a range that starts and ends on the same date as one date', () => {
    expect(formatDateRange('2018', '2018')).toBe('2018');
  });

  it('gives nothing for a fact with no date', () => {
    expect(formatDateRange(undefined, undefined)).toBeUndefined();
    expect(formatDateRange(undefined, '2017')).toBeUndefined();
  });
});
