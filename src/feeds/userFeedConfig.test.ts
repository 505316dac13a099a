import { describe, expect, it } from 'vitest';
import type { FeedConfig } from './types';
import {
  base64ToBytes,
  bytesToBase64,
  configProblems,
  httpsUrlProblem,
  parseUserFeedsExport,
  userFeedId,
  userIndicatorId,
  userFeedsExportText,
  type ExportedUserFeed,
} from './userFeedConfig';

// Synthetic configurations; example.org addresses.
const mapping = {
  indicator: { value: 'mes_profiles_open' },
  geo: { column: 'code', prefix: 'REG-' },
  period: { column: 'date' },
  value: { column: 'n' },
  sourceUrl: { value: 'https://example.org/synthetic' },
};
const urlFeed: ExportedUserFeed = {
  config: {
    id: 'user-ars-bretagne',
    label: { fr: 'ARS Bretagne', en: 'ARS Bretagne' },
    format: 'mapped-csv',
    url: 'https://example.org/synthetic/ars.csv',
    mapping,
  },
  addedAt: '2026-11-22T07:00:00.000Z',
};
const fileFeed: ExportedUserFeed = {
  config: { ...urlFeed.config, id: 'user-export', url: 'export.csv' },
  addedAt: '2026-11-22T07:00:00.000Z',
  file: {
    name: 'export.csv',
    importedAt: '2026-11-22T07:00:00.000Z',
    base64: bytesToBase64(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xe9, 0x00])),
  },
};

describe('httpsUrlProblem', () => {
  it('accepts https', () => {
    expect(httpsUrlProblem(' https://www.data.gouv.fr/fr/datasets/r/abc ')).toBeNull();
  });
  it.each([
    [
      'http://example.org/x.csv',
      /only https:\/\/ addresses are accepted: http:\/\/ is not encrypted/,
    ],
    ['ftp://example.org/x.csv', /"ftp:" addresses are not accepted/],
    ['javascript:alert(1)', /"javascript:" addresses are not accepted/],
    ['data:text/csv,a,b', /"data:" addresses are not accepted/],
    ['file:///etc/passwd', /"file:" addresses are not accepted/],
    ['example.org/x.csv', /is not a web address/],
    ['', /the address is empty/],
    ['https://user:pw@example.org/x.csv', /user name or password/],
  ])('refuses %j', (url, reason) => {
    expect(httpsUrlProblem(url)).toMatch(reason);
  });
});

describe('configProblems', () => {
  it('accepts a complete configuration', () => {
    expect(configProblems(urlFeed.config, 'c', false)).toEqual([]);
    expect(configProblems(fileFeed.config, 'c', true)).toEqual([]);
  });

  it('lists every problem with its path', () => {
    const bad = {
      id: 'embedded',
      label: { fr: '' },
      format: 'xlsx',
      url: 'http://example.org/x.csv',
      mapping: { geo: { column: 'code', extra: 1 }, colour: { value: 'red' } },
      refreshHours: 0,
    };
    expect(configProblems(bad, 'c', false)).toEqual([
      'c.id: must be "user-" followed by lower-case letters, digits or dashes',
      'c.label: must be {"fr": "...", "en": "..."}, not empty',
      'c.format: must be one of tidy-csv, mapped-csv, json-array, datagouv-tabular, spreadsheet',
      'c.url: only https:// addresses are accepted: http:// is not encrypted and can be altered on the way',
      'c.mapping.geo: must be {"column": "...", "kind"?: "region" | "departement" | "any"} or {"value": "..."}',
      'c.mapping.colour: unknown field (expected one of values, indicator, geo, period, value, sourceUrl, breakdown, qualifier, precision, sourceLabel, note)',
      'c.mapping.period: is required',
      'c.mapping.value: is required (or "values")',
      'c.mapping.indicator: is required',
      'c.source: is required when the mapping reads no source column',
      'c.refreshHours: must be a number of hours, at least 1',
    ]);
  });

  it('requires a mapping for mapped CSV', () => {
    const { mapping: _m, ...noMapping } = urlFeed.config;
    expect(configProblems(noMapping as FeedConfig, 'c', false)).toEqual([
      'c.mapping: a mapped-csv feed needs a mapping',
    ]);
  });
});

describe('userFeedId', () => {
  it('makes a slug, unique among the ids taken', () => {
    expect(userFeedId('ARS Île-de-France : export', [])).toBe('user-ars-ile-de-france-export');
    expect(userFeedId('Données', ['user-donnees', 'user-donnees-2'])).toBe('user-donnees-3');
    expect(userFeedId('<script>', [])).toBe('user-script');
    expect(userFeedId('***', [])).toBe('user-flux');
  });
});

describe('export and import', () => {
  it('round-trips URL and file feeds, file bytes exactly', () => {
    const text = userFeedsExportText([urlFeed, fileFeed], new Date('2026-11-22T08:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ kind: 'segur-pulse-user-feeds', version: 2 });
    const back = parseUserFeedsExport(text, ['embedded']);
    // The version-1 place prefix comes back as the place kind it stood for.
    const v2 = (f: ExportedUserFeed) => ({
      ...f,
      config: { ...f.config, mapping: { ...mapping, geo: { column: 'code', kind: 'region' } } },
    });
    expect(back).toEqual({ feeds: [v2(urlFeed), v2(fileFeed)] });
    const bytes = base64ToBytes((back as { feeds: ExportedUserFeed[] }).feeds[1]!.file!.base64);
    expect([...bytes]).toEqual([0xef, 0xbb, 0xbf, 0x41, 0xe9, 0x00]);
  });

  it.each<[string, string, RegExp[]]>([
    ['not JSON', '{"kind": ', [/^the file is not valid JSON/]],
    ['another JSON file', '[1, 2]', [/is not a Ségur Pulse feed export/]],
    [
      'a newer version',
      '{"kind": "segur-pulse-user-feeds", "version": 3, "feeds": []}',
      [/version 3 is not supported \(expected 1 or 2\)/],
    ],
    [
      'an http feed, a registry id and a duplicate',
      JSON.stringify({
        kind: 'segur-pulse-user-feeds',
        version: 1,
        feeds: [
          { ...urlFeed, config: { ...urlFeed.config, url: 'http://example.org/x.csv' } },
          { ...urlFeed, config: { ...urlFeed.config, id: 'user-x' } },
          { ...urlFeed, config: { ...urlFeed.config, id: 'user-x' } },
          { ...fileFeed, file: { ...fileFeed.file, base64: '***' } },
        ],
      }),
      [
        /^feeds\[0\]\.config\.url: only https:\/\//,
        /^feeds\[2\]\.config\.id: "user-x" appears twice$/,
        /^feeds\[3\]\.file\.base64: is not base64$/,
      ],
    ],
  ])('rejects %s with clear errors', (_name, text, expected) => {
    const result = parseUserFeedsExport(text, ['embedded']);
    expect('errors' in result).toBe(true);
    const errors = (result as { errors: string[] }).errors;
    expect(errors).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(errors[i]).toMatch(re));
  });

  it('refuses the id of a registry feed', () => {
    const text = userFeedsExportText(
      [{ ...urlFeed, config: { ...urlFeed.config, id: 'user-embedded' } }],
      new Date(),
    );
    expect(parseUserFeedsExport(text, ['user-embedded'])).toEqual({
      errors: ['feeds[0].config.id: "user-embedded" is a feed of the app'],
    });
  });
});

describe('configuration version 2', () => {
  // A synthetic wide feed with its own indicator and a source given once (no address).
  const wide: FeedConfig = {
    id: 'user-ars-export',
    label: { fr: 'Export ARS', en: 'ARS export' },
    format: 'spreadsheet',
    url: 'synthetic-export.xlsx',
    sheet: 'Données',
    headerRow: 3,
    source: { label: 'Export du tableau de bord interne, 3 déc. 2026' },
    indicators: [
      {
        id: 'user_ambassadeurs_formes',
        label: { fr: 'Ambassadeurs formés', en: 'Ambassadors trained' },
        unit: { fr: 'personnes', en: 'people' },
        kind: 'stock',
        valueType: 'count',
      },
    ],
    mapping: {
      values: [
        { column: 'Nombre de profils MES ouverts', indicator: 'mes_profiles_open' },
        { column: 'Ambassadeurs', indicator: 'user_ambassadeurs_formes' },
      ],
      geo: { column: 'Code région', kind: 'region' },
      period: { column: 'Mois', order: 'dmy' },
    },
  };

  it('accepts a wide mapping, a feed-level source, user indicators and a sheet', () => {
    expect(configProblems(wide, 'c', true)).toEqual([]);
    const exported: ExportedUserFeed = {
      config: wide,
      addedAt: '2026-12-03T08:00:00.000Z',
      file: {
        name: 'synthetic-export.xlsx',
        importedAt: '2026-12-03T08:00:00.000Z',
        base64: 'UEs=',
      },
    };
    const text = userFeedsExportText([exported], new Date('2026-12-03T09:00:00Z'));
    expect(parseUserFeedsExport(text, ['embedded'])).toEqual({ feeds: [exported] });
  });

  it('refuses what would break the feed, naming each field', () => {
    const bad = {
      ...wide,
      source: { label: ' ', url: 'http://example.org/x' },
      indicators: [
        { ...wide.indicators![0]!, id: 'mes_profiles_open' },
        { ...wide.indicators![0]!, id: 'user_x', kind: 'level', label: { fr: '' } },
      ],
      headerRow: 0,
      mapping: {
        values: [{ column: 'Ambassadeurs', indicator: 'user_inconnu' }],
        value: { column: 'Valeur' },
        geo: { column: 'Code région', kind: 'commune' },
        period: { column: 'Mois', order: 'ymd' },
      },
    };
    expect(configProblems(bad, 'c', true)).toEqual([
      'c.indicators[0].id: must be "user_" followed by lower-case letters, digits or _',
      'c.indicators[1].label: must be {"fr": "...", "en": "..."}, not empty',
      'c.indicators[1].kind: must be one of stock, flow, rate',
      'c.mapping.values[0].indicator: unknown indicator "user_inconnu"',
      'c.mapping.geo: must be {"column": "...", "kind"?: "region" | "departement" | "any"} or {"value": "..."}',
      'c.mapping.period: must be {"column": "...", "order"?: "dmy" | "mdy"} or {"value": "..."}',
      'c.mapping: has both "values" (wide) and "value" or "indicator" (long); keep one',
      'c.source: must be {"label": "...", "url"?: "https://..."}, the label not empty',
      'c.headerRow: must be a row number, at least 1',
    ]);
  });

  it('refuses a user indicator that takes a catalogue id', () => {
    const clash = {
      ...wide,
      indicators: [
        { ...wide.indicators![0]!, id: 'user_x' },
        { ...wide.indicators![0]!, id: 'user_x' },
      ],
    };
    expect(configProblems(clash, 'c', true)).toContain(
      'c.indicators[1].id: "user_x" appears twice',
    );
  });

  it('accepts a source with an https link, refuses an http one', () => {
    expect(
      configProblems(
        { ...wide, source: { label: 'ARS', url: 'https://example.org/a' } },
        'c',
        true,
      ),
    ).toEqual([]);
    expect(
      configProblems({ ...wide, source: { label: 'ARS', url: 'http://example.org/a' } }, 'c', true),
    ).toEqual([
      'c.source.url: only https:// addresses are accepted: http:// is not encrypted and can be altered on the way',
    ]);
  });
});

describe('userIndicatorId', () => {
  it('makes a user_ slug, unique, never a catalogue id', () => {
    expect(userIndicatorId('Ambassadeurs formés', [])).toBe('user_ambassadeurs_formes');
    expect(userIndicatorId('Ambassadeurs formés', ['user_ambassadeurs_formes'])).toBe(
      'user_ambassadeurs_formes_2',
    );
    expect(userIndicatorId('***', [])).toBe('user_indicateur');
  });
});
