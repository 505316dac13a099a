/**
 * The one formatting module of the app (DESIGN §6: French first, `Intl` for every number and
 * date). Components never call `toLocaleString` or build number strings themselves.
 */
import type { Precision, Qualifier } from '../feeds/types';

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
    return dateFormat(lang, 'day').format(utcDate(y, m, d));
  }
  return dateFormat(lang, 'month').format(utcDate(y, m));
}

/**
 * An instant (e.g. when data was fetched), in the reader's own time zone unless one is given
 * (tests pin it).
 */
export function formatDateTime(date: Date, lang: Lang, timeZone?: string): string {
  if (timeZone === undefined) return dateFormat(lang, 'dateTime').format(date);
  return new Intl.DateTimeFormat(LOCALES[lang], { ...DATE_OPTIONS.dateTime, timeZone }).format(
    date,
  );
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
