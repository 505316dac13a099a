/**
 * STAND-IN until the pipeline's guesser (src/feeds/guessMapping.ts, branch `import`) proposes
 * mapping v2 itself: a wide mapping from headers as people write them ("Nombre de profils MES
 * ouverts" -> mes_profiles_open), places with their kind, dates in the forms of dates.ts. It
 * starts from guessMapping (long form) and fills what that one cannot yet. Replace the page's
 * one call (`guessPageMapping`) by the pipeline's guesser when it lands, and delete this file.
 */
import { detectDateReading, parseDateCell } from '../../feeds/dates';
import { guessMapping, normaliseHeader, type MappingField } from '../../feeds/guessMapping';
import { detectPlaceKind } from '../../feeds/places';
import type { ColumnMapping, ValueColumn } from '../../feeds/types';
import { parseNumberCell } from '../../feeds/values';
import { indicators } from '../../model/indicators';

/** Catalogue indicators recognised from a header's words (normalised: no accents, lower case). */
const HEADER_INDICATORS: { test: RegExp; indicator: string }[] = [
  { test: /\btaux d activation\b/, indicator: 'mes_activation_rate' },
  { test: /\btaux d opposition\b/, indicator: 'mes_opposition_rate' },
  {
    test: /\b(?:profils?|comptes?|espaces? sante|mes)\b.*\b(?:activ\w*)\b/,
    indicator: 'mes_profiles_activated',
  },
  {
    test: /\b(?:profils?|comptes?|espaces? sante|mes)\b.*\b(?:ouverts?|crees?|creations?)\b/,
    indicator: 'mes_profiles_open',
  },
  {
    test: /\bdocuments?\b.*\b(?:envoy\w*|alimente\w*|deposes?)\b/,
    indicator: 'dmp_docs_sent_per_month',
  },
  { test: /\bappels?\b.*\binsi\b/, indicator: 'insi_calls_per_month' },
];

/** The catalogue indicator a value column's header names, if any. */
export function indicatorFromHeader(header: string): string | undefined {
  const h = normaliseHeader(header);
  if (!h) return undefined;
  const byName = indicators.find(
    (i) => i.id === header.trim() || normaliseHeader(i.label.fr) === h,
  );
  if (byName) return byName.id;
  return HEADER_INDICATORS.find((r) => r.test.test(h))?.indicator;
}

const DATE_HEADER = /\b(?:date|mois|month|annee|year|periode|period|jour|day|trimestre)\b/;

const PLACE_HEADER =
  /\b(?:code|region|regions|reg|departement|departements|dep|dept|geo|territoire|lieu|zone|insee|pays)\b/;

const filled = (cells: string[]) => cells.filter((c) => c.trim() !== '');
const share = (cells: string[], ok: (c: string) => boolean) => {
  const f = filled(cells);
  return f.length ? f.filter(ok).length / f.length : 0;
};

export interface PageGuess {
  mapping: Partial<ColumnMapping>;
  /** Fields guessed from content alone (no header matched): the form says they are guesses. */
  fromContent: MappingField[];
}

/** A mapping for the page to start from: wide when headers name indicators, else long. */
export function guessPageMapping(header: string[], rows: string[][]): PageGuess {
  const cells = (i: number) => rows.map((r) => r[i] ?? '');
  const { mapping: long, fromContent } = guessMapping(header, rows);
  const mapping: Partial<ColumnMapping> = { ...long };
  const used = new Set<string>();

  // Places: a column most of whose cells read as places, one whose header names a place first
  // (a column of small counts reads as region codes too), then the most read, codes before names.
  const saysPlace = (h: string) => PLACE_HEADER.test(normaliseHeader(h));
  const places = header
    .map((h, i) => ({ h, found: detectPlaceKind(cells(i), h) }))
    .filter((p) => p.found && p.found.share >= 0.5)
    .sort(
      (a, b) =>
        Number(saysPlace(b.h)) - Number(saysPlace(a.h)) ||
        b.found!.share - a.found!.share ||
        Number(/code/i.test(b.h)) - Number(/code/i.test(a.h)),
    );
  if (places[0]) {
    mapping.geo = { column: places[0].h, kind: places[0].found!.kind };
    used.add(places[0].h);
  }

  // Dates: the first column (not the places) most of whose cells read as dates.
  const dateColumn = header.findIndex((h, i) => {
    if (used.has(h)) return false;
    const c = cells(i);
    const reading = detectDateReading(c);
    const saysDate = DATE_HEADER.test(normaliseHeader(h));
    const dates = share(c, (x) => parseDateCell(x, reading).ok);
    const numbers = share(c, (x) => parseNumberCell(x).ok);
    // Years and Excel days are numbers too: such a column is a date only by its header.
    return dates >= 0.8 && (saysDate || numbers < 0.8);
  });
  if (dateColumn >= 0) {
    const h = header[dateColumn]!;
    const order = detectDateReading(cells(dateColumn)).order;
    mapping.period = order === 'mdy' ? { column: h, order } : { column: h };
    used.add(h);
  }

  // Wide: every numeric column whose header names an indicator.
  const values: ValueColumn[] = [];
  header.forEach((h, i) => {
    if (used.has(h)) return;
    const indicator = indicatorFromHeader(h);
    if (indicator && share(cells(i), (x) => parseNumberCell(x).ok) >= 0.5)
      values.push({ column: h, indicator });
  });
  if (values.length) {
    mapping.values = values;
    delete mapping.value;
    delete mapping.indicator;
  }
  // A column the long guess gave to another field but now read as place, date or value is freed.
  const taken = new Set([...used, ...values.map((v) => v.column)]);
  for (const field of [
    'breakdown',
    'qualifier',
    'precision',
    'note',
    'sourceUrl',
    'sourceLabel',
  ] as const) {
    const src = mapping[field];
    if (src && 'column' in src && taken.has(src.column)) delete mapping[field];
  }
  return {
    mapping,
    fromContent: fromContent.filter((f) => f !== 'geo' && f !== 'period'),
  };
}
