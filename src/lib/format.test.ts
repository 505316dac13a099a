import { describe, expect, it } from 'vitest';
import type { Precision, Qualifier } from '../feeds/types';
import {
  formatCompact,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatQualified,
  formatRelative,
  formatValue,
  qualifierName,
  qualifierText,
  type Lang,
} from './format';

// Intl's real output: fr-FR groups digits with U+202F (narrow no-break space) and puts a
// U+00A0 (no-break space) before "%" and compact suffixes.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber', () => {
  it.each<[number, Lang, string]>([
    [65_400_000, 'fr', `65${NNBSP}400${NNBSP}000`],
    [65_400_000, 'en', '65,400,000'],
    [17_000_000, 'fr', `17${NNBSP}000${NNBSP}000`],
    [1234.56, 'fr', `1${NNBSP}234,6`],
    [1234.56, 'en', '1,234.6'],
    [999, 'fr', '999'],
    [0, 'fr', '0'],
    [-1500, 'fr', `-1${NNBSP}500`],
  ])('%d in %s -> %j', (value, lang, expected) => {
    expect(formatNumber(value, lang)).toBe(expected);
  });
});

describe('formatCompact', () => {
  it.each<[number, Lang, string]>([
    [65_400_000, 'fr', `65,4${NBSP}M`],
    [65_400_000, 'en', '65.4m'],
    [17_000, 'fr', `17${NBSP}k`],
    [17_000, 'en', '17k'],
    [1_500_000_000, 'fr', `1,5${NBSP}Md`],
    [123_456_789, 'fr', `123${NBSP}M`],
    [950, 'fr', '950'],
    [0, 'fr', '0'],
  ])('%d in %s -> %j', (value, lang, expected) => {
    expect(formatCompact(value, lang)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each<[number, Lang, string]>([
    [15.4, 'fr', `15,4${NBSP}%`],
    [15.4, 'en', '15.4%'],
    [15.46, 'fr', `15,5${NBSP}%`],
    [100, 'fr', `100${NBSP}%`],
    [0, 'en', '0%'],
  ])('%d in %s -> %j', (value, lang, expected) => {
    expect(formatPercent(value, lang)).toBe(expected);
  });
});

describe('formatValue', () => {
  it.each<[number, 'count' | 'percent', Lang, boolean, string]>([
    [65_400_000, 'count', 'fr', false, `65${NNBSP}400${NNBSP}000`],
    [65_400_000, 'count', 'fr', true, `65,4${NBSP}M`],
    [42.5, 'percent', 'fr', false, `42,5${NBSP}%`],
    // A percent is already short: compact does not change it.
    [42.5, 'percent', 'en', true, '42.5%'],
  ])('%d %s %s compact=%s -> %j', (value, unit, lang, compact, expected) => {
    expect(formatValue(value, unit, lang, { compact })).toBe(expected);
  });
});

describe('qualifiers', () => {
  it.each<[Qualifier, string, string, string, string]>([
    ['=', '', '', 'exact', 'exact'],
    ['~', 'environ', 'about', 'approximatif', 'approximate'],
    ['>', 'plus de', 'more than', 'minimum (plus de)', 'lower bound (more than)'],
    ['<', 'moins de', 'less than', 'maximum (moins de)', 'upper bound (less than)'],
  ])('%s', (q, textFr, textEn, nameFr, nameEn) => {
    expect(qualifierText(q, 'fr')).toBe(textFr);
    expect(qualifierText(q, 'en')).toBe(textEn);
    expect(qualifierName(q, 'fr')).toBe(nameFr);
    expect(qualifierName(q, 'en')).toBe(nameEn);
  });
});

describe('formatQualified', () => {
  it.each<[number, Qualifier, 'count' | 'percent', Lang, boolean, string]>([
    [17_000_000, '>', 'count', 'fr', false, `plus de 17${NNBSP}000${NNBSP}000`],
    [17_000_000, '>', 'count', 'en', false, 'more than 17,000,000'],
    [15, '~', 'percent', 'fr', false, `environ 15${NBSP}%`],
    [15, '~', 'percent', 'en', false, 'about 15%'],
    [500, '<', 'count', 'fr', false, 'moins de 500'],
    [7_200_000, '=', 'count', 'fr', false, `7${NNBSP}200${NNBSP}000`],
    [7_200_000, '>', 'count', 'fr', true, `plus de 7,2${NBSP}M`],
  ])('%d %s %s %s compact=%s -> %j', (value, q, unit, lang, compact, expected) => {
    expect(formatQualified(value, q, unit, lang, { compact })).toBe(expected);
  });
});

describe('formatPeriod', () => {
  it.each<[string, Precision, Lang, string]>([
    ['2021-09-15', 'day', 'fr', '15 sept. 2021'],
    ['2021-09-15', 'day', 'en', '15 Sept 2021'],
    ['2021-09', 'month', 'fr', 'sept. 2021'],
    ['2021-09', 'month', 'en', 'Sept 2021'],
    // "fin octobre" published with a day but known to the month only.
    ['2022-10-31', 'month', 'fr', 'oct. 2022'],
    ['2024', 'year', 'fr', '2024'],
    ['2024-12-31', 'year', 'en', '2024'],
    ['2021-12', 'half-year', 'fr', '2e semestre 2021'],
    ['2021-12-31', 'half-year', 'en', 'H2 2021'],
    ['2021-06-30', 'half-year', 'fr', '1er semestre 2021'],
    ['2021-01', 'half-year', 'en', 'H1 2021'],
    ['2025-01', 'quarter', 'fr', 'T1 2025'],
    ['2025-04', 'quarter', 'en', 'Q2 2025'],
    ['2025-09-30', 'quarter', 'fr', 'T3 2025'],
    ['2025-10', 'quarter', 'en', 'Q4 2025'],
    ['2025-12', 'quarter', 'fr', 'T4 2025'],
    // A day precision on a month-only period cannot invent the day.
    ['2023-02', 'day', 'fr', 'févr. 2023'],
    // January 1st must not slip to the previous year in a time zone west of UTC.
    ['2023-01-01', 'day', 'fr', '1 janv. 2023'],
  ])('%s (%s, %s) -> %j', (period, precision, lang, expected) => {
    expect(formatPeriod(period, precision, lang)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  const instant = new Date(Date.UTC(2021, 8, 15, 10, 5));
  it.each<[Lang, string, string]>([
    ['fr', 'Europe/Paris', '15 sept. 2021, 12:05'],
    ['en', 'Europe/Paris', '15 Sept 2021, 12:05'],
    ['fr', 'UTC', '15 sept. 2021, 10:05'],
  ])('%s in %s -> %j', (lang, tz, expected) => {
    expect(formatDateTime(instant, lang, tz)).toBe(expected);
  });
});

describe('formatRelative', () => {
  const now = new Date(Date.UTC(2024, 0, 10, 12, 0, 0));
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  it.each<[number, Lang, string]>([
    [3 * 60, 'fr', `il y a 3${NBSP}min`],
    [3 * 60, 'en', '3 min ago'],
    [0, 'fr', 'maintenant'],
    [0.3, 'fr', 'maintenant'],
    [30, 'fr', `il y a 30${NBSP}s`],
    // 59.6 s rounds to a minute, not to "60 s".
    [59.6, 'en', '1 min ago'],
    [2 * 3600, 'fr', `il y a 2${NBSP}h`],
    [24 * 3600, 'fr', 'hier'],
    [3 * 24 * 3600, 'en', '3 days ago'],
    [-2 * 3600, 'fr', `dans 2${NBSP}h`],
    [400 * 24 * 3600, 'fr', `l’an dernier`],
  ])('%d s before now in %s -> %j', (seconds, lang, expected) => {
    expect(formatRelative(ago(seconds), now, lang)).toBe(expected);
  });
});
