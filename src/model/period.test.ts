import { describe, expect, it } from 'vitest';
import { checkPeriod, checkPrecision, periodDate, periodEnd } from './period';

describe('checkPeriod', () => {
  it.each(['2024', '2023-02', '2024-02-29', '2021-12-31'])('accepts %s', (p) => {
    expect(checkPeriod(p)).toBeNull();
  });
  it.each([
    ['2023-13', /no month 13/],
    ['2023-00', /no month 00/],
    ['2023-02-29', /not a calendar date/],
    ['2023-04-31', /not a calendar date/],
    ['1899', /out of range/],
    ['23-02', /not a period/],
    ['2023/02', /not a period/],
  ])('rejects %s', (p, message) => {
    expect(checkPeriod(p)).toMatch(message);
  });
});

describe('checkPrecision', () => {
  it.each([
    ['2024-10-31', 'month', null],
    ['2024-12-31', 'year', null],
    ['2023-02', 'day', /needs a YYYY-MM-DD/],
    ['2024', 'month', /needs at least YYYY-MM/],
  ] as const)('%s with %s', (period, precision, expected) => {
    const result = checkPrecision(period, precision);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });
});

describe('periodDate and periodEnd', () => {
  it.each([
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2024', '2024-01-01', '2024-12-31'],
    ['2021-09-15', '2021-09-15', '2021-09-15'],
  ])('%s starts %s and ends %s', (period, start, end) => {
    expect(periodDate(period).toISOString().slice(0, 10)).toBe(start);
    expect(periodEnd(period).toISOString().slice(0, 10)).toBe(end);
  });
});
