/**
 * Dates as French people and their tools write them (issue 15): ISO dates and date-times,
 * `01/2025`, `01/01/2025` (day first unless the column says otherwise), French and English month
 * names, Kibana's `Jan 1, 2025 @ 00:00:00.000`, quarters, half-years, years and Excel serial
 * days. Each reading keeps the precision the cell was written with.
 *
 * Errors are data (a code and its parameters), so the page can say them in French or English;
 * `dateErrorText` gives the sentence. The tidy format keeps its own strict reader
 * (`parsePeriodCell` in values.ts).
 */
import type { DateErrorCode, Precision } from './types';

export type DateOrder = 'dmy' | 'mdy';

export interface ReadDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a quarter or half-year is written with its first month. */
  period: string;
  precision: Precision;
}

export interface DateOptions {
  /** How `01/02/2025` reads: day first (`dmy`, French, the default) or month first (`mdy`). */
  order?: DateOrder;
  /**
   * Read a bare number as an Excel serial day (1900 date system: 45658 is 2025-01-01). Only for
   * a column made of such numbers (`detectDateReading` says so): elsewhere a number is no date.
   */
  excelSerial?: boolean;
}

// Declared with the other issue codes (types.ts), which need it without importing this module.
export type { DateErrorCode } from './types';

/** A cell that could not be read: `params.raw` is the cell as written; other params by code. */
export interface CellError {
  code: DateErrorCode;
  params: { raw: string } & Record<string, string | number>;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; error: CellError };

/** Stable ids of the forms a date can be written in, for the preview. */
export type DateForm =
  | 'iso-date' // 2025-01-31
  | 'iso-datetime' // 2025-01-31T00:00:00Z, 2025-01-31 00:00:00
  | 'iso-month' // 2025-01
  | 'year' // 2025
  | 'numeric-month' // 01/2025, 1/2025
  | 'numeric-date' // 31/01/2025 (or 01/31/2025 in an mdy column)
  | 'month-name-fr' // janv. 2025, janvier 2025, JANVIER 2025, janv.-25
  | 'month-name-en' // Jan 2025, January 2025
  | 'day-month-name' // 1 janv. 2025, 1er janvier 2025, 1 Jan 2025
  | 'kibana' // Jan 1, 2025 @ 00:00:00.000; January 1st 2025, 00:00:00.000
  | 'quarter' // T1 2025, Q1 2025, 2025-T1, 1er trimestre 2025
  | 'half-year' // S1 2025, H1 2025, 2025-S1, 1er semestre 2025
  | 'excel-serial'; // 45658

export interface DateReading {
  /** The order to read `01/02/2025` with: `dmy` unless some cell says `mdy`. */
  order: DateOrder;
  /** The column's dates are Excel serial days (every cell is one). */
  excelSerial: boolean;
  /** Some cells are dd/mm/yyyy, no cell told dd/mm from mm/dd: read day first, say so. */
  ambiguous: boolean;
  /** Some cells can only be dd/mm, others only mm/dd: no order reads them all. */
  conflict: boolean;
  /** The forms seen, in order of first appearance. */
  forms: DateForm[];
  /** A few cells and how they read, one per form first, for "read as …". */
  examples: { raw: string; period: string; precision: Precision }[];
  /** Non-empty cells that do not read as dates with this reading (empty cells are not counted). */
  unreadable: number;
}

/** Years outside this range are typing errors for these figures (as `checkPeriod` says). */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

// Month names after lower-casing and dropping accents and a trailing dot: the abbreviations Intl
// (`fr-FR`, `month: 'short'`) and Excel (`mmm`) write, with and without their dot, and the
// full names. French first: a name both languages share (oct, nov, dec) reads as French.
const MONTHS_FR = new Map<string, number>(
  Object.entries({
    janvier: 1,
    janv: 1,
    fevrier: 2,
    fevr: 2,
    fev: 2,
    mars: 3,
    avril: 4,
    avr: 4,
    mai: 5,
    juin: 6,
    juillet: 7,
    juil: 7,
    aout: 8,
    septembre: 9,
    sept: 9,
    octobre: 10,
    oct: 10,
    novembre: 11,
    nov: 11,
    decembre: 12,
    dec: 12,
  }),
);
const MONTHS_EN = new Map<string, number>(
  Object.entries({
    january: 1,
    jan: 1,
    february: 2,
    feb: 2,
    march: 3,
    mar: 3,
    april: 4,
    apr: 4,
    may: 5,
    june: 6,
    jun: 6,
    july: 7,
    jul: 7,
    august: 8,
    aug: 8,
    september: 9,
    sep: 9,
    sept: 9,
    october: 10,
    november: 11,
    december: 12,
  }),
);

function monthByName(name: string): { month: number; form: DateForm } | undefined {
  const fr = MONTHS_FR.get(name);
  if (fr !== undefined) return { month: fr, form: 'month-name-fr' };
  const en = MONTHS_EN.get(name);
  return en === undefined ? undefined : { month: en, form: 'month-name-en' };
}

// A time after a date, ignored: the calendar date is taken as written, never shifted by a zone.
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?`;
const ISO_DATE = new RegExp(
  String.raw`^(\d{4})-(\d{2})-(\d{2})(?:([T ])${TIME}(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$`,
  'i',
);
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]${TIME})?$`);
const NUMERIC_MONTH = /^(\d{1,2})[/.-](\d{4})$/;
// Any other whole number (a fraction is a time of day): a serial day when the column says so.
// Today's dates are 5 digits; shorter ones are read only to say they are out of range.
const EXCEL_SERIAL = /^(\d{1,6})(?:[.,]\d+)?$/;
// The letter forms below are matched on the lower-cased cell, accents dropped, spaces single.
const MONTH_NAME = /^([a-z]+)\.?[ ./-]*(\d{4})$/;
// Excel's French `mmm-aa` (`janv.-25`): a two-digit year only after a month name and a hyphen.
const MONTH_NAME_SHORT_YEAR = /^([a-z]+)\.?-(\d{2})$/;
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:er|st|nd|rd|th)?[ -]([a-z]+)\.?[ -](\d{4})(?:,? (?:@ |a )?${TIME})?$`,
);
const KIBANA = new RegExp(
  String.raw`^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:,? (?:@ )?${TIME})?$`,
);
// `T1 2025`, `T1-2025`, `Q1 2025`; `2025-T1`, `2025 T1`, `2025Q1`; likewise `S1`/`H1` halves.
const PART_FIRST = /^([tqsh])(\d)[ /-]+(\d{4})$/;
const YEAR_FIRST = /^(\d{4})[ /-]*([tqsh])(\d)$/;
// `1er trimestre 2025`, `2e trimestre 2025`, `2ème semestre 2025`, `2nd semestre 2025`.
const ORDINAL_PART = /^(\d{1,2}) ?(?:er|re|e|eme|ieme|nd)? (trimestre|semestre) (\d{4})$/;

/** A cell's form and parts, before its numbers are checked. */
type Candidate =
  | { kind: 'calendar'; form: DateForm; y: number; m?: number; d?: number }
  | { kind: 'numeric'; form: 'numeric-date'; y: number; a: number; b: number }
  | { kind: 'part'; form: 'quarter' | 'half-year'; y: number; part: number }
  | { kind: 'serial'; form: 'excel-serial'; serial: number };

/** Which form a cell is written in, and its parts; undefined when it is in none. */
function match(s: string): Candidate | undefined {
  let m: RegExpExecArray | null;
  if ((m = ISO_DATE.exec(s))) {
    const form = m[4] ? 'iso-datetime' : 'iso-date';
    return { kind: 'calendar', form, y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  }
  if ((m = ISO_MONTH.exec(s)))
    return { kind: 'calendar', form: 'iso-month', y: Number(m[1]), m: Number(m[2]) };
  if ((m = YEAR.exec(s))) return { kind: 'calendar', form: 'year', y: Number(m[1]) };
  if ((m = NUMERIC_DATE.exec(s))) {
    return {
      kind: 'numeric',
      form: 'numeric-date',
      a: Number(m[1]),
      b: Number(m[3]),
      y: Number(m[4]),
    };
  }
  if ((m = NUMERIC_MONTH.exec(s))) {
    return { kind: 'calendar', form: 'numeric-month', y: Number(m[2]), m: Number(m[1]) };
  }
  if ((m = EXCEL_SERIAL.exec(s)))
    return { kind: 'serial', form: 'excel-serial', serial: Number(m[1]) };
  if (!/[a-z]/i.test(s)) return undefined;
  if (matchedWords.has(s)) return matchedWords.get(s);
  const c = matchWords(
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' '),
  );
  if (matchedWords.size >= MEMO_LIMIT) matchedWords.clear();
  matchedWords.set(s, c);
  return c;
}

// Files repeat a few dates over many rows (every place, every indicator): each distinct cell
// with words is matched once, its accents dropped once. Bounded, so a column of all-different
// cells cannot grow it without limit. (Digit-only forms are as fast to match as to look up.)
const MEMO_LIMIT = 10_000;
const matchedWords = new Map<string, Candidate | undefined>();

function matchWords(s: string): Candidate | undefined {
  let m: RegExpExecArray | null;
  if ((m = PART_FIRST.exec(s)) || (m = YEAR_FIRST.exec(s))) {
    const [letter, part, year] = /\d/.test(m[1]!) ? [m[2]!, m[3]!, m[1]!] : [m[1]!, m[2]!, m[3]!];
    const form = letter === 't' || letter === 'q' ? 'quarter' : 'half-year';
    return { kind: 'part', form, y: Number(year), part: Number(part) };
  }
  if ((m = ORDINAL_PART.exec(s))) {
    return {
      kind: 'part',
      form: m[2] === 'trimestre' ? 'quarter' : 'half-year',
      y: Number(m[3]),
      part: Number(m[1]),
    };
  }
  if ((m = MONTH_NAME.exec(s))) {
    const month = monthByName(m[1]!);
    if (month) return { kind: 'calendar', form: month.form, y: Number(m[2]), m: month.month };
  }
  if ((m = MONTH_NAME_SHORT_YEAR.exec(s))) {
    const month = monthByName(m[1]!);
    if (month)
      return { kind: 'calendar', form: month.form, y: 2000 + Number(m[2]), m: month.month };
  }
  if ((m = DAY_MONTH_NAME.exec(s))) {
    const month = monthByName(m[2]!);
    const [y, d] = [Number(m[3]), Number(m[1])];
    if (month) return { kind: 'calendar', form: 'day-month-name', y, m: month.month, d };
  }
  if ((m = KIBANA.exec(s))) {
    const month = monthByName(m[1]!);
    const [y, d] = [Number(m[3]), Number(m[2])];
    if (month) return { kind: 'calendar', form: 'kibana', y, m: month.month, d };
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function fail(code: DateErrorCode, raw: string, params: Record<string, string | number> = {}) {
  return { ok: false as const, error: { code, params: { raw, ...params } } };
}

// Excel's 1900 date system counts 1900-02-29, a day that never was (serial 60), so from serial 61
// on, serial n is n days after 1899-12-30. Only 2000..2100 is accepted, far from that bug.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const EXCEL_MIN = (Date.UTC(MIN_YEAR, 0, 1) - EXCEL_EPOCH) / DAY_MS;
const EXCEL_MAX = (Date.UTC(MAX_YEAR, 11, 31) - EXCEL_EPOCH) / DAY_MS;

function resolve(raw: string, c: Candidate, options: DateOptions): CellResult<ReadDate> {
  if (c.kind === 'serial') {
    if (!options.excelSerial) return fail('date.notADate', raw);
    if (c.serial < EXCEL_MIN || c.serial > EXCEL_MAX) {
      return fail('date.excelOutOfRange', raw, {
        min: `${MIN_YEAR}-01-01`,
        max: `${MAX_YEAR}-12-31`,
      });
    }
    const period = new Date(EXCEL_EPOCH + c.serial * DAY_MS).toISOString().slice(0, 10);
    return { ok: true, value: { period, precision: 'day' } };
  }
  const { y } = c;
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return fail('date.yearOutOfRange', raw, { year: y, min: MIN_YEAR, max: MAX_YEAR });
  }
  if (c.kind === 'part') {
    const parts = c.form === 'quarter' ? 4 : 2;
    if (c.part < 1 || c.part > parts) {
      return c.form === 'quarter'
        ? fail('date.noSuchQuarter', raw, { quarter: c.part })
        : fail('date.noSuchHalf', raw, { half: c.part });
    }
    const first = (c.part - 1) * (12 / parts) + 1;
    return { ok: true, value: { period: `${y}-${pad(first)}`, precision: c.form } };
  }
  const [month, day] =
    c.kind === 'calendar' ? [c.m, c.d] : options.order === 'mdy' ? [c.a, c.b] : [c.b, c.a];
  if (month === undefined) return { ok: true, value: { period: String(y), precision: 'year' } };
  if (month < 1 || month > 12) return fail('date.noSuchMonth', raw, { month });
  const period = `${y}-${pad(month)}`;
  if (day === undefined) return { ok: true, value: { period, precision: 'month' } };
  if (day < 1 || day > new Date(Date.UTC(y, month, 0)).getUTCDate()) {
    return fail('date.impossible', raw);
  }
  return { ok: true, value: { period: `${period}-${pad(day)}`, precision: 'day' } };
}

/**
 * Reads one date cell. `01/02/2025` is 1 February unless `order` is `mdy`; a bare number (not
 * a 4-digit year) is a date only with `excelSerial`. A `DateReading` can be passed as `options`.
 */
export function parseDateCell(raw: string, options: DateOptions = {}): CellResult<ReadDate> {
  const s = raw.trim();
  if (s === '') return fail('date.empty', raw);
  const c = match(s);
  return c ? resolve(raw, c, options) : fail('date.notADate', raw);
}

const MAX_EXAMPLES = 5;

/**
 * What a column's dates look like: the order of its dd/mm dates (any cell with a first part over
 * 12 says dd/mm, a second part over 12 says mm/dd; both at once is a conflict), whether they are
 * Excel serial days (every non-empty cell is a whole number other than a 4-digit year), the
 * forms seen, a few examples and how many cells do not read as dates.
 */
export function detectDateReading(cells: readonly string[]): DateReading {
  const read: { raw: string; c: Candidate | undefined }[] = [];
  let dayFirst = false;
  let monthFirst = false;
  let numericDates = 0;
  for (const raw of cells) {
    const s = raw.trim();
    if (s === '') continue;
    const c = match(s);
    read.push({ raw, c });
    if (c?.kind !== 'numeric') continue;
    numericDates++;
    // Only a part that can be a day and not a month is evidence; 45/02 is just a bad cell.
    if (c.a > 12 && c.a <= 31 && c.b <= 12) dayFirst = true;
    if (c.b > 12 && c.b <= 31 && c.a <= 12) monthFirst = true;
  }
  const conflict = dayFirst && monthFirst;
  const reading: DateReading = {
    order: monthFirst && !dayFirst ? 'mdy' : 'dmy',
    excelSerial: read.length > 0 && read.every(({ c }) => c?.kind === 'serial'),
    ambiguous: numericDates > 0 && !dayFirst && !monthFirst,
    conflict,
    forms: [],
    examples: [],
    unreadable: 0,
  };
  const shown = new Map<DateForm, { raw: string; c: Candidate; value: ReadDate }>();
  for (const { raw, c } of read) {
    const result = c && !(conflict && c.kind === 'numeric') ? resolve(raw, c, reading) : undefined;
    if (!c || !result?.ok) {
      reading.unreadable++;
      continue;
    }
    const before = shown.get(c.form);
    if (!before) {
      reading.forms.push(c.form);
      shown.set(c.form, { raw, c, value: result.value });
    } else if (
      before.c.kind === 'numeric' &&
      before.c.a === before.c.b &&
      c.kind === 'numeric' &&
      c.a !== c.b
    ) {
      // 03/03/2025 reads the same in both orders: an example whose day and month differ shows the order.
      shown.set(c.form, { raw, c, value: result.value });
    }
  }
  reading.examples = [...shown.values()]
    .slice(0, MAX_EXAMPLES)
    .map(({ raw, value }) => ({ raw, ...value }));
  return reading;
}

const DATE_ERROR_TEXT: Record<'fr' | 'en', Record<DateErrorCode, string>> = {
  fr: {
    'date.empty': 'la date est vide',
    'date.notADate':
      '« {raw} » n’est pas une date (formes lues : 2025-01-31, 31/01/2025, 01/2025, janv. 2025, T1 2025, 2025…)',
    'date.impossible': '« {raw} » n’est pas une date du calendrier',
    'date.noSuchMonth': '« {raw} » n’est pas une date : il n’y a pas de mois {month}',
    'date.noSuchQuarter': '« {raw} » n’est pas une date : il n’y a pas de trimestre {quarter}',
    'date.noSuchHalf': '« {raw} » n’est pas une date : il n’y a pas de semestre {half}',
    'date.yearOutOfRange': '« {raw} » : l’année {year} est hors de la plage lue ({min} à {max})',
    'date.excelOutOfRange':
      '« {raw} », lu comme une date Excel, tombe hors de la plage lue ({min} à {max})',
  },
  en: {
    'date.empty': 'the date is empty',
    'date.notADate':
      '"{raw}" is not a date (forms read: 2025-01-31, 31/01/2025, 01/2025, Jan 2025, Q1 2025, 2025…)',
    'date.impossible': '"{raw}" is not a calendar date',
    'date.noSuchMonth': '"{raw}" is not a date: there is no month {month}',
    'date.noSuchQuarter': '"{raw}" is not a date: there is no quarter {quarter}',
    'date.noSuchHalf': '"{raw}" is not a date: there is no half-year {half}',
    'date.yearOutOfRange': '"{raw}": year {year} is outside the range read ({min} to {max})',
    'date.excelOutOfRange':
      '"{raw}", read as an Excel date, falls outside the range read ({min} to {max})',
  },
};

/** The sentence for a date error, French or English. */
export function dateErrorText(e: CellError, lang: 'fr' | 'en'): string {
  return DATE_ERROR_TEXT[lang][e.code].replace(/\{(\w+)\}/g, (all, key: string) =>
    key in e.params ? String(e.params[key]) : all,
  );
}
