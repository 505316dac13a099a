/** Cell parsers for numbers and dates as French and international files write them. */
import { checkPeriod, periodGranularity } from '../model/period';
import type { Precision } from './types';

// Space, no-break space, narrow no-break space, thin space, apostrophe: thousands separators.
const GROUP_SEPARATORS = /[\s\u00a0\u202f\u2009']/g;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Why a number cell does not read: empty, not a number, or too large to be finite. */
export type NumberProblem = 'empty' | 'notANumber' | 'notFinite';

const PLAIN_NUMBER = /^-?\d{1,15}(?:\.\d+)?$/;
/** `1 234 567`, `1 234,5` (space, no-break, narrow no-break or thin space between groups). */
const SPACE_GROUPED = /^-?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){1,4}(?:,\d+)?$/;

/**
 * A number as people write it: `1 234 567`, `1 234,5` (no-break or narrow no-break spaces),
 * `12,5 %`, `1,234.5`, `1.234.567`. A trailing `%` is accepted and dropped: percent values
 * are stored in percent.
 */
export function parseNumberCell(
  raw: string,
  options: { commaGroups?: boolean } = {},
): Parsed<number> & { problem?: NumberProblem } {
  // Most cells of a big file are plain digits, or digits grouped by spaces: read them at once.
  if (PLAIN_NUMBER.test(raw)) return { ok: true, value: Number(raw) };
  if (SPACE_GROUPED.test(raw)) {
    return { ok: true, value: Number(raw.replace(GROUP_SEPARATORS, '').replace(',', '.')) };
  }
  let s = raw.trim();
  if (s === '') return { ok: false, error: 'value is empty', problem: 'empty' };
  // A column written the English way (`1,234,567`, `752,000`): its commas group thousands.
  if (options.commaGroups && /^[+\-\u2212]?\d{1,3}(,\d{3})+(\.\d+)?\s*%?$/.test(s))
    s = s.replace(/,/g, '');
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
    return { ok: false, error: `"${raw}" is not a number`, problem: 'notANumber' };
  }
  const value = Number(s);
  return Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, error: `"${raw}" is not a finite number`, problem: 'notFinite' };
}

/**
 * Whether a column writes its numbers the English way, commas grouping thousands: some cell
 * has two groups or more (`8,102,000`) or a comma before a decimal point (`1,234.5`). Then a
 * lone `752,000` in it is 752 000, not 752. (A French column never has such cells.)
 */
export function commaGroupsColumn(cells: readonly string[]): boolean {
  return cells.some((c) =>
    /^\s*[+\-\u2212]?\d{1,3}(,\d{3}){2,}(\.\d+)?\s*%?\s*$|^\s*[+\-\u2212]?\d{1,3}(,\d{3})+\.\d+\s*%?\s*$/.test(
      c,
    ),
  );
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
