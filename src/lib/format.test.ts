import { describe, expect, it } from 'vitest';
import type { Precision, Qualifier } from '../feeds/types';
import {
  formatChange,
  formatCompact,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPeriodPhrase,
  formatList,
  formatRank,
  formatSpan,
  pluralCategory,
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
    ['2023-01-01', 'day', 'fr', '1er janv. 2023'],
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

describe('formatList', () => {
  it.each<[Lang, string[], string]>([
    ['fr', ['l’ANS'], 'l’ANS'],
    ['fr', ['l’ANS', 'la CNAM'], 'l’ANS et la CNAM'],
    ['fr', ['A', 'B', 'C'], 'A, B et C'],
    ['en', ['A', 'B', 'C'], 'A, B and C'],
  ])('%s %j -> %j', (lang, names, expected) => {
    expect(formatList(names, lang)).toBe(expected);
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

describe('dates in sentences', () => {
  it.each<[string, Precision, Lang, string]>([
    ['2022-12-01', 'day', 'fr', 'le 1er déc. 2022'],
    ['2024-10-07', 'day', 'fr', 'le 7 oct. 2024'],
    ['2024-10', 'month', 'fr', 'en oct. 2024'],
    ['2022-10-31', 'month', 'fr', 'en oct. 2022'],
    ['2024', 'year', 'fr', 'en 2024'],
    ['2021-12', 'half-year', 'fr', 'au 2e semestre 2021'],
    ['2022-12-01', 'day', 'en', 'on 1 Dec 2022'],
    ['2024-10', 'month', 'en', 'in Oct 2024'],
  ])('%s (%s, %s) -> %j', (period, precision, lang, expected) => {
    expect(formatPeriodPhrase(period, precision, lang)).toBe(expected);
  });

  it('says a span with the prepositions each end needs', () => {
    const at = (period: string, precision: Precision) => ({ period, precision });
    expect(formatSpan(at('2025-10-31', 'month'), at('2026-01-29', 'day'), 'fr')).toBe(
      'd’oct. 2025 au 29 janv. 2026',
    );
    expect(formatSpan(at('2025-04-02', 'day'), at('2025-10-31', 'month'), 'fr')).toBe(
      'du 2 avr. 2025 à oct. 2025',
    );
    expect(formatSpan(at('2024-01', 'month'), at('2024-03', 'month'), 'fr')).toBe(
      'de janv. 2024 à mars 2024',
    );
    expect(formatSpan(at('2022-12-01', 'day'), at('2023-01', 'month'), 'en')).toBe(
      'from 1 Dec 2022 to Jan 2023',
    );
  });

  it('never writes « 1 déc. » for the first of a month in French', () => {
    expect(formatPeriod('2022-12-01', 'day', 'fr')).toBe('1er déc. 2022');
    expect(formatPeriod('2022-12-11', 'day', 'fr')).toBe('11 déc. 2022');
    expect(formatPeriod('2022-12-01', 'day', 'en')).toBe('1 Dec 2022');
  });
});

describe('formatChange', () => {
  it('signs a relative change', () => {
    expect(formatChange(0.25, 'fr')).toBe(`+25${NBSP}%`);
    expect(formatChange(-0.045, 'fr')).toBe(`-4,5${NBSP}%`);
    expect(formatChange(0, 'en')).toBe('0%');
  });
});

describe('formatRank', () => {
  it('writes ordinals', () => {
    expect([1, 2, 18].map((n) => formatRank(n, 'fr'))).toEqual(['1re', '2e', '18e']);
    expect([1, 2, 3, 4, 11, 22].map((n) => formatRank(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '22nd',
    ]);
  });
});

describe('pluralCategory', () => {
  it('follows each language’s rules: 0 is singular in French, plural in English', () => {
    expect([0, 1, 2, 18].map((n) => pluralCategory(n, 'fr'))).toEqual([
      'one',
      'one',
      'other',
      'other',
    ]);
    expect([0, 1, 2].map((n) => pluralCategory(n, 'en'))).toEqual(['other', 'one', 'other']);
  });
});
