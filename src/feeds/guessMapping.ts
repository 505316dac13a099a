/**
 * Guesses a column mapping for a table someone imports, so that a typical export goes in with
 * the guess alone and the user only confirms it:
 * - value columns whose header names a catalogue indicator ("Nombre de profils MES ouverts",
 *   "Taux d'activation (%)") make a wide mapping, one indicator per column;
 * - otherwise a long mapping: a value column and an indicator column (or none: the form asks);
 * - the place: a column of codes rather than one of names, with its kind (region, department);
 * - the date: by header ("Mois", "Date", "Période"…) or by content, with its order (dd/mm or
 *   mm/dd) when the cells say it;
 * - a breakdown column by header (sexe, âge, tranche d'âge, secteur, vaccin…);
 * - the source only from columns that hold it: the form asks for the feed's source otherwise.
 * Header names are compared without accents or case; a header whose cells contradict it is not
 * taken. Pure: the Feeds page and `validate-feed --guess` pre-fill from it.
 */
import { parseGeo } from '../model/geography';
import { indicatorById } from '../model/indicators';
import { detectDateReading } from './dates';
import { nameWords, recogniseIndicator } from './indicatorNames';
import { FIELD_COLUMNS } from './mapped';
import { detectPlaceKind, readPlace } from './places';
import { TIDY_HEADER_COLUMNS } from './schema';
import type {
  ColumnMapping,
  DateOrder,
  FieldSource,
  MappingField,
  PlaceKind,
  ValueColumn,
} from './types';
import { parseNumberCell } from './values';

export type { MappingField };

/** The fields of a mapping in form order; the required ones first. */
export const MAPPING_FIELDS: readonly MappingField[] = [
  'indicator',
  'geo',
  'period',
  'value',
  'sourceUrl',
  'breakdown',
  'qualifier',
  'precision',
  'sourceLabel',
  'note',
];

/**
 * Fields every mapping has. A long mapping also needs `value` and `indicator` (a wide one has
 * `values` instead), and the source comes from a column or from the feed (FeedConfig.source).
 */
export const REQUIRED_FIELDS: readonly MappingField[] = ['geo', 'period'];

/** Header names per field, normalised (lower case, no accents, words split by single spaces). */
const NAMES: Record<MappingField, string[]> = {
  indicator: [
    'indicator',
    'indicateur',
    'indicator id',
    'id indicateur',
    'kpi',
    'mesure',
    'measure',
  ],
  geo: [
    'geo',
    'geography',
    'geographie',
    'code region',
    'code reg',
    'reg',
    'region code',
    'code departement',
    'code dep',
    'dep',
    'departement code',
    'code insee',
    'code territoire',
    'territoire',
    'zone',
    'region',
    'departement',
    'department',
    'area',
    'libelle region',
    'nom region',
    'libelle departement',
    'nom departement',
  ],
  period: [
    'period',
    'periode',
    'date',
    'mois',
    'month',
    'annee',
    'year',
    'jour',
    'day',
    'trimestre',
    'quarter',
    'semestre',
    'date de publication',
    'date publication',
    'date mesure',
    'date de mesure',
    'date d extraction',
    'as of',
    'timestamp',
  ],
  value: [
    'value',
    'valeur',
    'nombre',
    'nb',
    'count',
    'total',
    'effectif',
    'effectifs',
    'montant',
    'taux',
    'rate',
    'amount',
  ],
  sourceUrl: ['source url', 'url source', 'source', 'url', 'lien', 'link', 'lien source'],
  breakdown: [
    'breakdown',
    'ventilation',
    'secteur',
    'sector',
    'tranche',
    'tranche d age',
    'tranches d age',
    'classe d age',
    'classes d age',
    'age',
    'ages',
    'sexe',
    'genre',
    'sex',
    'gender',
    'vaccin',
    'vaccins',
    'vaccine',
    'categorie',
    'category',
    'type',
    'profession',
    'type de document',
    'type de structure',
  ],
  qualifier: ['qualifier', 'qualificatif', 'qualification', 'nature'],
  precision: ['precision', 'granularite', 'granularity'],
  sourceLabel: [
    'source label',
    'libelle source',
    'emetteur',
    'publisher',
    'producteur',
    'organisme',
    'publie par',
    'published by',
  ],
  note: [
    'note',
    'notes',
    'remarque',
    'remarques',
    'commentaire',
    'commentaires',
    'comment',
    'comments',
  ],
};

export const normaliseHeader = nameWords;

/** What a column's cells look like, from a sample of non-empty cells. */
export interface ColumnProfile {
  /** Cells that read as dates (any form dates.ts reads but Excel serial days). */
  dates: number;
  numbers: number;
  /** Cells that read as a place of the column's best kind (`placeKind`). */
  places: number;
  placeKind: PlaceKind | null;
  /** Cells written as codes (`53`, `2A`, `REG-53`), not names. */
  codes: number;
  geoIds: number;
  indicators: number;
  urls: number;
  qualifiers: number;
  /** Non-empty cells sampled. */
  filled: number;
}

const CODE = /^(?:(?:reg|dep)[-_ ]?)?(?:\d{1,3}|2[ab])$/i;

export function profileColumn(cells: string[], header = ''): ColumnProfile {
  const filled = cells
    .slice(0, 200)
    .map((c) => c.trim())
    .filter(Boolean);
  const p: ColumnProfile = {
    dates: 0,
    numbers: 0,
    places: 0,
    placeKind: null,
    codes: 0,
    geoIds: 0,
    indicators: 0,
    urls: 0,
    qualifiers: 0,
    filled: filled.length,
  };
  if (!filled.length) return p;
  const reading = detectDateReading(filled);
  // A column of plain numbers reads as Excel serial days: those are dates only in a workbook,
  // which writes them as ISO dates already.
  if (!reading.excelSerial) p.dates = filled.length - reading.unreadable;
  const place = detectPlaceKind(filled, header);
  if (place) {
    p.placeKind = place.kind;
    p.places = filled.filter((c) => readPlace(c, place.kind).ok).length;
  }
  for (const c of filled) {
    if (parseNumberCell(c).ok) p.numbers++;
    if (CODE.test(c)) p.codes++;
    if (!('error' in parseGeo(c))) p.geoIds++;
    if (indicatorById.has(c) || recogniseIndicator(c)) p.indicators++;
    if (/^https?:\/\/\S+$/i.test(c)) p.urls++;
    if (['=', '~', '>', '<'].includes(c)) p.qualifiers++;
  }
  return p;
}

/** Share of filled cells a column needs for its content alone to suggest a field. */
const CONTENT_SHARE = 0.8;
/** Share below which the cells contradict a header name (a few bad cells do not). */
const HEADER_SHARE = 0.5;

const most = (count: number, p: ColumnProfile, share = CONTENT_SHARE) =>
  p.filled > 0 && count / p.filled >= share;

/** A column of years (2023, 2024) is a date only by its header: years are numbers too. */
const isDates = (p: ColumnProfile, share: number) =>
  most(p.dates, p, share) && !(most(p.numbers, p, share) && !p.dates);

export interface MappingGuess {
  mapping: Partial<ColumnMapping>;
  /** Fields guessed from content alone (no header matched): the form says they are guesses. */
  fromContent: (MappingField | 'values')[];
}

interface Column {
  index: number;
  name: string;
  words: string;
  profile: ColumnProfile;
}

/**
 * Guesses which column feeds each field (see the module comment). Each column is used once.
 * `rows` is a sample of the table's data rows (the first 200 are looked at).
 */
export function guessMapping(header: string[], rows: string[][]): MappingGuess {
  const sample = rows.slice(0, 200);
  const columns: Column[] = header.map((name, index) => ({
    index,
    name,
    words: nameWords(name),
    profile: profileColumn(
      sample.map((r) => r[index] ?? ''),
      name,
    ),
  }));
  const used = new Set<number>();
  const mapping: Partial<ColumnMapping> = {};
  const fromContent: MappingGuess['fromContent'] = [];
  const free = () => columns.filter((c) => !used.has(c.index));
  /** The free column a field's names name (exact names first) and whose cells fit. */
  const named = (field: MappingField, fits: (c: Column) => boolean = () => true) => {
    const names = [nameWords(FIELD_COLUMNS[field]), ...NAMES[field]];
    for (const n of names) {
      const c = free().find((col) => col.words === n && fits(col));
      if (c) return c;
    }
    return undefined;
  };
  const take = (c: Column) => {
    used.add(c.index);
    return c.name;
  };

  // 1. Value columns named after an indicator (the wide form), numbers in their cells.
  const values: ValueColumn[] = [];
  for (const c of columns) {
    const p = c.profile;
    if (p.filled > 0 && !most(p.numbers, p, HEADER_SHARE)) continue;
    const indicator = recogniseIndicator(c.name);
    if (!indicator || NAMES.indicator.includes(c.words)) continue;
    values.push({ column: take(c), indicator: indicator.id });
  }

  // 2. Columns that say what they are: indicator, source, qualifier, precision, note, breakdown.
  const fits: Partial<Record<MappingField, (c: Column) => boolean>> = {
    sourceUrl: (c) => !c.profile.filled || most(c.profile.urls, c.profile, HEADER_SHARE),
    indicator: (c) => !c.profile.filled || most(c.profile.indicators, c.profile, HEADER_SHARE),
  };
  const selfNamed = ['indicator', 'sourceUrl', 'sourceLabel', 'qualifier', 'precision', 'note'];
  for (const field of selfNamed as MappingField[]) {
    if (values.length && field === 'indicator') continue;
    const c = named(field, fits[field]);
    if (c) (mapping as Record<MappingField, FieldSource>)[field] = { column: take(c) };
  }
  // One breakdown column (the first in the file, when several would do).
  const breakdown = free().find((c) => NAMES.breakdown.includes(c.words));
  if (breakdown) mapping.breakdown = { column: take(breakdown) };

  // 3. The place: codes rather than names, a named column before an unnamed one.
  const place = pickPlace(free());
  if (place) {
    mapping.geo = { column: take(place.column), kind: place.kind };
    if (place.fromContent) fromContent.push('geo');
  }

  // 4. The date.
  const date = named(
    'period',
    (c) =>
      !c.profile.filled || isDates(c.profile, HEADER_SHARE) || /\b(annee|year)\b/.test(c.words),
  );
  const dateColumn =
    date ??
    free().find((c) => isDates(c.profile, CONTENT_SHARE) && !most(c.profile.numbers, c.profile));
  if (dateColumn) {
    mapping.period = periodSource(
      take(dateColumn),
      sample.map((r) => r[dateColumn.index] ?? ''),
    );
    if (dateColumn !== date) fromContent.push('period');
  }

  if (values.length) mapping.values = values;
  else {
    // 5. The long form: a value column, and an indicator column if the content has one.
    const value = named(
      'value',
      (c) => !c.profile.filled || most(c.profile.numbers, c.profile, HEADER_SHARE),
    );
    const valueColumn =
      value ??
      free().find((c) => most(c.profile.numbers, c.profile) && !isDates(c.profile, CONTENT_SHARE));
    if (valueColumn) {
      mapping.value = { column: take(valueColumn) };
      if (valueColumn !== value) fromContent.push('value');
    }
    if (!mapping.indicator) {
      const c = free().find((col) => most(col.profile.indicators, col.profile));
      if (c) {
        mapping.indicator = { column: take(c) };
        fromContent.push('indicator');
      }
    }
  }

  // 6. Content for the source and qualifier left open.
  if (!mapping.sourceUrl) {
    const c = free().find((col) => most(col.profile.urls, col.profile));
    if (c) {
      mapping.sourceUrl = { column: take(c) };
      fromContent.push('sourceUrl');
    }
  }
  if (!mapping.qualifier) {
    const c = free().find((col) => most(col.profile.qualifiers, col.profile));
    if (c) {
      mapping.qualifier = { column: take(c) };
      fromContent.push('qualifier');
    }
  }
  return { mapping: ordered(mapping), fromContent };
}

/** The mapping's fields in form order (values first), for a stable display and comparison. */
function ordered(mapping: Partial<ColumnMapping>): Partial<ColumnMapping> {
  const out: Partial<ColumnMapping> = {};
  if (mapping.values) out.values = mapping.values;
  for (const f of MAPPING_FIELDS) {
    const src = mapping[f];
    if (src) (out as Record<MappingField, FieldSource>)[f] = src as FieldSource;
  }
  return out;
}

/** The best place column: most cells read as places, codes before names, named before not. */
function pickPlace(
  columns: Column[],
): { column: Column; kind: PlaceKind; fromContent: boolean } | undefined {
  const candidates = columns
    .map((c) => {
      const p = c.profile;
      const headerNamed =
        NAMES.geo.includes(c.words) || /\b(region|departement|dep|reg)\b/.test(c.words);
      const share = p.filled ? p.places / p.filled : 0;
      const enough =
        share >= (headerNamed ? HEADER_SHARE : CONTENT_SHARE) || (!p.filled && headerNamed);
      // A column named for another field ("nb", "Date") is not a place by content alone.
      const otherField = !headerNamed && namesOtherField(c.words);
      const valueLike = (most(p.numbers, p) && !headerNamed && !most(p.codes, p)) || otherField;
      return {
        c,
        headerNamed,
        share,
        enough: enough && !valueLike,
        codes: most(p.codes, p, HEADER_SHARE),
      };
    })
    .filter((x) => x.enough && (x.c.profile.placeKind || !x.c.profile.filled));
  if (!candidates.length) return undefined;
  candidates.sort(
    (a, b) =>
      Number(b.codes) - Number(a.codes) ||
      Number(b.headerNamed) - Number(a.headerNamed) ||
      b.share - a.share ||
      a.c.index - b.c.index,
  );
  const best = candidates[0]!;
  const kind = best.c.profile.placeKind ?? kindFromHeader(best.c.words);
  return { column: best.c, kind, fromContent: !best.headerNamed };
}

function namesOtherField(words: string): boolean {
  return (Object.keys(NAMES) as MappingField[]).some(
    (f) => f !== 'geo' && NAMES[f].includes(words),
  );
}

function kindFromHeader(words: string): PlaceKind {
  if (/\b(departements?|dep|dept|dpt)\b/.test(words)) return 'departement';
  if (/\b(regions?|reg)\b/.test(words)) return 'region';
  return 'any';
}

/** A date column, with its order when its cells say it (dd/mm/yyyy with a day over 12…). */
function periodSource(column: string, cells: string[]): ColumnMapping['period'] {
  const reading = detectDateReading(cells.filter((c) => c.trim() !== ''));
  const numeric = reading.forms.includes('numeric-date');
  const order: DateOrder | undefined = numeric ? reading.order : undefined;
  return order ? { column, order } : { column };
}

/** Whether a header is the project's tidy format (every required tidy column present). */
export function isTidyHeader(header: string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return TIDY_HEADER_COLUMNS.every((name) => names.has(name));
}

/**
 * The required fields a mapping leaves without a column or a value: place and date, and for a
 * long mapping (no `values`) the value and the indicator. The source is not a mapping field
 * here: it may come from the feed (FeedConfig.source).
 */
export function missingFields(mapping: Partial<ColumnMapping>): MappingField[] {
  const wide = !!mapping.values?.length;
  const required: MappingField[] = wide
    ? [...REQUIRED_FIELDS]
    : ['indicator', ...REQUIRED_FIELDS, 'value'];
  return required.filter((f) => {
    const src = mapping[f];
    if (!src) return true;
    return 'column' in src ? !src.column : !src.value.trim();
  });
}
