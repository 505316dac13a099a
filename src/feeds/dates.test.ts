import { describe, expect, it } from 'vitest';
import {
  dateErrorText,
  detectDateReading,
  parseDateCell,
  type CellError,
  type DateErrorCode,
} from './dates';
import type { Precision } from './types';

const NBSP = '\u00a0';

describe('parseDateCell', () => {
  it.each<[string, string, Precision]>([
    // ISO months and dates, years
    ['2025-01', '2025-01', 'month'],
    ['2025-01-01', '2025-01-01', 'day'],
    ['2024-02-29', '2024-02-29', 'day'],
    ['2025', '2025', 'year'],
    ['  2025-12  ', '2025-12', 'month'],
    // ISO date-times: the calendar date as written, never shifted by the zone
    ['2025-01-01T00:00:00Z', '2025-01-01', 'day'],
    ['2025-01-01T00:00:00.000+01:00', '2025-01-01', 'day'],
    ['2025-01-31T23:30:00-05:00', '2025-01-31', 'day'],
    ['2025-01-31T23:30:00.000-0500', '2025-01-31', 'day'],
    ['2025-01-01 00:00:00', '2025-01-01', 'day'],
    ['2025-01-01 10:00', '2025-01-01', 'day'],
    ['2025-01-01t00:00:00z', '2025-01-01', 'day'],
    // mm/yyyy
    ['01/2025', '2025-01', 'month'],
    ['1/2025', '2025-01', 'month'],
    ['12/2025', '2025-12', 'month'],
    ['01.2025', '2025-01', 'month'],
    ['01-2025', '2025-01', 'month'],
    // dd/mm/yyyy, day first by default
    ['01/01/2025', '2025-01-01', 'day'],
    ['01/02/2025', '2025-02-01', 'day'],
    ['1/2/2025', '2025-02-01', 'day'],
    ['31/12/2025', '2025-12-31', 'day'],
    ['15.09.2025', '2025-09-15', 'day'],
    ['15-09-2025', '2025-09-15', 'day'],
    ['15/09/2025 00:00', '2025-09-15', 'day'],
    ['15/09/2025 10:30:00', '2025-09-15', 'day'],
    // French month names: every abbreviation Intl and Excel write, accents optional, any case
    ['janv. 2025', '2025-01', 'month'],
    ['janv 2025', '2025-01', 'month'],
    ['janvier 2025', '2025-01', 'month'],
    ['Janvier 2025', '2025-01', 'month'],
    ['JANVIER 2025', '2025-01', 'month'],
    [`janv.${NBSP}2025`, '2025-01', 'month'],
    ['janv.2025', '2025-01', 'month'],
    ['janvier-2025', '2025-01', 'month'],
    ['févr. 2025', '2025-02', 'month'],
    ['fevr 2025', '2025-02', 'month'],
    ['FÉVR. 2025', '2025-02', 'month'],
    ['février 2025', '2025-02', 'month'],
    ['fevrier 2025', '2025-02', 'month'],
    ['fév. 2025', '2025-02', 'month'],
    ['mars 2025', '2025-03', 'month'],
    ['avr. 2025', '2025-04', 'month'],
    ['avril 2025', '2025-04', 'month'],
    ['mai 2025', '2025-05', 'month'],
    ['juin 2025', '2025-06', 'month'],
    ['juil. 2025', '2025-07', 'month'],
    ['juillet 2025', '2025-07', 'month'],
    ['août 2025', '2025-08', 'month'],
    ['aout 2025', '2025-08', 'month'],
    ['AOÛT 2025', '2025-08', 'month'],
    ['sept. 2025', '2025-09', 'month'],
    ['septembre 2025', '2025-09', 'month'],
    ['oct. 2025', '2025-10', 'month'],
    ['octobre 2025', '2025-10', 'month'],
    ['nov. 2025', '2025-11', 'month'],
    ['novembre 2025', '2025-11', 'month'],
    ['déc. 2025', '2025-12', 'month'],
    ['dec 2025', '2025-12', 'month'],
    ['décembre 2025', '2025-12', 'month'],
    // Excel's French mmm-aa
    ['janv.-25', '2025-01', 'month'],
    ['déc.-24', '2024-12', 'month'],
    // English month names
    ['Jan 2025', '2025-01', 'month'],
    ['January 2025', '2025-01', 'month'],
    ['Feb 2025', '2025-02', 'month'],
    ['Sept 2025', '2025-09', 'month'],
    ['Sep 2025', '2025-09', 'month'],
    ['May 2025', '2025-05', 'month'],
    ['December 2025', '2025-12', 'month'],
    ['Jan-25', '2025-01', 'month'],
    // A day with a month name (Intl fr-FR medium and long, en-GB)
    ['1 janv. 2025', '2025-01-01', 'day'],
    ['1er janvier 2025', '2025-01-01', 'day'],
    ['15 août 2025', '2025-08-15', 'day'],
    ['1 janv. 2025 à 10:00', '2025-01-01', 'day'],
    ['1 Jan 2025', '2025-01-01', 'day'],
    ['1-janv.-2025', '2025-01-01', 'day'],
    // Kibana
    ['Jan 1, 2025 @ 00:00:00.000', '2025-01-01', 'day'],
    ['Dec 31, 2025 @ 23:59:59.999', '2025-12-31', 'day'],
    ['Jan 1, 2025', '2025-01-01', 'day'],
    ['January 1st 2025, 00:00:00.000', '2025-01-01', 'day'],
    ['February 2nd 2025, 12:00:00.000', '2025-02-02', 'day'],
    ['March 3rd 2025, 00:00:00.000', '2025-03-03', 'day'],
    ['April 4th 2025, 00:00:00.000', '2025-04-04', 'day'],
    // Quarters: the period is the quarter's first month
    ['T1 2025', '2025-01', 'quarter'],
    ['T2 2025', '2025-04', 'quarter'],
    ['T3 2025', '2025-07', 'quarter'],
    ['T4 2025', '2025-10', 'quarter'],
    ['T1-2025', '2025-01', 'quarter'],
    ['t1 2025', '2025-01', 'quarter'],
    ['2025-T1', '2025-01', 'quarter'],
    ['2025 T2', '2025-04', 'quarter'],
    ['Q1 2025', '2025-01', 'quarter'],
    ['Q4 2025', '2025-10', 'quarter'],
    ['2025-Q1', '2025-01', 'quarter'],
    ['2025Q3', '2025-07', 'quarter'],
    ['1er trimestre 2025', '2025-01', 'quarter'],
    ['2e trimestre 2025', '2025-04', 'quarter'],
    ['3ème trimestre 2025', '2025-07', 'quarter'],
    ['4e trimestre 2025', '2025-10', 'quarter'],
    // Half-years, likewise
    ['S1 2025', '2025-01', 'half-year'],
    ['S2 2025', '2025-07', 'half-year'],
    ['S2-2025', '2025-07', 'half-year'],
    ['2025-S1', '2025-01', 'half-year'],
    ['H1 2025', '2025-01', 'half-year'],
    ['2025-H2', '2025-07', 'half-year'],
    ['1er semestre 2025', '2025-01', 'half-year'],
    ['2e semestre 2025', '2025-07', 'half-year'],
    ['2nd semestre 2025', '2025-07', 'half-year'],
  ])('%j -> %s (%s)', (raw, period, precision) => {
    expect(parseDateCell(raw)).toEqual({ ok: true, value: { period, precision } });
  });

  it('reads mm/dd/yyyy when the column says so', () => {
    expect(parseDateCell('02/13/2025', { order: 'mdy' })).toEqual({
      ok: true,
      value: { period: '2025-02-13', precision: 'day' },
    });
    expect(parseDateCell('01/02/2025', { order: 'mdy' })).toEqual({
      ok: true,
      value: { period: '2025-01-02', precision: 'day' },
    });
    // mm/yyyy has a single reading whatever the order.
    expect(parseDateCell('02/2025', { order: 'mdy' })).toEqual({
      ok: true,
      value: { period: '2025-02', precision: 'month' },
    });
  });

  it.each<[string, CellError]>([
    ['', { code: 'date.empty', params: { raw: '' } }],
    ['  ', { code: 'date.empty', params: { raw: '  ' } }],
    ['31/02/2025', { code: 'date.impossible', params: { raw: '31/02/2025' } }],
    ['29/02/2025', { code: 'date.impossible', params: { raw: '29/02/2025' } }],
    ['2025-04-31', { code: 'date.impossible', params: { raw: '2025-04-31' } }],
    ['00/01/2025', { code: 'date.impossible', params: { raw: '00/01/2025' } }],
    ['32 janv. 2025', { code: 'date.impossible', params: { raw: '32 janv. 2025' } }],
    ['Feb 30, 2025 @ 00:00:00.000', { code: 'date.impossible', params: expect.anything() }],
    ['13/2025', { code: 'date.noSuchMonth', params: { raw: '13/2025', month: 13 } }],
    ['00/2025', { code: 'date.noSuchMonth', params: { raw: '00/2025', month: 0 } }],
    ['2025-13', { code: 'date.noSuchMonth', params: { raw: '2025-13', month: 13 } }],
    ['15/13/2025', { code: 'date.noSuchMonth', params: { raw: '15/13/2025', month: 13 } }],
    ['T5 2025', { code: 'date.noSuchQuarter', params: { raw: 'T5 2025', quarter: 5 } }],
    ['T0 2025', { code: 'date.noSuchQuarter', params: { raw: 'T0 2025', quarter: 0 } }],
    ['2025-Q5', { code: 'date.noSuchQuarter', params: { raw: '2025-Q5', quarter: 5 } }],
    ['5e trimestre 2025', { code: 'date.noSuchQuarter', params: expect.anything() }],
    ['S3 2025', { code: 'date.noSuchHalf', params: { raw: 'S3 2025', half: 3 } }],
    [
      '1999',
      { code: 'date.yearOutOfRange', params: { raw: '1999', year: 1999, min: 2000, max: 2100 } },
    ],
    ['janv. 1999', { code: 'date.yearOutOfRange', params: expect.anything() }],
    ['2101-01-01', { code: 'date.yearOutOfRange', params: expect.anything() }],
    ['T1 1999', { code: 'date.yearOutOfRange', params: expect.anything() }],
  ])('rejects %j as %o', (raw, error) => {
    expect(parseDateCell(raw)).toEqual({ ok: false, error });
  });

  it.each([
    'foo',
    'janvember 2025',
    '2025-1-5', // ISO wants two digits
    '10/01/25', // two-digit years are guessed only in Excel's mmm-aa
    '2025/01/10',
    '20250110',
    'T12 2025',
    'Semaine 3 2025',
    '45658', // a number is a date only in a column of Excel serial days
    '1 234',
    'n/a',
    'constructor 2025', // not a month, whatever Object.prototype holds
    '__proto__ 2025',
  ])('%j is not a date', (raw) => {
    expect(parseDateCell(raw)).toEqual({
      ok: false,
      error: { code: 'date.notADate', params: { raw } },
    });
  });

  it('treats a conflict in a cell as month or day errors depending on the order', () => {
    expect(parseDateCell('13/02/2025', { order: 'mdy' })).toEqual({
      ok: false,
      error: { code: 'date.noSuchMonth', params: { raw: '13/02/2025', month: 13 } },
    });
  });
});

describe('Excel serial days', () => {
  const serial = (raw: string) => parseDateCell(raw, { excelSerial: true });

  it.each([
    ['45658', '2025-01-01'],
    ['44197', '2021-01-01'],
    ['45716', '2025-02-28'],
    ['45717', '2025-03-01'],
    ['45658.75', '2025-01-01'], // a date-time: the day
    ['45658,5', '2025-01-01'],
    ['36526', '2000-01-01'],
    ['73415', '2100-12-31'],
  ])('%s -> %s', (raw, period) => {
    expect(serial(raw)).toEqual({ ok: true, value: { period, precision: 'day' } });
  });

  it.each(['60', '61', '1', '36525', '73416', '100000'])('%s is out of range', (raw) => {
    expect(serial(raw)).toEqual({
      ok: false,
      error: {
        code: 'date.excelOutOfRange',
        params: { raw, min: '2000-01-01', max: '2100-12-31' },
      },
    });
  });

  it('still reads years and written dates in such a column', () => {
    expect(serial('2025')).toEqual({ ok: true, value: { period: '2025', precision: 'year' } });
    expect(serial('janv. 2025')).toEqual({
      ok: true,
      value: { period: '2025-01', precision: 'month' },
    });
  });
});

describe('detectDateReading', () => {
  it('reads a column of dd/mm dates that no cell disambiguates as dmy, and says it is ambiguous', () => {
    const reading = detectDateReading(['01/02/2025', '03/03/2025', '']);
    expect(reading).toMatchObject({
      order: 'dmy',
      ambiguous: true,
      conflict: false,
      excelSerial: false,
      forms: ['numeric-date'],
      unreadable: 0,
    });
    expect(reading.examples).toEqual([
      { raw: '01/02/2025', period: '2025-02-01', precision: 'day' },
    ]);
  });

  it('takes dmy from a first part over 12', () => {
    const reading = detectDateReading(['01/02/2025', '13/02/2025']);
    expect(reading).toMatchObject({
      order: 'dmy',
      ambiguous: false,
      conflict: false,
      unreadable: 0,
    });
    expect(parseDateCell('01/02/2025', reading)).toEqual({
      ok: true,
      value: { period: '2025-02-01', precision: 'day' },
    });
  });

  it('takes mdy from a second part over 12', () => {
    const reading = detectDateReading(['01/02/2025', '02/13/2025']);
    expect(reading).toMatchObject({
      order: 'mdy',
      ambiguous: false,
      conflict: false,
      unreadable: 0,
    });
    expect(reading.examples[0]).toEqual({
      raw: '01/02/2025',
      period: '2025-01-02',
      precision: 'day',
    });
    expect(parseDateCell('01/02/2025', reading)).toEqual({
      ok: true,
      value: { period: '2025-01-02', precision: 'day' },
    });
  });

  it('finds no order when cells disagree: not a date column', () => {
    const reading = detectDateReading(['13/02/2025', '02/13/2025', '01/01/2025']);
    expect(reading).toMatchObject({ conflict: true, ambiguous: false, forms: [], unreadable: 3 });
  });

  it('takes no evidence from cells that are no date in either order', () => {
    expect(detectDateReading(['45/02/2025', '01/02/2025'])).toMatchObject({
      order: 'dmy',
      ambiguous: true,
      conflict: false,
      unreadable: 1,
    });
  });

  it('shows an example whose day and month differ, so the order read is visible', () => {
    expect(detectDateReading(['03/03/2025', '04/03/2025']).examples).toEqual([
      { raw: '04/03/2025', period: '2025-03-04', precision: 'day' },
    ]);
  });

  it('is not ambiguous without dd/mm dates', () => {
    expect(detectDateReading(['01/2025', '2025-02', 'janv. 2025'])).toMatchObject({
      ambiguous: false,
      forms: ['numeric-month', 'iso-month', 'month-name-fr'],
    });
  });

  it('reads a column made only of whole numbers as Excel serial days', () => {
    const reading = detectDateReading(['45658', '45689', '', '45717']);
    expect(reading).toMatchObject({
      excelSerial: true,
      forms: ['excel-serial'],
      unreadable: 0,
      examples: [{ raw: '45658', period: '2025-01-01', precision: 'day' }],
    });
    expect(parseDateCell('45689', reading)).toEqual({
      ok: true,
      value: { period: '2025-02-01', precision: 'day' },
    });
  });

  it('does not read numbers among other dates as Excel days', () => {
    expect(detectDateReading(['45658', 'janv. 2025'])).toMatchObject({
      excelSerial: false,
      forms: ['month-name-fr'],
      unreadable: 1,
    });
  });

  it('reads small counts as no dates, even in a column of numbers', () => {
    expect(detectDateReading(['12', '340', '7'])).toMatchObject({
      excelSerial: true,
      unreadable: 3,
    });
  });

  it('lists every form seen, once, and counts the cells that are not dates', () => {
    const reading = detectDateReading([
      '2025-01-01T00:00:00Z',
      '2025-01-02T00:00:00Z',
      'Jan 3, 2025 @ 00:00:00.000',
      'T1 2025',
      'S1 2025',
      '2025',
      'Jan 2025',
      '2025-01-04',
      'total',
      '31/02/2025',
    ]);
    expect(reading.forms).toEqual([
      'iso-datetime',
      'kibana',
      'quarter',
      'half-year',
      'year',
      'month-name-en',
      'iso-date',
    ]);
    expect(reading.unreadable).toBe(2);
    expect(reading.examples).toHaveLength(5);
    expect(reading.examples.slice(0, 3)).toEqual([
      { raw: '2025-01-01T00:00:00Z', period: '2025-01-01', precision: 'day' },
      { raw: 'Jan 3, 2025 @ 00:00:00.000', period: '2025-01-03', precision: 'day' },
      { raw: 'T1 2025', period: '2025-01', precision: 'quarter' },
    ]);
  });

  it('reads an empty column as nothing', () => {
    expect(detectDateReading(['', ' '])).toEqual({
      order: 'dmy',
      excelSerial: false,
      ambiguous: false,
      conflict: false,
      forms: [],
      examples: [],
      unreadable: 0,
    });
  });
});

describe('dateErrorText', () => {
  const error = (raw: string): CellError => {
    const parsed = parseDateCell(raw, { excelSerial: true });
    if (parsed.ok) throw new Error(`${raw} parsed`);
    return parsed.error;
  };

  it.each<[string, string, string]>([
    [
      '31/02/2025',
      '« 31/02/2025 » n’est pas une date du calendrier',
      '"31/02/2025" is not a calendar date',
    ],
    [
      '13/2025',
      '« 13/2025 » n’est pas une date : il n’y a pas de mois 13',
      '"13/2025" is not a date: there is no month 13',
    ],
    [
      'T5 2025',
      '« T5 2025 » n’est pas une date : il n’y a pas de trimestre 5',
      '"T5 2025" is not a date: there is no quarter 5',
    ],
    [
      'S3 2025',
      '« S3 2025 » n’est pas une date : il n’y a pas de semestre 3',
      '"S3 2025" is not a date: there is no half-year 3',
    ],
    [
      '1999',
      '« 1999 » : l’année 1999 est hors de la plage lue (2000 à 2100)',
      '"1999": year 1999 is outside the range read (2000 to 2100)',
    ],
    [
      '60',
      '« 60 », lu comme une date Excel, tombe hors de la plage lue (2000-01-01 à 2100-12-31)',
      '"60", read as an Excel date, falls outside the range read (2000-01-01 to 2100-12-31)',
    ],
    ['', 'la date est vide', 'the date is empty'],
  ])('%j', (raw, fr, en) => {
    expect(dateErrorText(error(raw), 'fr')).toBe(fr);
    expect(dateErrorText(error(raw), 'en')).toBe(en);
  });

  it('names the forms it reads when a cell is not a date', () => {
    expect(dateErrorText(error('foo'), 'fr')).toMatch(
      /^« foo » n’est pas une date \(formes lues : .*janv\. 2025/,
    );
    expect(dateErrorText(error('foo'), 'en')).toMatch(
      /^"foo" is not a date \(forms read: .*Jan 2025/,
    );
  });

  it('has a sentence for every code in both languages', () => {
    const codes: DateErrorCode[] = [
      'date.empty',
      'date.notADate',
      'date.impossible',
      'date.noSuchMonth',
      'date.noSuchQuarter',
      'date.noSuchHalf',
      'date.yearOutOfRange',
      'date.excelOutOfRange',
    ];
    for (const code of codes) {
      for (const lang of ['fr', 'en'] as const) {
        const text = dateErrorText(
          { code, params: { raw: 'x', month: 1, quarter: 1, half: 1, year: 1, min: 1, max: 1 } },
          lang,
        );
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(5);
      }
    }
  });
});
