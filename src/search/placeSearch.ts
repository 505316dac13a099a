/**
 * Finding a place by name or postal code: regions, departments and communes, tolerant of accents,
 * case, hyphens, apostrophes and "St"/"Ste" for "Saint"/"Sainte". Pure, tested without a DOM.
 *
 * Ranking: an exact name first, then a name that starts with the words typed, then one with a
 * word that does; within each, regions and departments before communes of the same name, then
 * the most populous commune of its department first. Digits search postal codes (all communes of
 * a whole code; those starting with fewer digits) and department codes.
 */
import { departements, regions } from '../model/geography';
import type { ViewState } from '../lib/urlState';
import type { Commune } from './communeIndex';

export type PlaceKind = 'region' | 'departement' | 'commune';

export interface Place {
  kind: PlaceKind;
  name: string;
  /** Region or department code; a commune's department. */
  code: string;
  /** A commune's postal codes. */
  postalCodes?: string[];
  /** A commune's rank in its department by population (0 the first). */
  rank?: number;
}

export interface SearchIndex {
  places: Place[];
  /** Normalised names, index for index with `places`. */
  keys: string[];
}

const SAINTS: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

/** Lower case, no accents, ligatures spelt out, punctuation as spaces, "st" as "saint". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => SAINTS[word] ?? word)
    .join(' ');
}

export function buildSearchIndex(communes: readonly Commune[]): SearchIndex {
  const places: Place[] = [
    ...regions.map((r) => ({ kind: 'region' as const, name: r.nom, code: r.code })),
    ...departements.map((d) => ({ kind: 'departement' as const, name: d.nom, code: d.code })),
    ...communes.map((c) => ({
      kind: 'commune' as const,
      name: c.name,
      code: c.dep,
      postalCodes: c.postalCodes,
      rank: c.rank,
    })),
  ];
  return { places, keys: places.map((p) => normalise(p.name)) };
}

/** At most this many results for a name or a partial code; a whole postal code gives all its communes. */
export const MAX_RESULTS = 20;

const KIND_ORDER: Record<PlaceKind, number> = { region: 0, departement: 1, commune: 2 };

function byCode(index: SearchIndex, query: string): Place[] {
  const code = query.toUpperCase();
  const departments = index.places.filter((p) => p.kind === 'departement' && p.code === code);
  const whole = /^\d{5}$/.test(query);
  const communes = index.places
    .filter((p) =>
      p.postalCodes?.some((postal) => (whole ? postal === query : postal.startsWith(query))),
    )
    .sort(
      (a, b) =>
        (a.postalCodes!.find((p) => p.startsWith(query)) ?? '').localeCompare(
          b.postalCodes!.find((p) => p.startsWith(query)) ?? '',
        ) || a.name.localeCompare(b.name, 'fr'),
    );
  const found = [...departments, ...communes];
  return whole ? found : found.slice(0, MAX_RESULTS);
}

export function searchPlaces(index: SearchIndex, query: string): Place[] {
  const trimmed = query.trim();
  if (/^(\d{2,5}|2[ab])$/i.test(trimmed)) return byCode(index, trimmed);
  const q = normalise(trimmed);
  if (!q) return [];
  const matches: { place: Place; tier: number }[] = [];
  index.keys.forEach((key, i) => {
    const tier = key === q ? 0 : key.startsWith(q) ? 1 : ` ${key}`.includes(` ${q}`) ? 2 : -1;
    if (tier >= 0) matches.push({ place: index.places[i]!, tier });
  });
  return matches
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        KIND_ORDER[a.place.kind] - KIND_ORDER[b.place.kind] ||
        (a.place.rank ?? 0) - (b.place.rank ?? 0) ||
        a.place.name.localeCompare(b.place.name, 'fr'),
    )
    .slice(0, MAX_RESULTS)
    .map((m) => m.place);
}

/**
 * Where a place leads: a region to its page, a department to its activation tracker, a commune to
 * its department's tracker. A target belongs to the place it was set for: it does not follow.
 */
export function placeView(place: Place): Partial<ViewState> & Pick<ViewState, 'page'> {
  if (place.kind === 'region') return { page: 'region', region: place.code };
  return { page: 'activation', geo: `DEP-${place.code}`, target: undefined };
}
