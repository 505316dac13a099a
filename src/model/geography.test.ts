import { describe, expect, it } from 'vitest';
import { departements, geoName, parseGeo, regions } from './geography';

describe('geography reference', () => {
  it('has the 18 regions (13 metropolitan, 5 overseas) and 101 departments', () => {
    expect(regions).toHaveLength(18);
    expect(regions.filter((r) => r.zone === 'metro')).toHaveLength(13);
    expect(regions.filter((r) => r.zone === 'drom').map((r) => r.code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '06',
    ]);
    expect(departements).toHaveLength(101);
  });
});

describe('parseGeo', () => {
  it.each([
    ['FR', 'country'],
    ['REG-53', 'region'],
    ['REG-06', 'region'],
    ['DEP-2A', 'departement'],
    ['DEP-974', 'departement'],
    ['DEP-31+DEP-44+DEP-80', 'group'],
  ])('accepts %s as %s', (id, kind) => {
    const ref = parseGeo(id);
    expect('error' in ref ? ref.error : ref.kind).toBe(kind);
  });

  it.each([
    ['REG-31', /unknown region code "31"/], // Nord-Pas-de-Calais, merged in 2016
    ['REG-975', /not a geography id/], // Saint-Pierre-et-Miquelon is a collectivity
    ['DEP-20', /unknown department code "20"/],
    ['Bretagne', /not a geography id/],
    ['FR+DEP-31', /cannot be part of a group/],
    ['', /not a geography id/],
  ])('rejects %s', (id, message) => {
    const ref = parseGeo(id);
    expect('error' in ref ? ref.error : '').toMatch(message);
  });
});

describe('geoName', () => {
  it.each([
    ['FR', 'fr', 'France'],
    ['REG-27', 'fr', 'Bourgogne-Franche-Comté'],
    ['DEP-54', 'fr', 'Meurthe-et-Moselle (54)'],
    ['DEP-31+DEP-80', 'en', 'Haute-Garonne (31), Somme (80) (combined)'],
  ] as const)('%s in %s is %s', (id, lang, name) => {
    expect(geoName(id, lang)).toBe(name);
  });
});
