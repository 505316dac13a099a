import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import population from '../src/model/population.json';
import { departements, regions } from '../src/model/geography';
import { GZIP_BUDGET } from './build-geometry';
import { populationTable, type Commune } from './population';

const root = resolve(import.meta.dirname, '..');
const read = (name: string) => readFileSync(resolve(root, 'public/geo', name), 'utf8');

describe('committed boundaries (public/geo)', () => {
  const layers = [
    ['regions', regions.map((r) => r.code)],
    ['departements', departements.map((d) => d.code)],
  ] as const;

  it.each(layers)('%s: one shape per INSEE code of the COG', (name, codes) => {
    const topo = JSON.parse(read(`${name}.topojson`)) as Topology;
    const object = topo.objects[name] as GeometryCollection;
    const ids = object.geometries.map((g) => String(g.id)).sort();
    expect(ids).toEqual([...codes].sort());
    // A shape whose every ring was filtered away would draw nothing.
    expect(
      object.geometries.filter((g) => g.type !== 'Polygon' && g.type !== 'MultiPolygon'),
    ).toEqual([]);
    expect(topo.transform, 'quantized').toBeDefined();
  });

  it('stays within the gzip budget, regions and departments together', () => {
    const total = ['regions', 'departements']
      .map((n) => gzipSync(read(`${n}.topojson`), { level: 9 }).length)
      .reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(GZIP_BUDGET);
  });

  it('carries its licence note', () => {
    const licence = read('LICENCE.md');
    expect(licence).toContain('Licence Ouverte');
    expect(licence).toContain('Admin Express');
    expect(licence).toContain('gregoiredavid/france-geojson');
  });
});

describe('populationTable', () => {
  const commune = (over: Partial<Commune>): Commune => ({
    code: '00000',
    type: 'commune-actuelle',
    zone: 'metro',
    departement: '75',
    region: '11',
    population: 10,
    ...over,
  });

  it('sums current communes only: arrondissements and delegated communes are not counted twice', () => {
    const table = populationTable([
      commune({ code: '75056', population: 2_000_000 }),
      commune({ code: '75101', type: 'arrondissement-municipal', population: 15_000 }),
      commune({ code: '14001', type: 'commune-deleguee', departement: '14', region: '28' }),
      commune({ code: '14002', departement: '14', region: '28', population: 300 }),
    ]);
    expect(table.regions).toEqual({ '11': 2_000_000, '28': 300 });
    expect(table.departements).toEqual({ '14': 300, '75': 2_000_000 });
    expect(table.total).toBe(2_000_300);
  });

  it('leaves out overseas collectivities, which are not regions', () => {
    const table = populationTable([
      commune({ code: '97501', zone: 'com', departement: '975', region: '975', population: 6000 }),
      commune({ code: '97101', zone: 'drom', departement: '971', region: '01', population: 50 }),
    ]);
    expect(table.regions).toEqual({ '01': 50 });
  });

  it('refuses a commune without a population rather than counting it as zero', () => {
    expect(() => populationTable([commune({ population: undefined })])).toThrow(/00000/);
  });
});

describe('committed population table (src/model/population.json)', () => {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

  it('has the 18 regions and 101 departments of the COG', () => {
    expect(Object.keys(population.regions).sort()).toEqual(regions.map((r) => r.code).sort());
    expect(Object.keys(population.departements).sort()).toEqual(
      departements.map((d) => d.code).sort(),
    );
  });

  it('adds up: regions, departments and the total agree, each region is its departments', () => {
    const byRegion: Record<string, number> = {};
    for (const d of departements) {
      byRegion[d.region] =
        (byRegion[d.region] ?? 0) + (population.departements as Record<string, number>)[d.code]!;
    }
    expect(byRegion).toEqual(population.regions);
    expect(sum(population.regions)).toBe(sum(population.departements));
    expect(sum(population.regions)).toBe(population.total);
  });

  it('is plausible for France (about 68 million, Île-de-France the largest region)', () => {
    expect(population.total).toBeGreaterThan(64_000_000);
    expect(population.total).toBeLessThan(72_000_000);
    const largest = Object.entries(population.regions).sort(([, a], [, b]) => b - a)[0]![0];
    expect(largest).toBe('11');
    for (const value of Object.values(population.departements))
      expect(value).toBeGreaterThan(50_000);
  });
});
