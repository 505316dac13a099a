/** Cell parsers for numbers and dates as French and international files write them. */
import { checkPeriod, periodGranularity } from '../model/period';
import type { Precision } from './types';

// Space, no-break space, narrow no-break space, thin space, apostrophe: thousands separators.
const GROUP_SEPARATORS = /[\s\u00a0\u202f\u2009']/g;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A number as people write it: `1 234 567`, `1 234,5` (no-break or narrow no-break spaces),
 * `12,5 %`, `1,234.5`, `1.234.567`. A trailing `%` is accepted and dropped: percent values
 * are stored in percent.
 */
export function parseNumberCell(raw: string): Parsed<number> {
  let s = raw.trim();
  if (s === '') return { ok: false, error: 'value is empty' };
  s = s
    .replace(/\s*%$/, '')
    .replace(GROUP_SEPARATORS, '')
    .replace(/^\+/, '')
    .replace(/^\u2212/, '-');
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas && dots) {
    // Both present: the last one is the decimal mark, the other groups thousands.
    s =
      s.lastIndexOf(',') > s.lastIndexOf('.')
        ? s.replace(/\./g, '').replace(',', '.')
        : s.replace(/,/g, '');
  } else if (commas === 1) {
    s = s.replace(',', '.');
  } else if (commas > 1) {
    s = s.replace(/,/g, '');
  } else if (dots > 1) {
    s = s.replace(/\./g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) {
    return { ok: false, error: `"${raw}" is not a number` };
  }
  const value = Number(s);
  return Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, error: `"${raw}" is not a finite number` };
}

/**
 * A period cell: ISO `2024-01-10`, `2023-02`, `2024`, an ISO date-time, or French
 * `10/01/2024` and `01/2024`. Returns the ISO period and the precision it was written with.
 * Strict on purpose, for the tidy format; dates as other files write them (month names,
 * quarters, Excel days…) are read by `parseDateCell` in dates.ts.
 */
export function parsePeriodCell(raw: string): Parsed<{ period: string; precision: Precision }> {
  const s = raw.trim();
  let period: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s))) period = m[1];
  else if (/^\d{4}-\d{2}$/.test(s) || /^\d{4}$/.test(s)) period = s;
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
    period = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  } else if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) period = `${m[2]}-${m[1]!.padStart(2, '0')}`;
  if (!period) {
    return {
      ok: false,
      error: `"${raw}" is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY, dd/mm/yyyy or mm/yyyy)`,
    };
  }
  const problem = checkPeriod(period);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: { period, precision: periodGranularity(period) } };
}
