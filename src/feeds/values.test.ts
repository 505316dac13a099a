import { describe, expect, it } from 'vitest';
import { commaGroupsColumn, parseNumberCell, parsePeriodCell } from './values';

const NBSP = '\u00a0';
const NNBSP = '\u202f'; // narrow no-break space, the French thousands separator since CLDR 34
const THIN = '\u2009';

describe('parseNumberCell', () => {
  it.each([
    // plain
    ['0', 0],
    ['42', 42],
    ['68406684', 68406684],
    ['0.69', 0.69],
    ['.5', 0.5],
    ['12.', 12],
    ['+5', 5],
    ['-1500', -1500],
    ['1.5e3', 1500],
    ['2E-2', 0.02],
    ['  7  ', 7],
    // French: decimal comma, thousands grouped by spaces of every kind
    ['1 234,5', 1234.5],
    ['0,7', 0.7],
    ['1 234 567', 1234567],
    [`1${NBSP}234${NBSP}567`, 1234567],
    [`1${NNBSP}234${NNBSP}567`, 1234567],
    [`52${THIN}310`, 52310],
    [`1${NNBSP}183${NNBSP}410,0`, 1183410],
    ["1'234'567", 1234567], // Swiss grouping
    // percent signs are dropped: percent values are stored in percent
    ['12,5 %', 12.5],
    ['12,5%', 12.5],
    [`30,5${NNBSP}%`, 30.5],
    [`30,5${NBSP}%`, 30.5],
    ['100 %', 100],
    ['1 234 567,89 %', 1234567.89],
    // English grouping, and dots as thousands separators
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['1,234,567.25', 1234567.25],
    ['1.234.567', 1234567],
    ['1.234.567,5', 1234567.5],
    // a lone comma is a decimal comma (French reading), even with three digits after it
    ['1,234', 1.234],
    // minus signs: ASCII hyphen-minus and U+2212 MINUS SIGN
    ['−3', -3],
    ['−12,5 %', -12.5],
    ['-0,03', -0.03],
  ])('%j -> %d', (raw, expected) => {
    const parsed = parseNumberCell(raw);
    expect(parsed).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['abc', /"abc" is not a number/],
    ['', /value is empty/],
    ['   ', /value is empty/],
    ['environ 3 millions', /is not a number/],
    ['3M', /"3M" is not a number/],
    ['(3)', /is not a number/], // accounting negatives are not guessed
    ['NaN', /is not a number/],
    ['Infinity', /is not a number/],
    ['0x10', /is not a number/],
    ['1_000', /is not a number/],
    ['12 %%', /is not a number/],
    ['%', /is not a number/],
    ['1-2', /is not a number/],
    ['--3', /is not a number/],
    ['1e400', /"1e400" is not a finite number/],
    ['n/a', /is not a number/],
    ['1.234,5.6', /is not a number/],
  ])('rejects %j', (raw, message) => {
    const parsed = parseNumberCell(raw);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });

  it('quotes the raw cell in its error', () => {
    expect(parseNumberCell(' 12 abc ')).toEqual({
      ok: false,
      error: '" 12 abc " is not a number',
      problem: 'notANumber',
    });
    expect(parseNumberCell('1e999')).toMatchObject({ ok: false, problem: 'notFinite' });
    expect(parseNumberCell(' ')).toMatchObject({ ok: false, problem: 'empty' });
  });
});

describe('parsePeriodCell', () => {
  it.each([
    // ISO dates, months, years
    ['2024-01-10', '2024-01-10', 'day'],
    ['2023-02', '2023-02', 'month'],
    ['2024', '2024', 'year'],
    ['  2024-01  ', '2024-01', 'month'],
    ['2024-02-29', '2024-02-29', 'day'], // leap year
    // ISO date-times keep the date as written
    ['2024-01-10T00:00:00Z', '2024-01-10', 'day'],
    ['2024-01-10T10:00:00+01:00', '2024-01-10', 'day'],
    ['2024-01-10T23:30:00.000-0500', '2024-01-10', 'day'],
    ['2024-01-10 12:00', '2024-01-10', 'day'],
    // French day-first dates, with /, . or -
    ['15/09/2021', '2021-09-15', 'day'],
    ['1/2/2024', '2024-02-01', 'day'],
    ['10.01.2024', '2024-01-10', 'day'],
    ['10-01-2024', '2024-01-10', 'day'],
    ['29/02/2024', '2024-02-29', 'day'],
    // months mm/yyyy
    ['09/2021', '2021-09', 'month'],
    ['9/2021', '2021-09', 'month'],
    ['12/2023', '2023-12', 'month'],
    ['01.2024', '2024-01', 'month'],
  ])('%j -> %s (%s)', (raw, period, precision) => {
    expect(parsePeriodCell(raw)).toEqual({ ok: true, value: { period, precision } });
  });

  it.each([
    ['31/02/2024', /"2024-02-31" is not a calendar date/],
    ['29/02/2023', /"2023-02-29" is not a calendar date/],
    ['2024-02-30', /"2024-02-30" is not a calendar date/],
    ['2024-04-31', /not a calendar date/],
    ['2024-01-00', /not a calendar date/],
    ['2023-13', /"2023-13" has no month 13/],
    ['2023-00', /has no month 00/],
    ['13/2023', /has no month 13/],
    ['00/2024', /has no month 00/],
    ['15/13/2021', /has no month 13/],
    ['1999', /year 1999 is out of range/],
    ['2101-01', /year 2101 is out of range/],
    ['', /is not a date/],
    [
      '2024-1-5',
      /"2024-1-5" is not a date \(expected YYYY-MM-DD, YYYY-MM, YYYY, dd\/mm\/yyyy or mm\/yyyy\)/,
    ],
    ['Q1 2024', /is not a date/],
    ['janvier 2024', /is not a date/],
    ['2024/01/10', /is not a date/],
    ['S1 2024', /is not a date/],
    ['10/01/24', /is not a date/], // two-digit years are not guessed
    ['20240110', /is not a date/],
  ])('rejects %j', (raw, message) => {
    const parsed = parsePeriodCell(raw);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });
});

describe('numbers written the English way', () => {
  it('tells a column whose commas group thousands', () => {
    expect(commaGroupsColumn(['8,102,000', '752,000'])).toBe(true);
    expect(commaGroupsColumn(['1,234.5', '12'])).toBe(true);
    expect(commaGroupsColumn(['752,000', '12,5', '1 234,5'])).toBe(false);
    expect(commaGroupsColumn([])).toBe(false);
  });

  it('reads a lone comma group as thousands only in such a column', () => {
    expect(parseNumberCell('752,000')).toEqual({ ok: true, value: 752 });
    expect(parseNumberCell('752,000', { commaGroups: true })).toEqual({ ok: true, value: 752000 });
    expect(parseNumberCell('8,102,000', { commaGroups: true })).toEqual({
      ok: true,
      value: 8102000,
    });
    // A cell that is not grouped by threes keeps its comma as the decimal mark.
    expect(parseNumberCell('12,5', { commaGroups: true })).toEqual({ ok: true, value: 12.5 });
  });
});
