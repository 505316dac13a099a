/**
 * Guesses a column mapping for a table someone imports: by header name (French and English,
 * accents and case ignored), then by what the cells hold (dates, numbers, region or department
 * codes, indicator ids, URLs, qualifiers). Pure: the Feeds page pre-fills its form with it.
 */
import { departementByCode, parseGeo, regionByCode } from '../model/geography';
import { indicatorById } from '../model/indicators';
import { FIELD_COLUMNS } from './mapped';
import { tidySchema } from './schema';
import type { ColumnMapping, FieldSource, MappingField } from './types';
import { parseNumberCell, parsePeriodCell } from './values';

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
    'date de publication',
    'date publication',
    'date mesure',
    'date de mesure',
    'as of',
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
    'categorie',
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

export function normaliseHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What a column's cells look like, from a sample of non-empty cells. */
export interface ColumnProfile {
  dates: number;
  numbers: number;
  regionCodes: number;
  departementCodes: number;
  geoIds: number;
  indicators: number;
  urls: number;
  qualifiers: number;
  /** Non-empty cells sampled. */
  filled: number;
}

export function profileColumn(cells: string[]): ColumnProfile {
  const p: ColumnProfile = {
    dates: 0,
    numbers: 0,
    regionCodes: 0,
    departementCodes: 0,
    geoIds: 0,
    indicators: 0,
    urls: 0,
    qualifiers: 0,
    filled: 0,
  };
  for (const raw of cells.slice(0, 200)) {
    const c = raw.trim();
    if (!c) continue;
    p.filled++;
    if (parsePeriodCell(c).ok) p.dates++;
    if (parseNumberCell(c).ok) p.numbers++;
    if (regionByCode.has(c)) p.regionCodes++;
    if (departementByCode.has(c)) p.departementCodes++;
    if (!('error' in parseGeo(c))) p.geoIds++;
    if (indicatorById.has(c)) p.indicators++;
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

/** The geo prefix the codes in a column need: '' for ids (REG-53), REG- or DEP- for bare codes. */
export function geoPrefixFor(p: ColumnProfile, header = '', share = CONTENT_SHARE): string | null {
  if (most(p.geoIds, p, share)) return '';
  const h = normaliseHeader(header);
  const saysDep = /\bdep|departement|department/.test(h);
  const saysReg = /\breg|region/.test(h);
  // Two-digit codes are both region and department codes: the header decides, else regions.
  if (most(p.regionCodes, p, share) && !saysDep) return 'REG-';
  if (most(p.departementCodes, p, share) && !saysReg) return 'DEP-';
  return null;
}

/** Does the column's content fit the field? */
function contentFits(field: MappingField, p: ColumnProfile, header: string): boolean {
  if (p.filled === 0) return false;
  switch (field) {
    case 'indicator':
      return most(p.indicators, p);
    case 'geo':
      return geoPrefixFor(p, header) !== null;
    case 'period':
      // Years alone (2024) are numbers too; a column of them is a period only by its header.
      return most(p.dates, p) && !most(p.numbers, p);
    case 'value':
      return most(p.numbers, p) && !most(p.dates, p);
    case 'sourceUrl':
      return most(p.urls, p);
    case 'qualifier':
      return most(p.qualifiers, p);
    default:
      return false;
  }
}

export interface MappingGuess {
  mapping: Partial<ColumnMapping>;
  /** Fields guessed from content alone (no header matched): the form says they are guesses. */
  fromContent: MappingField[];
}

/**
 * Guesses which column feeds each field. A header that names a field wins when its cells do
 * not contradict it; otherwise the first unused column whose cells fit. Each column is used once.
 */
export function guessMapping(header: string[], rows: string[][]): MappingGuess {
  const profiles = header.map((_, i) => profileColumn(rows.map((r) => r[i] ?? '')));
  const used = new Set<number>();
  const mapping: Partial<ColumnMapping> = {};
  const fromContent: MappingField[] = [];
  const normalised = header.map(normaliseHeader);

  const source = (field: MappingField, i: number): FieldSource => {
    if (field !== 'geo') return { column: header[i]! };
    const prefix = geoPrefixFor(profiles[i]!, header[i], HEADER_SHARE) ?? '';
    return prefix ? { column: header[i]!, prefix } : { column: header[i]! };
  };

  // 1. Header names, in the order of each field's list (exact names before looser ones).
  for (const field of MAPPING_FIELDS) {
    const names = [normaliseHeader(FIELD_COLUMNS[field]), ...NAMES[field]];
    for (const name of names) {
      const i = normalised.findIndex((h, j) => !used.has(j) && h === name);
      if (i < 0) continue;
      const p = profiles[i]!;
      const contradicts =
        p.filled > 0 &&
        ((field === 'value' && !most(p.numbers, p, HEADER_SHARE)) ||
          (field === 'period' && !most(p.dates, p, HEADER_SHARE)) ||
          (field === 'geo' && geoPrefixFor(p, header[i], HEADER_SHARE) === null) ||
          (field === 'sourceUrl' && !most(p.urls, p, HEADER_SHARE)));
      if (contradicts) continue;
      (mapping as Record<MappingField, FieldSource>)[field] = source(field, i);
      used.add(i);
      break;
    }
  }
  // 2. Content, for the fields still open.
  for (const field of MAPPING_FIELDS) {
    if (mapping[field]) continue;
    const i = profiles.findIndex((p, j) => !used.has(j) && contentFits(field, p, header[j]!));
    if (i < 0) continue;
    (mapping as Record<MappingField, FieldSource>)[field] = source(field, i);
    used.add(i);
    fromContent.push(field);
  }
  return { mapping, fromContent };
}

/** Whether a header is the project's tidy format (every required tidy column present). */
export function isTidyHeader(header: string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return tidySchema.fields.every((f) => !f.constraints?.required || names.has(f.name));
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
