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
    ['2025-01', 'quarter', null],
    ['2025-03-31', 'quarter', null],
    ['2025', 'quarter', /precision "quarter" needs at least YYYY-MM/],
    ['2021-12-31', 'half-year', null],
    ['2025', 'half-year', /precision "half-year" needs at least YYYY-MM/],
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

  it.each([
    ['2025-01', 'quarter', '2025-03-31'],
    ['2025-04', 'quarter', '2025-06-30'],
    ['2025-08-15', 'quarter', '2025-09-30'],
    ['2025-10', 'quarter', '2025-12-31'],
    ['2025-01', 'half-year', '2025-06-30'],
    ['2025-07', 'half-year', '2025-12-31'],
    ['2021-12-31', 'half-year', '2021-12-31'],
    ['2025-02', 'month', '2025-02-28'],
    ['2025-02-10', 'day', '2025-02-10'],
    ['2025', 'year', '2025-12-31'],
  ] as const)('%s with precision %s ends %s', (period, precision, end) => {
    expect(periodEnd(period, precision).toISOString().slice(0, 10)).toBe(end);
  });

  it('places a quarter at its start on a time axis', () => {
    expect(periodDate('2025-04').toISOString().slice(0, 10)).toBe('2025-04-01');
  });
});
