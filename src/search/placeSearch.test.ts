import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildCommuneIndex, parseCommuneIndex, type CommuneRecord } from './communeIndex';
import { buildSearchIndex, normalise, searchPlaces, type Place } from './placeSearch';

// The real reference (INSEE's code through @etalab/decoupage-administratif), as the build reads it.
const records = JSON.parse(
  readFileSync(
    resolve(
      import.meta.dirname,
      '../../node_modules/@etalab/decoupage-administratif/data/communes.json',
    ),
    'utf8',
  ),
) as CommuneRecord[];
const text = buildCommuneIndex(records);
const index = buildSearchIndex(parseCommuneIndex(text));

const names = (places: Place[]) => places.map((p) => `${p.kind}:${p.name} (${p.code})`);

describe('the commune index', () => {
  it('holds every current commune of the 101 departments, with its postal codes', () => {
    const communes = parseCommuneIndex(text);
    expect(communes.length).toBeGreaterThan(34_000);
    expect(communes.length).toBeLessThan(36_000);
    expect(communes.find((c) => c.name === 'Mont-de-Marsan')).toMatchObject({
      dep: '40',
      postalCodes: ['40000'],
    });
    expect(communes.find((c) => c.name === 'Ajaccio')).toMatchObject({
      dep: '2A',
      postalCodes: ['20000', '20090', '20167'],
    });
    expect(communes.find((c) => c.name === 'Paris')?.postalCodes).toContain('75116');
    // No overseas collectivity (Saint-Pierre-et-Miquelon, 975): it has no page here.
    expect(communes.some((c) => c.dep === '975')).toBe(false);
  });

  it('is compact: under 260 KB gzipped', () => {
    // Measured with: node -e "…gzipSync(text, { level: 9 })"; README's search section gives it.
    expect(gzipSync(text, { level: 9 }).length).toBeLessThan(260_000);
  });

  it('reads back what it wrote (synthetic records)', () => {
    const synthetic: CommuneRecord[] = [
      {
        nom: 'Petite-Ville',
        type: 'commune-actuelle',
        zone: 'metro',
        departement: '40',
        codesPostaux: ['40100'],
        population: 10,
      },
      {
        nom: 'Grande-Ville',
        type: 'commune-actuelle',
        zone: 'metro',
        departement: '40',
        codesPostaux: ['40000', '64000'],
        population: 1000,
      },
      {
        nom: 'Ancienne',
        type: 'commune-deleguee',
        zone: 'metro',
        departement: '40',
        codesPostaux: ['40200'],
      },
    ];
    const written = buildCommuneIndex(synthetic);
    expect(written).toBe('=40\nGrande-Ville\t000 64000\nPetite-Ville\t100\n');
    expect(parseCommuneIndex(written)).toEqual([
      { name: 'Grande-Ville', dep: '40', postalCodes: ['40000', '64000'], rank: 0 },
      { name: 'Petite-Ville', dep: '40', postalCodes: ['40100'], rank: 1 },
    ]);
  });
});

describe('normalise', () => {
  it('drops accents, case, hyphens and apostrophes, and reads St/Ste as Saint/Sainte', () => {
    expect(normalise('Mont-de-Marsan')).toBe('mont de marsan');
    expect(normalise('  ÉVREUX ')).toBe('evreux');
    expect(normalise("L'Abergement-Clémenciat")).toBe('l abergement clemenciat');
    expect(normalise('St-Étienne')).toBe('saint etienne');
    expect(normalise('Ste Foy')).toBe('sainte foy');
    expect(normalise('Œuilly')).toBe('oeuilly');
  });
});

describe('searchPlaces', () => {
  it('finds a commune by name, whatever the accents, case and hyphens', () => {
    for (const query of ['Mont-de-Marsan', 'mont de marsan', 'MONT DE MARSAN', 'Mont de Marsán']) {
      expect(names(searchPlaces(index, query))[0], query).toBe('commune:Mont-de-Marsan (40)');
    }
  });

  it('reads St for Saint', () => {
    expect(names(searchPlaces(index, 'st etienne'))[0]).toBe('commune:Saint-Étienne (42)');
  });

  it('gives every commune of a postal code', () => {
    expect(names(searchPlaces(index, '40000'))).toEqual(['commune:Mont-de-Marsan (40)']);
    const shared = searchPlaces(index, '51300');
    expect(shared.length).toBeGreaterThan(20);
    expect(shared.every((p) => p.postalCodes?.includes('51300'))).toBe(true);
  });

  it('finds a department by name or code before the communes of the same name', () => {
    const landes = names(searchPlaces(index, 'Landes'));
    expect(landes[0]).toBe('departement:Landes (40)');
    expect(landes).toContain('commune:Landes (17)');
    expect(names(searchPlaces(index, '2a'))[0]).toBe('departement:Corse-du-Sud (2A)');
    expect(names(searchPlaces(index, '40'))[0]).toBe('departement:Landes (40)');
  });

  it('finds a region, exact before prefix before word prefix', () => {
    expect(names(searchPlaces(index, 'Grand Est'))[0]).toBe('region:Grand Est (44)');
    const bret = names(searchPlaces(index, 'bretagne'));
    expect(bret[0]).toBe('region:Bretagne (53)');
    // "Bretagne-…" communes (prefix) before "La Chapelle-…-Bretagne"-like names (a word).
    const firstWordMatch = searchPlaces(index, 'bretagne').findIndex(
      (p) => !normalise(p.name).startsWith('bretagne'),
    );
    const lastPrefix = searchPlaces(index, 'bretagne').findLastIndex((p) =>
      normalise(p.name).startsWith('bretagne'),
    );
    expect(firstWordMatch === -1 || lastPrefix < firstWordMatch).toBe(true);
  });

  it('puts the most populous first among communes of the same name', () => {
    const saintDenis = searchPlaces(index, 'Saint-Denis').filter((p) => p.name === 'Saint-Denis');
    expect(
      saintDenis
        .slice(0, 2)
        .map((p) => p.code)
        .sort(),
    ).toEqual(['93', '974']);
  });

  it('finds nothing for nothing', () => {
    expect(searchPlaces(index, '  ')).toEqual([]);
    expect(searchPlaces(index, 'zzzzqqq')).toEqual([]);
  });
});
