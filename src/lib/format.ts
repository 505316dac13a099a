/**
 * The one formatting module of the app (DESIGN §6: French first, `Intl` for every number and
 * date). Components never call `toLocaleString` or build number strings themselves.
 */
import type { Precision, Qualifier } from '../model/observation';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

export type Unit = 'count' | 'percent';

export interface FormatOptions {
  /** Short form for axes and tight spaces ("65,4 M"); full figures otherwise. */
  compact?: boolean;
}

/** en-GB rather than en-US: day-month order and 24 h clock, closer to what French readers expect. */
const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function locale(lang: Lang): string {
  return LOCALES[lang];
}

// Intl formatters are costly to build and charts format hundreds of labels: build each once, under
// a fixed name (no key to compute on every call).
type NumberStyle = 'full' | 'compact' | 'percent' | 'day' | 'month' | 'year';
/** Calendar dates (UTC) and a moment in the reader's zone; the axis styles label time ticks. */
export type DateStyle =
  'day' | 'month' | 'dateTime' | 'axisYear' | 'axisMonth' | 'axisDay' | 'axisDayYear';

const NUMBER_OPTIONS: Record<NumberStyle, Intl.NumberFormatOptions> = {
  full: { maximumFractionDigits: 1 },
  compact: { notation: 'compact', maximumSignificantDigits: 3 },
  percent: { style: 'percent', maximumFractionDigits: 1 },
  day: { style: 'unit', unit: 'day', unitDisplay: 'long' },
  month: { style: 'unit', unit: 'month', unitDisplay: 'long' },
  year: { style: 'unit', unit: 'year', unitDisplay: 'long' },
};
const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { dateStyle: 'medium', timeZone: 'UTC' },
  month: { month: 'short', year: 'numeric', timeZone: 'UTC' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  axisYear: { year: 'numeric', timeZone: 'UTC' },
  axisMonth: { month: 'short', timeZone: 'UTC' },
  axisDay: { day: 'numeric', month: 'short', timeZone: 'UTC' },
  axisDayYear: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
};

const numberFormats: Record<Lang, Partial<Record<NumberStyle, Intl.NumberFormat>>> = {
  fr: {},
  en: {},
};
const dateFormats: Record<Lang, Partial<Record<DateStyle, Intl.DateTimeFormat>>> = {
  fr: {},
  en: {},
};

function numberFormat(lang: Lang, style: NumberStyle): Intl.NumberFormat {
  return (numberFormats[lang][style] ??= new Intl.NumberFormat(
    LOCALES[lang],
    NUMBER_OPTIONS[style],
  ));
}

function dateFormat(lang: Lang, style: DateStyle): Intl.DateTimeFormat {
  return (dateFormats[lang][style] ??= new Intl.DateTimeFormat(LOCALES[lang], DATE_OPTIONS[style]));
}

/** A date in one of the named styles (`month`: fr "sept. 2021"; `axisMonth`: "sept."). */
export function formatDate(date: Date, style: DateStyle, lang: Lang): string {
  return dateFormat(lang, style).format(date);
}

/**
 * Builds the formatters a first paint uses, ahead of need. The first Intl formatter of a page
 * loads the locale's data (a few hundred ms on a slow phone); called while the data is being read
 * from IndexedDB, that cost overlaps the wait instead of delaying the first chart.
 */
export function warmFormatters(lang: Lang): void {
  numberFormat(lang, 'full');
  numberFormat(lang, 'compact');
  numberFormat(lang, 'percent');
  dateFormat(lang, 'month');
  dateFormat(lang, 'day');
}

/** Full figure: fr "65 400 000" (U+202F group separator), at most one decimal. */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(lang, 'full').format(value);
}

/** Short figure for axes: fr "65,4 M", en "65.4m". */
export function formatCompact(value: number, lang: Lang): string {
  return numberFormat(lang, 'compact').format(value);
}

/** Feeds publish rates as percent numbers (15.4 means 15.4 %), not fractions. */
export function formatPercent(valueInPercent: number, lang: Lang): string {
  return numberFormat(lang, 'percent').format(valueInPercent / 100);
}

export function formatValue(
  value: number,
  unit: Unit,
  lang: Lang,
  opts: FormatOptions = {},
): string {
  if (unit === 'percent') return formatPercent(value, lang);
  return opts.compact ? formatCompact(value, lang) : formatNumber(value, lang);
}

/** A duration as said: fr "3 mois", "1 an", "12 jours"; en "3 months". */
export function formatDuration(amount: number, unit: 'day' | 'month' | 'year', lang: Lang): string {
  return numberFormat(lang, unit).format(amount);
}

const QUALIFIER_TEXT: Record<Lang, Record<Qualifier, string>> = {
  fr: { '=': '', '~': 'environ', '>': 'plus de', '<': 'moins de' },
  en: { '=': '', '~': 'about', '>': 'more than', '<': 'less than' },
};

const QUALIFIER_NAME: Record<Lang, Record<Qualifier, string>> = {
  fr: {
    '=': 'exact',
    '~': 'approximatif',
    '>': 'minimum (plus de)',
    '<': 'maximum (moins de)',
  },
  en: {
    '=': 'exact',
    '~': 'approximate',
    '>': 'lower bound (more than)',
    '<': 'upper bound (less than)',
  },
};

/** The words read before a value: '' for an exact figure. */
export function qualifierText(q: Qualifier, lang: Lang): string {
  return QUALIFIER_TEXT[lang][q];
}

/** What kind of figure this is, for legends and tooltips. */
export function qualifierName(q: Qualifier, lang: Lang): string {
  return QUALIFIER_NAME[lang][q];
}

/** A value as it must be read: fr "plus de 17 000 000", "environ 15 %". */
export function formatQualified(
  value: number,
  qualifier: Qualifier,
  unit: Unit,
  lang: Lang,
  opts: FormatOptions = {},
): string {
  const words = qualifierText(qualifier, lang);
  const figure = formatValue(value, unit, lang, opts);
  return words ? `${words} ${figure}` : figure;
}

function utcDate(y: number, m = 1, d = 1): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * A published period as a reader says it, at the precision it is known: a "month" figure
 * published as "fin octobre" ('2022-10-31') reads "oct. 2022", not a made-up exact day.
 */
export function formatPeriod(period: string, precision: Precision, lang: Lang): string {
  const [y, m, d] = period.split('-').map(Number) as [number, number?, number?];
  // Dates are calendar days, not instants: format in UTC so no time zone shifts the day.
  if (precision === 'year' || m === undefined) return String(y);
  if (precision === 'quarter') {
    const quarter = Math.ceil(m / 3);
    return lang === 'fr' ? `T${quarter} ${y}` : `Q${quarter} ${y}`;
  }
  if (precision === 'half-year') {
    const first = m <= 6;
    if (lang === 'fr') return `${first ? '1er' : '2e'} semestre ${y}`;
    return `${first ? 'H1' : 'H2'} ${y}`;
  }
  if (precision === 'day' && d !== undefined) {
    const text = dateFormat(lang, 'day').format(utcDate(y, m, d));
    // French writes the first of the month as an ordinal: « 1er déc. 2022 ».
    return lang === 'fr' && d === 1 ? text.replace(/^1(?=\s)/, '1er') : text;
  }
  return dateFormat(lang, 'month').format(utcDate(y, m));
}

/** A period's exact calendar day is said only at day precision (see formatPeriod). */
function saysDay(period: string, precision: Precision): boolean {
  return precision === 'day' && period.length === 10;
}

/**
 * A published period as it is said in a sentence: fr « le 1er déc. 2022 », « en oct. 2024 »,
 * « en 2024 », « au 2e semestre 2021 », « au T1 2025 »; en "on 1 Dec 2022", "in Oct 2024", "in H2 2021".
 */
export function formatPeriodPhrase(period: string, precision: Precision, lang: Lang): string {
  const text = formatPeriod(period, precision, lang);
  if (lang === 'en') return `${saysDay(period, precision) ? 'on' : 'in'} ${text}`;
  if (saysDay(period, precision)) return `le ${text}`;
  return precision === 'half-year' || precision === 'quarter' ? `au ${text}` : `en ${text}`;
}

/** French elides « de » before a vowel: « d’oct. 2025 », « d’avr. 2024 », « de janv. 2024 ». */
function deFr(text: string): string {
  return /^[aeiouyàâéèêîôûh]/i.test(text) ? `d’${text}` : `de ${text}`;
}

/**
 * A span between two published periods, as said: fr « du 2 avr. 2025 au 29 janv. 2026 »,
 * « d’oct. 2025 au 29 janv. 2026 », « de janv. 2024 à mars 2024 »; en "from … to …".
 */
export function formatSpan(
  from: { period: string; precision: Precision },
  to: { period: string; precision: Precision },
  lang: Lang,
): string {
  const a = formatPeriod(from.period, from.precision, lang);
  const b = formatPeriod(to.period, to.precision, lang);
  if (lang === 'en') return `from ${a} to ${b}`;
  const start = saysDay(from.period, from.precision) ? `du ${a}` : deFr(a);
  const end = saysDay(to.period, to.precision)
    ? `au ${b}`
    : to.precision === 'half-year' || to.precision === 'quarter'
      ? `au ${b}`
      : `à ${b}`;
  return `${start} ${end}`;
}

const changeFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** A relative change, signed: fr « +25 % », « −4,5 % », « 0 % » (a ratio: 0.25 is +25 %). */
export function formatChange(ratio: number, lang: Lang): string {
  const f = (changeFormats[lang] ??= new Intl.NumberFormat(LOCALES[lang], {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }));
  return f.format(ratio);
}

// Built on first use, not when the module loads: the app's code is evaluated in one task.
let ordinalRules: Intl.PluralRules | undefined;
const EN_ORDINAL: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** A rank as said: fr « 1re », « 2e » (a region is feminine); en "1st", "2nd", "3rd", "4th". */
export function formatRank(rank: number, lang: Lang): string {
  if (lang === 'fr') return rank === 1 ? '1re' : `${rank}e`;
  ordinalRules ??= new Intl.PluralRules('en-GB', { type: 'ordinal' });
  return `${rank}${EN_ORDINAL[ordinalRules.select(rank)] ?? 'th'}`;
}

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

/**
 * The plural category of a count in a language (fr: 0 and 1 are singular; en: only 1), for
 * messages with a `.one` and an `.other` form: never « région(s) ».
 */
export function pluralCategory(count: number, lang: Lang): 'one' | 'other' {
  const rules = (pluralRules[lang] ??= new Intl.PluralRules(LOCALES[lang]));
  return rules.select(count) === 'one' ? 'one' : 'other';
}

/**
 * An instant (e.g. when data was fetched), in the reader's own time zone unless one is given
 * (tests pin it).
 */
export function formatDateTime(date: Date, lang: Lang, timeZone?: string): string {
  if (timeZone === undefined) return dateFormat(lang, 'dateTime').format(date);
  const key = `${lang} ${timeZone}`;
  let f = zonedFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...DATE_OPTIONS.dateTime, timeZone });
    zonedFormats.set(key, f);
  }
  return f.format(date);
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

const listFormats: Partial<Record<Lang, Intl.ListFormat>> = {};

/** Names joined as said: fr « l’ANS et la CNAM », « A, B et C »; en "A, B and C". */
export function formatList(names: readonly string[], lang: Lang): string {
  const f = (listFormats[lang] ??= new Intl.ListFormat(LOCALES[lang], {
    style: 'long',
    type: 'conjunction',
  }));
  return f.format(names);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

const relativeCache = new Map<Lang, Intl.RelativeTimeFormat>();

/** fr "il y a 3 min", "dans 2 h", "hier"; en "3 min ago". */
export function formatRelative(date: Date, now: Date, lang: Lang): string {
  let f = relativeCache.get(lang);
  if (!f) {
    f = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto', style: 'short' });
    relativeCache.set(lang, f);
  }
  let amount = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    // Round before comparing so 59.6 s reads "1 min", not "60 s".
    const rounded = Math.round(amount);
    if (Math.abs(rounded) < size) return f.format(rounded === 0 ? 0 : rounded, unit);
    amount /= size;
  }
  return f.format(Math.round(amount), 'year');
}
