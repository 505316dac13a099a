/**
 * Places by code or by name (issue 15): INSEE codes with or without a `REG-`/`DEP-` prefix, and
 * region and department names as people type them, read into the app's geo ids (`FR`,
 * `REG-11`, `DEP-2A`). A place outside the reference (a former region, an overseas collectivity,
 * "non renseigné", an empty cell, an unknown code or name) is not an error: the row is skipped
 * and reported, with the reason.
 *
 * Codes and names come from INSEE's geographic code through @etalab/decoupage-administratif
 * (model/geography.ts); the few lists written here (aliases, the nation, "not specified", the
 * regions before 2016) are documented where they are.
 */
import regionsData from '@etalab/decoupage-administratif/data/regions.json';
import { departementByCode, departements, regionByCode, regions } from '../model/geography';

/**
 * What a place column holds. `any` reads names and prefixed ids of both kinds, but a bare
 * two-digit code only when it is unambiguous, which it never is (`75` is a region and a
 * department): such a column must say `region` or `departement`. A 3-digit code or 2A/2B is a
 * department in `any`.
 */
export type PlaceKind = 'region' | 'departement' | 'any';

export type PlaceSkipReason =
  | 'empty'
  | 'unknown-code'
  | 'former-region'
  | 'overseas-collectivity'
  | 'not-specified'
  | 'unknown-name'
  | 'ambiguous-code';

export type PlaceReading =
  { ok: true; geo: string } | { ok: false; skip: true; value: string; reason: PlaceSkipReason };

/**
 * Region codes of INSEE's geographic code before the 2016 regions (COG 2015, "régions" table),
 * that no current region kept: 21 Champagne-Ardenne, 22 Picardie, 23 Haute-Normandie,
 * 25 Basse-Normandie, 26 Bourgogne, 31 Nord-Pas-de-Calais, 41 Lorraine, 42 Alsace,
 * 43 Franche-Comté, 54 Poitou-Charentes, 72 Aquitaine, 73 Midi-Pyrénées, 74 Limousin,
 * 82 Rhône-Alpes, 83 Auvergne, 91 Languedoc-Roussillon. (11, 24, 52, 53, 93, 94 and the overseas
 * 01–04, 06 kept their codes.)
 */
const FORMER_REGIONS = new Map(
  Object.entries({
    '21': 'Champagne-Ardenne',
    '22': 'Picardie',
    '23': 'Haute-Normandie',
    '25': 'Basse-Normandie',
    '26': 'Bourgogne',
    '31': 'Nord-Pas-de-Calais',
    '41': 'Lorraine',
    '42': 'Alsace',
    '43': 'Franche-Comté',
    '54': 'Poitou-Charentes',
    '72': 'Aquitaine',
    '73': 'Midi-Pyrénées',
    '74': 'Limousin',
    '82': 'Rhône-Alpes',
    '83': 'Auvergne',
    '91': 'Languedoc-Roussillon',
  }),
);

/** Overseas collectivities (`zone: 'com'` in the package: 975, 977, 978, 984, 986–989). */
const COLLECTIVITIES = (regionsData as { code: string; nom: string; zone: string }[]).filter(
  (r) => r.zone === 'com',
);
const COLLECTIVITY_CODES = new Set(COLLECTIVITIES.map((c) => c.code));

/**
 * Other names people write for a current region, all for the same region and code: the usual
 * abbreviations, and "Centre", the region's name until 2015 (same code, same territory).
 */
const REGION_ALIASES: Record<string, string> = {
  paca: '93',
  idf: '11',
  aura: '84',
  centre: '24',
};

/** The nation. Only unambiguous words: "Total" or "Ensemble" may total anything else. */
const NATION = ['france', 'fr', 'fra', 'france entiere', 'national', 'niveau national'];

/** Cells that say the place is not known or not a French place of the reference. */
const NOT_SPECIFIED = [
  'non renseigne',
  'non renseignee',
  'nr',
  'nd',
  'n d', // N/D, N.D.
  'n r',
  'non disponible',
  'non precise',
  'non precisee',
  'non localise',
  'non localisee',
  'inconnu',
  'inconnue',
  'autre',
  'autres',
  'etranger',
  'hors france',
];

/**
 * Text as words: lower case, no accents; apostrophes (straight and curly), hyphens, dots,
 * underscores, slashes and brackets as single spaces.
 */
function words(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s'’‘`´ʼ\-‐‑–—_.,/()]+/g, ' ')
    .trim();
}

/**
 * A place name as a lookup key: its words, `St`/`Ste` as `Saint`/`Sainte`, without a leading
 * "Région", "Département (de/du/…)" or article ("La Réunion" and "Réunion" are one key).
 */
function placeKey(name: string): string {
  return words(name)
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/^(?:region|departement) /, '')
    .replace(/^(?:de la|de l|du|des|de|d|la|le|les|l) (?=\S)/, '');
}

type Found = { geo: string } | { reason: PlaceSkipReason };

const regionByKey = new Map<string, string>();
const departementByKey = new Map<string, string>();
/** Names that are outside the reference whatever the kind. */
const skippedByKey = new Map<string, PlaceSkipReason>();

for (const r of regions) regionByKey.set(placeKey(r.nom), `REG-${r.code}`);
for (const [alias, code] of Object.entries(REGION_ALIASES)) regionByKey.set(alias, `REG-${code}`);
for (const d of departements) departementByKey.set(placeKey(d.nom), `DEP-${d.code}`);
for (const name of FORMER_REGIONS.values()) skippedByKey.set(placeKey(name), 'former-region');
for (const c of COLLECTIVITIES) skippedByKey.set(placeKey(c.nom), 'overseas-collectivity');
for (const key of NOT_SPECIFIED) skippedByKey.set(key, 'not-specified');

function byName(key: string, kind: PlaceKind): Found {
  if (NATION.includes(key)) return { geo: 'FR' };
  // The five overseas regions are each one department of the same name: `any` reads the region.
  const geo =
    (kind !== 'departement' ? regionByKey.get(key) : undefined) ??
    (kind !== 'region' ? departementByKey.get(key) : undefined);
  if (geo) return { geo };
  return { reason: skippedByKey.get(key) ?? 'unknown-name' };
}

const CODE = String.raw`(\d{1,3}|2[ab])`;
const PREFIXED = new RegExp(String.raw`^(reg|dep)[-_ ]?${CODE}$`, 'i');
const BARE_CODE = new RegExp(`^${CODE}$`, 'i');
// `75 - Paris`, `75 Paris`, `11 : Île-de-France`; `Paris (75)`.
const CODE_THEN_NAME = new RegExp(String.raw`^${CODE}(?:\s*[-–—:]\s*|\s+)(\D.*)$`, 'i');
const NAME_THEN_CODE = new RegExp(String.raw`^(.*\D)\s*\(\s*${CODE}\s*\)$`, 'i');

/** A one-digit code is written with its leading zero (`1` is `01`); 2A/2B in upper case. */
const normaliseCode = (code: string) => code.toUpperCase().padStart(2, '0');

function regionCode(code: string): Found {
  if (regionByCode.has(code)) return { geo: `REG-${code}` };
  if (FORMER_REGIONS.has(code)) return { reason: 'former-region' };
  if (COLLECTIVITY_CODES.has(code)) return { reason: 'overseas-collectivity' };
  return { reason: 'unknown-code' };
}

function departementCode(code: string): Found {
  if (departementByCode.has(code)) return { geo: `DEP-${code}` };
  if (COLLECTIVITY_CODES.has(code)) return { reason: 'overseas-collectivity' };
  return { reason: 'unknown-code' };
}

function byCode(code: string, kind: PlaceKind): Found {
  if (kind === 'region') return regionCode(code);
  if (kind === 'departement' || code.length === 3 || code === '2A' || code === '2B') {
    return departementCode(code);
  }
  return { reason: 'ambiguous-code' };
}

/**
 * A code written with its name (`75 - Paris`): the code decides; the name only tells a region
 * from a department of the same code (`11 - Île-de-France` in a column of any kind).
 */
function byCodeAndName(code: string, name: string, kind: PlaceKind): Found {
  const key = placeKey(name);
  const region = kind !== 'departement' && regionByKey.get(key) === `REG-${code}`;
  const departement = kind !== 'region' && departementByKey.get(key) === `DEP-${code}`;
  if (region !== departement) return { geo: region ? `REG-${code}` : `DEP-${code}` };
  return byCode(code, kind);
}

function find(s: string, kind: PlaceKind): Found {
  let m: RegExpExecArray | null;
  if ((m = PREFIXED.exec(s))) {
    const code = normaliseCode(m[2]!);
    // The prefix says what it is, whatever the column's kind.
    return m[1]!.toLowerCase() === 'reg' ? regionCode(code) : departementCode(code);
  }
  if ((m = BARE_CODE.exec(s))) return byCode(normaliseCode(m[1]!), kind);
  if ((m = CODE_THEN_NAME.exec(s))) return byCodeAndName(normaliseCode(m[1]!), m[2]!, kind);
  if ((m = NAME_THEN_CODE.exec(s))) return byCodeAndName(normaliseCode(m[2]!), m[1]!, kind);
  return byName(placeKey(s), kind);
}

// Files repeat a few places over many rows: each distinct cell is read once. Bounded, so a
// column of all-different values cannot grow it without limit.
const MEMO_LIMIT = 10_000;
const memo: Record<PlaceKind, Map<string, PlaceReading>> = {
  region: new Map(),
  departement: new Map(),
  any: new Map(),
};

/**
 * Reads one place cell into a geo id, or says why the row is to be skipped. Readings are shared
 * between cells of the same text (frozen).
 */
export function readPlace(raw: string, kind: PlaceKind): PlaceReading {
  const seen = memo[kind].get(raw);
  if (seen) return seen;
  const s = raw.trim();
  const found: Found = s === '' ? { reason: 'empty' } : find(s, kind);
  const reading: PlaceReading =
    'geo' in found
      ? { ok: true, geo: found.geo }
      : { ok: false, skip: true, value: s, reason: found.reason };
  if (memo[kind].size >= MEMO_LIMIT) memo[kind].clear();
  memo[kind].set(raw, Object.freeze(reading));
  return reading;
}

/** A share of a column's distinct values read as regions above which it is a region column. */
const REGION_COLUMN_SHARE = 0.8;

/**
 * Which kind of place a column holds, for the mapping guesser, with the share of its non-empty
 * cells that kind reads; null when no cell is a place.
 *
 * - A header naming a kind ("Code région", "dep") decides when that kind reads at least half
 *   the cells.
 * - Otherwise the kind that reads the most cells; on a tie region, then department, then `any`
 *   (a column of region codes reads as departments too).
 * - A column whose distinct values are mostly (80 %) regions is a region column even when
 *   departments read a few more cells: stray codes such as 07 and 08 in a regional file are
 *   department codes too.
 */
export function detectPlaceKind(
  cells: readonly string[],
  header: string,
): { kind: PlaceKind; share: number } | null {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length === 0) return null;
  const shareOf = (kind: PlaceKind) =>
    filled.filter((c) => readPlace(c, kind).ok).length / filled.length;
  const shares: Record<PlaceKind, number> = {
    region: shareOf('region'),
    departement: shareOf('departement'),
    any: shareOf('any'),
  };
  const headerWords = words(header);
  const hinted: PlaceKind | undefined = /\b(?:departements?|dep|dept|dpt)\b/.test(headerWords)
    ? 'departement'
    : /\b(?:regions?|reg)\b/.test(headerWords)
      ? 'region'
      : undefined;
  if (hinted && shares[hinted] >= 0.5) return { kind: hinted, share: shares[hinted] };
  let kind: PlaceKind = 'region';
  if (shares.departement > shares[kind]) kind = 'departement';
  if (shares.any > shares[kind]) kind = 'any';
  if (shares[kind] === 0) return null;
  if (kind === 'departement') {
    const distinct = [...new Set(filled)];
    const regionShare = distinct.filter((c) => readPlace(c, 'region').ok).length / distinct.length;
    if (regionShare >= REGION_COLUMN_SHARE) kind = 'region';
  }
  return { kind, share: shares[kind] };
}

const SKIP_TEXT: Record<'fr' | 'en', Record<PlaceSkipReason, string>> = {
  fr: {
    empty: 'vide',
    'unknown-code': 'code inconnu',
    'former-region': 'ancienne région (avant 2016)',
    'overseas-collectivity': 'collectivité d’outre-mer',
    'not-specified': 'non renseigné',
    'unknown-name': 'nom de territoire inconnu',
    'ambiguous-code': 'code à deux chiffres sans dire région ou département',
  },
  en: {
    empty: 'empty',
    'unknown-code': 'unknown code',
    'former-region': 'former region (before 2016)',
    'overseas-collectivity': 'overseas collectivity',
    'not-specified': 'not specified',
    'unknown-name': 'unknown place name',
    'ambiguous-code': 'two-digit code without saying region or department',
  },
};

const UNKNOWN_CODE_TEXT: Record<'fr' | 'en', Record<'region' | 'departement', string>> = {
  fr: { region: 'code région inconnu', departement: 'code département inconnu' },
  en: { region: 'unknown region code', departement: 'unknown department code' },
};

/** Why a row's place was skipped, as the skip report says it ("code région inconnu"). */
export function placeSkipText(
  reason: PlaceSkipReason,
  lang: 'fr' | 'en',
  kind?: PlaceKind,
): string {
  if (reason === 'unknown-code' && kind && kind !== 'any') return UNKNOWN_CODE_TEXT[lang][kind];
  return SKIP_TEXT[lang][reason];
}
