import type { Precision } from './observation';

const PERIOD_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Checks a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period is a real calendar date. */
export function checkPeriod(period: string): string | null {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return `"${period}" is not a period (expected YYYY, YYYY-MM or YYYY-MM-DD)`;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (year < 2000 || year > 2100) return `year ${year} is out of range`;
  if (mo !== undefined) {
    const month = Number(mo);
    if (month < 1 || month > 12) return `"${period}" has no month ${mo}`;
    if (d !== undefined) {
      const day = Number(d);
      const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > daysInMonth) return `"${period}" is not a calendar date`;
    }
  }
  return null;
}

/** The precision a period string can carry at most. */
export function periodGranularity(period: string): 'year' | 'month' | 'day' {
  return period.length === 4 ? 'year' : period.length === 7 ? 'month' : 'day';
}

/** Whether a precision is consistent with how a period is written. */
export function checkPrecision(period: string, precision: Precision): string | null {
  const g = periodGranularity(period);
  if (precision === 'day' && g !== 'day') return `precision "day" needs a YYYY-MM-DD period`;
  // A month, quarter or half-year needs its month: a bare year cannot say which one.
  if (precision !== 'day' && precision !== 'year' && g === 'year') {
    return `precision "${precision}" needs at least YYYY-MM`;
  }
  return null;
}

/**
 * Where a period sits on a time axis (UTC). A written day is that day; a month or a year
 * written without a day is placed at its start, as time axes label them.
 */
export function periodDate(period: string): Date {
  const [y, m = '01', d = '01'] = period.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/**
 * Last day covered by a period: used for "as of" lookups. A quarter or half-year ends with the
 * last day of its span, whichever of its months (or days) the period is written with.
 */
export function periodEnd(period: string, precision?: Precision): Date {
  const [y, m, d] = period.split('-').map(Number) as [number, number?, number?];
  const span = precision === 'quarter' ? 3 : precision === 'half-year' ? 6 : 0;
  if (span && m !== undefined) return new Date(Date.UTC(y, Math.ceil(m / span) * span, 0));
  if (d !== undefined) return new Date(Date.UTC(y, m! - 1, d));
  if (m !== undefined) return new Date(Date.UTC(y, m, 0));
  return new Date(Date.UTC(y, 11, 31));
}

const DAY_MS = 24 * 3600 * 1000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * Where a day sits on a scale of calendar months: the month's index plus the share of the month
 * elapsed at the end of that day. The end of every month is a whole number, so from the end of
 * January to the end of February is exactly one month, as monthly data reads it (not 28 days
 * of an average 30.4-day month, 0.92 month).
 */
function monthPosition(date: Date): number {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const day = date.getUTCDate() + (date.getTime() - Date.UTC(y, m, date.getUTCDate())) / DAY_MS;
  return y * 12 + m + day / daysInMonth(y, m);
}

/** Calendar months from one day to another: 31 Jan → 29 Feb is 1, 31 Jan → 31 Jul is 6. */
export function monthsBetween(from: Date, to: Date): number {
  return monthPosition(to) - monthPosition(from);
}

/** `date` moved by a (possibly fractional) number of calendar months: the inverse of monthsBetween. */
export function addMonths(date: Date, months: number): Date {
  const position = monthPosition(date) + months;
  const index = Math.floor(position);
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const days = (position - index) * daysInMonth(year, month);
  // Day 0 of a month is the end of the month before: position `index` exactly.
  return new Date(Date.UTC(year, month, 0) + days * DAY_MS);
}
