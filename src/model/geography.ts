/**
 * Regions and departments from INSEE's official geographic code (COG), through
 * @etalab/decoupage-administratif. Its JSON files are imported directly: the package's
 * index.js reads them from the working directory, which breaks in a bundle.
 */
import regionsData from '@etalab/decoupage-administratif/data/regions.json';
import departementsData from '@etalab/decoupage-administratif/data/departements.json';

export interface Region {
  code: string;
  nom: string;
  zone: 'metro' | 'drom';
}
export interface Departement {
  code: string;
  nom: string;
  region: string;
  zone: 'metro' | 'drom';
}

/** The 18 regions (13 metropolitan + 5 overseas); overseas collectivities (`com`) are not regions. */
export const regions: Region[] = (regionsData as { code: string; nom: string; zone: string }[])
  .filter((r) => r.zone === 'metro' || r.zone === 'drom')
  .map((r) => ({ code: r.code, nom: r.nom, zone: r.zone as Region['zone'] }));

/** The 101 departments. */
export const departements: Departement[] = (
  departementsData as { code: string; nom: string; region: string; zone: string }[]
)
  .filter((d) => d.zone === 'metro' || d.zone === 'drom')
  .map((d) => ({
    code: d.code,
    nom: d.nom,
    region: d.region,
    zone: d.zone as Departement['zone'],
  }));

export const regionByCode = new Map(regions.map((r) => [r.code, r]));
export const departementByCode = new Map(departements.map((d) => [d.code, d]));

export type GeoKind = 'country' | 'region' | 'departement' | 'group';

export interface GeoRef {
  id: string;
  kind: GeoKind;
  /** Member ids for a group such as the three 2021 pilot departments. */
  members?: string[];
}

const GEO_PATTERN = /^(FR|REG-[0-9]{2}|DEP-(?:[0-9]{2,3}|2A|2B))$/;

/** Parses a geo id; returns an error message rather than throwing so validators can report it. */
export function parseGeo(id: string): GeoRef | { error: string } {
  if (id.includes('+')) {
    const members = id.split('+');
    for (const m of members) {
      const ref = parseGeo(m);
      if ('error' in ref) return ref;
      if (ref.kind === 'country') return { error: `"FR" cannot be part of a group ("${id}")` };
    }
    return { id, kind: 'group', members };
  }
  if (!GEO_PATTERN.test(id)) {
    return { error: `"${id}" is not a geography id (expected FR, REG-<code>, DEP-<code>)` };
  }
  if (id === 'FR') return { id, kind: 'country' };
  const code = id.slice(4);
  if (id.startsWith('REG-')) {
    return regionByCode.has(code)
      ? { id, kind: 'region' }
      : { error: `unknown region code "${code}" (INSEE codes since 2016, e.g. REG-53)` };
  }
  return departementByCode.has(code)
    ? { id, kind: 'departement' }
    : { error: `unknown department code "${code}"` };
}

/** A human name for a geo id, French by default. */
export function geoName(id: string, lang: 'fr' | 'en' = 'fr'): string {
  if (id === 'FR') return 'France';
  if (id.includes('+')) {
    const names = id.split('+').map((m) => geoName(m, lang));
    return lang === 'fr' ? `${names.join(', ')} (ensemble)` : `${names.join(', ')} (combined)`;
  }
  const code = id.slice(4);
  if (id.startsWith('REG-')) return regionByCode.get(code)?.nom ?? id;
  if (id.startsWith('DEP-')) {
    const d = departementByCode.get(code);
    return d ? `${d.nom} (${d.code})` : id;
  }
  return id;
}
