import { describe, expect, it } from 'vitest';
import { departements, regions } from '../model/geography';
import {
  detectPlaceKind,
  placeSkipText,
  readPlace,
  type PlaceKind,
  type PlaceSkipReason,
} from './places';

/** Lower case, accents dropped, hyphens and apostrophes as spaces: how a careless export writes. */
const mangle = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ');

const skip = (value: string, reason: PlaceSkipReason) => ({ ok: false, skip: true, value, reason });

describe('readPlace by code', () => {
  it.each<[string, PlaceKind, string]>([
    // regions
    ['11', 'region', 'REG-11'],
    ['93', 'region', 'REG-93'],
    ['01', 'region', 'REG-01'],
    ['1', 'region', 'REG-01'],
    ['6', 'region', 'REG-06'],
    [' 53 ', 'region', 'REG-53'],
    ['REG-11', 'region', 'REG-11'],
    ['reg-11', 'any', 'REG-11'],
    ['REG11', 'any', 'REG-11'],
    ['REG_84', 'any', 'REG-84'],
    ['REG-1', 'any', 'REG-01'],
    // departments
    ['01', 'departement', 'DEP-01'],
    ['1', 'departement', 'DEP-01'],
    ['07', 'departement', 'DEP-07'],
    ['75', 'departement', 'DEP-75'],
    ['2A', 'departement', 'DEP-2A'],
    ['2a', 'departement', 'DEP-2A'],
    ['2B', 'departement', 'DEP-2B'],
    ['971', 'departement', 'DEP-971'],
    ['974', 'departement', 'DEP-974'],
    ['976', 'departement', 'DEP-976'],
    ['DEP-01', 'departement', 'DEP-01'],
    ['dep-1', 'any', 'DEP-01'],
    ['DEP-2a', 'any', 'DEP-2A'],
    ['DEP976', 'any', 'DEP-976'],
    // unambiguous bare codes in a column of any kind
    ['2A', 'any', 'DEP-2A'],
    ['2b', 'any', 'DEP-2B'],
    ['971', 'any', 'DEP-971'],
    // a prefix says what it is, whatever the column's kind
    ['REG-11', 'departement', 'REG-11'],
    ['DEP-75', 'region', 'DEP-75'],
    // the nation
    ['FR', 'region', 'FR'],
    ['fr', 'departement', 'FR'],
    ['FRA', 'any', 'FR'],
  ])('%j (%s) -> %s', (raw, kind, geo) => {
    expect(readPlace(raw, kind)).toEqual({ ok: true, geo });
  });

  it.each<[string, PlaceKind, PlaceSkipReason]>([
    ['07', 'region', 'unknown-code'],
    ['08', 'region', 'unknown-code'],
    ['00', 'region', 'unknown-code'],
    ['05', 'region', 'unknown-code'],
    ['971', 'region', 'unknown-code'],
    ['2A', 'region', 'unknown-code'],
    ['20', 'departement', 'unknown-code'],
    ['00', 'departement', 'unknown-code'],
    ['96', 'departement', 'unknown-code'],
    ['979', 'departement', 'unknown-code'],
    ['999', 'any', 'unknown-code'],
    ['REG-99', 'any', 'unknown-code'],
    ['DEP-20', 'any', 'unknown-code'],
    // the regions before 2016 (INSEE COG 2015)
    ...[
      '21',
      '22',
      '23',
      '25',
      '26',
      '31',
      '41',
      '42',
      '43',
      '54',
      '72',
      '73',
      '74',
      '82',
      '83',
      '91',
    ].map((code) => [code, 'region', 'former-region'] as [string, PlaceKind, PlaceSkipReason]),
    ['REG-42', 'any', 'former-region'],
    // overseas collectivities
    ...['975', '977', '978', '984', '986', '987', '988', '989'].flatMap((code) =>
      (['region', 'departement', 'any'] as const).map(
        (kind) => [code, kind, 'overseas-collectivity'] as [string, PlaceKind, PlaceSkipReason],
      ),
    ),
    ['DEP-975', 'any', 'overseas-collectivity'],
    // a bare two-digit code: region or department? The column must say.
    ['75', 'any', 'ambiguous-code'],
    ['11', 'any', 'ambiguous-code'],
    ['13', 'any', 'ambiguous-code'],
    ['1', 'any', 'ambiguous-code'],
  ])('%j (%s) is skipped: %s', (raw, kind, reason) => {
    expect(readPlace(raw, kind)).toEqual(skip(raw, reason));
  });

  it('keeps a former region code that a current region kept', () => {
    // 24 was "Centre", now Centre-Val de Loire; 93, 94 and the overseas codes kept theirs too.
    expect(readPlace('24', 'region')).toEqual({ ok: true, geo: 'REG-24' });
    expect(readPlace('94', 'region')).toEqual({ ok: true, geo: 'REG-94' });
  });
});

describe('readPlace by name', () => {
  it.each(regions.map((r) => [r.nom, r.code] as const))('region %s', (nom, code) => {
    const geo = { ok: true, geo: `REG-${code}` };
    expect(readPlace(nom, 'region')).toEqual(geo);
    expect(readPlace(nom, 'any')).toEqual(geo);
    expect(readPlace(mangle(nom), 'region')).toEqual(geo);
    expect(readPlace(nom.toUpperCase(), 'region')).toEqual(geo);
    expect(readPlace(mangle(nom).toUpperCase(), 'any')).toEqual(geo);
  });

  it.each(departements.map((d) => [d.nom, d.code] as const))('department %s', (nom, code) => {
    const geo = { ok: true, geo: `DEP-${code}` };
    expect(readPlace(nom, 'departement')).toEqual(geo);
    expect(readPlace(mangle(nom), 'departement')).toEqual(geo);
    expect(readPlace(nom.toUpperCase(), 'departement')).toEqual(geo);
    if (code.length === 3) {
      // The five overseas departments are regions of the same name: `any` reads the region.
      expect(readPlace(nom, 'any')).toMatchObject({
        ok: true,
        geo: expect.stringMatching(/^REG-0/),
      });
    } else {
      expect(readPlace(nom, 'any')).toEqual(geo);
      expect(readPlace(mangle(nom), 'any')).toEqual(geo);
    }
  });

  it('covers the 18 regions and 101 departments', () => {
    expect(regions).toHaveLength(18);
    expect(departements).toHaveLength(101);
  });

  it.each<[string, PlaceKind, string]>([
    ["Provence-Alpes-Côte d'Azur", 'region', 'REG-93'],
    ['Provence-Alpes-Côte d’Azur', 'region', 'REG-93'],
    ['PROVENCE ALPES COTE D AZUR', 'region', 'REG-93'],
    ['Provence-Alpes-Côte-d’Azur', 'any', 'REG-93'],
    ['ile de france', 'region', 'REG-11'],
    ['Île-de-France', 'region', 'REG-11'],
    ['Ile-De-France', 'any', 'REG-11'],
    ['La Réunion', 'region', 'REG-04'],
    ['Réunion', 'region', 'REG-04'],
    ['Reunion', 'departement', 'DEP-974'],
    ['LA REUNION', 'departement', 'DEP-974'],
    ['Centre-Val de Loire', 'region', 'REG-24'],
    ['Centre Val-de-Loire', 'region', 'REG-24'],
    ['Grand-Est', 'region', 'REG-44'],
    ['Corse-du-Sud', 'departement', 'DEP-2A'],
    ['Corse du sud', 'any', 'DEP-2A'],
    ['Haute-Corse', 'departement', 'DEP-2B'],
    ['Corse', 'region', 'REG-94'],
    ["Côtes-d'Armor", 'departement', 'DEP-22'],
    ['Cotes d Armor', 'departement', 'DEP-22'],
    ['Côte-d’Or', 'departement', 'DEP-21'],
    ["Val-d'Oise", 'any', 'DEP-95'],
    ['Seine-St-Denis', 'departement', 'DEP-93'],
    ['Seine-Saint-Denis', 'departement', 'DEP-93'],
    ['Seine St Denis', 'any', 'DEP-93'],
    ['Guadeloupe', 'region', 'REG-01'],
    ['Guadeloupe', 'departement', 'DEP-971'],
    ['Mayotte', 'departement', 'DEP-976'],
    ['Territoire de Belfort', 'departement', 'DEP-90'],
    // documented aliases
    ['PACA', 'region', 'REG-93'],
    ['Paca', 'any', 'REG-93'],
    ['IDF', 'region', 'REG-11'],
    ['AURA', 'region', 'REG-84'],
    ['Centre', 'region', 'REG-24'],
    // "Région …", "Département du …"
    ['Région Île-de-France', 'region', 'REG-11'],
    ['Région Bretagne', 'any', 'REG-53'],
    ['Département du Nord', 'departement', 'DEP-59'],
    ['Département de la Réunion', 'departement', 'DEP-974'],
    // a name with its code
    ['75 - Paris', 'departement', 'DEP-75'],
    ['75 - Paris', 'any', 'DEP-75'],
    ['Paris (75)', 'any', 'DEP-75'],
    ['01 - Ain', 'any', 'DEP-01'],
    ['01 Ain', 'departement', 'DEP-01'],
    ['2A - Corse-du-Sud', 'any', 'DEP-2A'],
    ['Corse-du-Sud (2A)', 'departement', 'DEP-2A'],
    ['11 - Île-de-France', 'any', 'REG-11'],
    ['11 - Île-de-France', 'region', 'REG-11'],
    ['Île-de-France (11)', 'any', 'REG-11'],
    ['93 : Provence-Alpes-Côte d’Azur', 'any', 'REG-93'],
    ['93 - Seine-Saint-Denis', 'any', 'DEP-93'],
    ['971 - Guadeloupe', 'any', 'DEP-971'],
    ['01 - Guadeloupe', 'any', 'REG-01'],
    // the code decides; the name only tells a region from a department
    ['53 - Bretaigne', 'region', 'REG-53'],
    // the nation
    ['France', 'region', 'FR'],
    ['FRANCE', 'departement', 'FR'],
    ['France entière', 'any', 'FR'],
    ['France entiere', 'any', 'FR'],
    ['National', 'any', 'FR'],
    ['Niveau national', 'region', 'FR'],
  ])('%j (%s) -> %s', (raw, kind, geo) => {
    expect(readPlace(raw, kind)).toEqual({ ok: true, geo });
  });

  it.each<[string, PlaceKind, PlaceSkipReason]>([
    ['', 'region', 'empty'],
    ['   ', 'any', 'empty'],
    ['Non renseigné', 'any', 'not-specified'],
    ['NON RENSEIGNE', 'region', 'not-specified'],
    ['Non renseignée', 'departement', 'not-specified'],
    ['NR', 'region', 'not-specified'],
    ['ND', 'departement', 'not-specified'],
    ['N/D', 'any', 'not-specified'],
    ['Inconnu', 'any', 'not-specified'],
    ['Autres', 'region', 'not-specified'],
    ['Étranger', 'any', 'not-specified'],
    ['Etranger', 'any', 'not-specified'],
    ['Alsace', 'region', 'former-region'],
    ['Nord-Pas-de-Calais', 'any', 'former-region'],
    ['Midi Pyrenees', 'region', 'former-region'],
    ['Languedoc-Roussillon', 'region', 'former-region'],
    ['Saint-Pierre-et-Miquelon', 'any', 'overseas-collectivity'],
    ['St-Barthélemy', 'departement', 'overseas-collectivity'],
    ['Saint-Martin', 'region', 'overseas-collectivity'],
    ['Nouvelle-Calédonie', 'any', 'overseas-collectivity'],
    ['Polynésie française', 'any', 'overseas-collectivity'],
    ['Wallis-et-Futuna', 'any', 'overseas-collectivity'],
    ['Atlantide', 'any', 'unknown-name'],
    ['Paris', 'region', 'unknown-name'], // a department, not a region
    ['Bretagne', 'departement', 'unknown-name'],
    ['Ensemble', 'any', 'unknown-name'], // may total anything: not read as the nation
    ['Total', 'any', 'unknown-name'],
    ['France métropolitaine', 'any', 'unknown-name'], // not the nation: no overseas
  ])('%j (%s) is skipped: %s', (raw, kind, reason) => {
    expect(readPlace(raw, kind)).toEqual(skip(raw.trim(), reason));
  });

  it('reads the same cell again from its first reading', () => {
    expect(readPlace('Bretagne', 'region')).toBe(readPlace('Bretagne', 'region'));
    expect(readPlace('Bretagne', 'departement')).not.toEqual(readPlace('Bretagne', 'region'));
  });
});

describe('detectPlaceKind', () => {
  const regionCodes = regions.map((r) => r.code);
  const depCodes = departements.map((d) => d.code);

  it('takes a column of region codes for regions, the header unsaid', () => {
    expect(detectPlaceKind(regionCodes, 'Code')).toEqual({ kind: 'region', share: 1 });
  });

  it('takes a column of department codes for departments', () => {
    expect(detectPlaceKind(depCodes, 'Code')).toEqual({ kind: 'departement', share: 1 });
  });

  it('lets the header decide when both kinds read every cell', () => {
    // Department codes that are region codes too: only the header tells.
    expect(detectPlaceKind(['75', '93', '94'], 'Code département')).toEqual({
      kind: 'departement',
      share: 1,
    });
    expect(detectPlaceKind(['75', '93', '94'], 'dep')).toMatchObject({ kind: 'departement' });
    expect(detectPlaceKind(['75', '93', '94'], 'Code région')).toMatchObject({ kind: 'region' });
    expect(detectPlaceKind(['75', '93', '94'], 'Territoire')).toMatchObject({ kind: 'region' });
  });

  it('does not let the header outweigh the cells', () => {
    expect(detectPlaceKind(['07', '2A', '13'], 'Région')).toEqual({
      kind: 'departement',
      share: 1,
    });
  });

  it('takes region names for regions and department names for departments', () => {
    expect(
      detectPlaceKind(
        regions.map((r) => r.nom),
        'Région',
      ),
    ).toEqual({ kind: 'region', share: 1 });
    expect(
      detectPlaceKind(
        regions.map((r) => mangle(r.nom)),
        'Libellé',
      ),
    ).toEqual({
      kind: 'region',
      share: 1,
    });
    expect(
      detectPlaceKind(
        departements.map((d) => d.nom),
        'Libellé',
      ),
    ).toEqual({
      kind: 'departement',
      share: 1,
    });
  });

  it('takes a mix of region and department names for any', () => {
    expect(
      detectPlaceKind(['France', 'Île-de-France', 'Paris', 'Bretagne', 'Finistère'], 'Territoire'),
    ).toEqual({
      kind: 'any',
      share: 1,
    });
  });

  it('gives the share of cells read, empty cells aside', () => {
    expect(detectPlaceKind(['11', '24', '07', '53', '', 'Non renseigné'], 'reg')).toEqual({
      kind: 'region',
      share: 0.6,
    });
  });

  it('takes a regional file with stray codes (07, 08, 977) for regions, header or not', () => {
    // An SPF-style regional column: departments read 07 and 08 too, yet it is a region column.
    const cells = [...regionCodes, '07', '08', '977', 'Non renseigné'].flatMap((c) => [c, c]);
    expect(detectPlaceKind(cells, 'Code')).toEqual({ kind: 'region', share: 18 / 22 });
    expect(detectPlaceKind(cells, 'reg')).toEqual({ kind: 'region', share: 18 / 22 });
  });

  it('takes a small department file for departments', () => {
    // Île-de-France's departments: three of them are region codes too.
    const cells = ['75', '77', '78', '91', '92', '93', '94', '95'];
    expect(detectPlaceKind(cells, 'Code')).toEqual({ kind: 'departement', share: 1 });
  });

  it('says null when no cell is a place', () => {
    expect(detectPlaceKind(['janv. 2025', '12 345'], 'Mois')).toBeNull();
    expect(detectPlaceKind(['', ' '], 'Région')).toBeNull();
    expect(detectPlaceKind([], 'Région')).toBeNull();
  });
});

describe('placeSkipText', () => {
  it.each<[PlaceSkipReason, PlaceKind | undefined, string, string]>([
    ['empty', undefined, 'vide', 'empty'],
    ['unknown-code', 'region', 'code région inconnu', 'unknown region code'],
    ['unknown-code', 'departement', 'code département inconnu', 'unknown department code'],
    ['unknown-code', 'any', 'code inconnu', 'unknown code'],
    ['unknown-code', undefined, 'code inconnu', 'unknown code'],
    ['former-region', 'region', 'ancienne région (avant 2016)', 'former region (before 2016)'],
    ['overseas-collectivity', undefined, 'collectivité d’outre-mer', 'overseas collectivity'],
    ['not-specified', undefined, 'non renseigné', 'not specified'],
    ['unknown-name', undefined, 'nom de territoire inconnu', 'unknown place name'],
    [
      'ambiguous-code',
      'any',
      'code à deux chiffres sans dire région ou département',
      'two-digit code without saying region or department',
    ],
  ])('%s (%s)', (reason, kind, fr, en) => {
    expect(placeSkipText(reason, 'fr', kind)).toBe(fr);
    expect(placeSkipText(reason, 'en', kind)).toBe(en);
  });
});
