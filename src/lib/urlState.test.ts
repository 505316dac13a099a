import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  MAX_COMPARED,
  embedUrl,
  parseViewState,
  serializeViewState,
  type ViewState,
} from './urlState';

const state = (change: Partial<ViewState>): ViewState => ({
  ...DEFAULT_STATE,
  compare: [],
  ...change,
});

describe('parseViewState', () => {
  it.each([
    ['', 'overview'],
    ['#/', 'overview'],
    ['#/regions', 'regions'],
    ['#/regions/', 'regions'],
    ['#/activation', 'activation'],
    ['#/sources', 'sources'],
    ['#/feeds', 'feeds'],
    ['#/nowhere', 'overview'],
  ])('reads the page of %j', (hash, page) => {
    expect(parseViewState('', hash).page).toBe(page);
  });

  it('reads a region page with its INSEE code, including overseas regions', () => {
    expect(parseViewState('', '#/regions/53')).toMatchObject({ page: 'region', region: '53' });
    expect(parseViewState('', '#/regions/06')).toMatchObject({ page: 'region', region: '06' });
  });

  it('falls back to the regions list for an unknown or pre-2016 region code', () => {
    // 25 was Basse-Normandie before the 2016 reform.
    const preReform = parseViewState('', '#/regions/25');
    expect(preReform.page).toBe('regions');
    expect(preReform.region).toBeUndefined();
    expect(parseViewState('', '#/regions/%ZZ')).toMatchObject({ page: 'regions' });
  });

  it('reads every parameter', () => {
    expect(
      parseViewState(
        '',
        '#/regions/53?v=1&ind=mes_activation_rate&pc=1&date=2024-02-29&cmp=11,84&geo=DEP-2A&target=1000000&lang=en&chart=mes-rate',
      ),
    ).toEqual({
      page: 'region',
      region: '53',
      indicator: 'mes_activation_rate',
      perCapita: true,
      date: '2024-02-29',
      compare: ['11', '84'],
      geo: 'DEP-2A',
      target: 1_000_000,
      lang: 'en',
      embed: false,
      chart: 'mes-rate',
    });
  });

  it.each([
    ['ind=not_an_indicator', 'indicator'],
    ['date=2023-13-01', 'date'],
    ['date=2023-02-30', 'date'],
    ['date=2023-02', 'date'],
    ['geo=REG-25', 'geo'],
    ['geo=DEP-20', 'geo'],
    ['geo=Bretagne', 'geo'],
    ['target=-5', 'target'],
    ['target=1.5', 'target'],
    ['target=abc', 'target'],
    ['target=', 'target'],
    ['rate=0', 'targetRate'],
    ['rate=150', 'targetRate'],
    ['rate=abc', 'targetRate'],
    ['start=2025-02-30', 'outreachStart'],
    ['start=mars', 'outreachStart'],
    ['lang=de', 'lang'],
    ['chart=<script>', 'chart'],
  ] as const)('drops an invalid value: %s', (query, field) => {
    expect(parseViewState('', `#/regions?${query}`)[field]).toBeUndefined();
  });

  it('keeps one target: a valid rate rather than a count', () => {
    const rate = parseViewState('', '#/activation?target=500&rate=50');
    expect([rate.targetRate, rate.target]).toEqual([50, undefined]);
    const count = parseViewState('', '#/activation?target=500&rate=500');
    expect([count.targetRate, count.target]).toEqual([undefined, 500]);
  });

  it('keeps compared regions valid, distinct, other than the region shown, and at most four', () => {
    expect(parseViewState('', '#/regions/53?cmp=53,11,11,99,84,93,44,52').compare).toEqual([
      '11',
      '84',
      '93',
      '44',
    ]);
    expect(MAX_COMPARED).toBe(4);
  });

  it('reads embed mode from the query string or the hash', () => {
    expect(parseViewState('?embed=1', '#/').embed).toBe(true);
    expect(parseViewState('', '#/?embed=1').embed).toBe(true);
    expect(parseViewState('?embed=0', '#/').embed).toBe(false);
  });

  it('reads a link of a newer version as well as it can', () => {
    expect(parseViewState('', '#/regions?v=7&ind=mes_profiles_open&future=x')).toMatchObject({
      page: 'regions',
      indicator: 'mes_profiles_open',
    });
  });
});

describe('serializeViewState', () => {
  it('writes short links for plain pages', () => {
    expect(serializeViewState(state({}))).toBe('#/');
    expect(serializeViewState(state({ page: 'sources' }))).toBe('#/sources');
    expect(serializeViewState(state({ page: 'region', region: '2A' as string }))).toBe(
      '#/regions/2A',
    );
  });

  it('writes the version and parameters in a fixed order', () => {
    expect(
      serializeViewState(
        state({
          page: 'regions',
          date: '2024-01-31',
          indicator: 'mes_activation_rate',
          lang: 'en',
        }),
      ),
    ).toBe('#/regions?v=1&ind=mes_activation_rate&date=2024-01-31&lang=en');
  });

  const cases: ViewState[] = [
    state({}),
    state({
      page: 'regions',
      indicator: 'mes_profiles_activated',
      perCapita: true,
      date: '2023-12-20',
    }),
    state({ page: 'region', region: '94', compare: ['01', '02', '03', '04'], lang: 'fr' }),
    state({ page: 'activation', geo: 'DEP-974', target: 250_000, lang: 'en' }),
    state({ page: 'activation', geo: 'REG-53' }),
    state({ page: 'activation', geo: 'REG-75', targetRate: 50, outreachStart: '2025-03-01' }),
    state({ page: 'overview', chart: 'mes-rate' }),
    state({ page: 'feeds' }),
  ];
  it.each(cases.map((c) => [serializeViewState(c), c] as const))(
    'round-trips %s',
    (hash, original) => {
      expect(parseViewState('', hash)).toEqual(original);
      expect(serializeViewState(parseViewState('', hash))).toBe(hash);
    },
  );
});

describe('embedUrl', () => {
  it('puts embed=1 in the query string and keeps the page path and view', () => {
    const url = embedUrl(
      'https://example.org/tableau/?x=1#/regions?v=1',
      state({ page: 'regions', indicator: 'mes_activation_rate' }),
      'region-map',
    );
    expect(url).toBe(
      'https://example.org/tableau/?embed=1#/regions?v=1&ind=mes_activation_rate&chart=region-map',
    );
    const parsed = new URL(url);
    expect(parseViewState(parsed.search, parsed.hash)).toMatchObject({
      embed: true,
      chart: 'region-map',
      page: 'regions',
    });
  });
});
