import { caughtFeedError } from '../../test/synthetic';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './ingest';
import type { ColumnMapping, FeedConfig } from './types';

// Synthetic records: made-up figures at example.org, never published data.
const today = new Date('2026-11-22');
const SRC = 'https://example.org/synthetic/json-test';
const caught = caughtFeedError;
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const tidyRecord = {
  indicator: 'mes_profiles_open',
  breakdown: '',
  geo: 'REG-53',
  period: '2024-03-15',
  precision: 'day',
  value: 3012345,
  qualifier: '=',
  source_url: SRC,
  source_label: 'synthetic test data',
  note: '',
};

const jsonFeed: FeedConfig = {
  id: 'json-test',
  label: { fr: 'j', en: 'j' },
  format: 'json-array',
  url: 'x.json',
};

const mapping: ColumnMapping = {
  indicator: { value: 'mes_profiles_open' },
  geo: { column: 'code_region', prefix: 'REG-' },
  period: { column: 'date' },
  value: { column: 'nombre' },
  sourceUrl: { value: SRC },
};
const mappedFeed: FeedConfig = { ...jsonFeed, id: 'json-mapped', mapping };
const tabularFeed: FeedConfig = { ...mappedFeed, id: 'tabular', format: 'datagouv-tabular' };

describe('parseFeed on a JSON array with tidy keys', () => {
  it('reads numbers and strings, in any key order, and defaults missing optional keys', () => {
    const { observations, report } = parseFeed(
      jsonFeed,
      json([
        tidyRecord,
        {
          value: '1 204 938',
          period: '15/03/2024',
          geo: 'REG-53',
          indicator: 'mes_profiles_activated',
          qualifier: '~',
          source_url: SRC,
          precision: 'day',
        },
      ]),
      { today },
    );
    expect(report).toMatchObject({ rows: 2, delimiter: '', encoding: 'utf-8', warnings: [] });
    expect(observations[0]).toMatchObject({ value: 3012345, geo: 'REG-53', feed: 'json-test' });
    expect(observations[1]).toMatchObject({
      indicator: 'mes_profiles_activated',
      period: '2024-03-15',
      value: 1204938,
      qualifier: '~',
      breakdown: '',
      note: '',
    });
  });

  it('warns of unknown keys, without a row', () => {
    const { report } = parseFeed(jsonFeed, json([{ ...tidyRecord, extra: 'x' }]), { today });
    expect(report.warnings).toEqual([
      {
        feed: 'json-test',
        column: 'extra',
        code: 'tidy.unknownKey',
        reason: 'unknown key ignored',
      },
    ]);
  });

  it('numbers rows by record (1-based) and names the key', () => {
    const e = caught(() =>
      parseFeed(
        jsonFeed,
        json([tidyRecord, { ...tidyRecord, indicator: 'mes_profiles_activated', value: 'abc' }]),
        { today },
      ),
    );
    expect(e.issues).toEqual([
      {
        feed: 'json-test',
        row: 2,
        column: 'value',
        code: 'value.notANumber',
        params: { value: 'abc' },
        reason: '"abc" is not a number',
      },
    ]);
    expect(e.message).toBe('feed "json-test", row 2, column "value": "abc" is not a number');
  });

  it.each<[string, unknown, { row?: number; column?: string; reason: RegExp }[]]>([
    ['an empty array', [], [{ reason: /the JSON array has no records/ }]],
    [
      'records that are not objects',
      [tidyRecord, 42, [1]],
      [
        { row: 2, reason: /^is a number, expected an object$/ },
        { row: 3, reason: /^is an array, expected an object$/ },
      ],
    ],
    [
      'a nested object in a cell',
      [{ ...tidyRecord, value: { n: 1 } }],
      [{ row: 1, column: 'value', reason: /is an object, expected text or a number/ }],
    ],
    [
      'a missing required key',
      [{ ...tidyRecord, source_url: undefined }],
      [{ column: 'source_url', reason: /required key is missing from every record/ }],
    ],
    [
      'no tidy key at all',
      [{ a: 1, b: 2 }],
      [
        {
          reason:
            /^format not recognised: the records have none of the tidy keys .*keys found: a, b$/,
        },
      ],
    ],
    [
      'an object that is not a page',
      { results: [] },
      [
        {
          reason:
            /^format not recognised: expected a JSON array .*found an object with keys results$/,
        },
      ],
    ],
    ['a JSON number', 42, [{ reason: /^format not recognised: the file is not JSON/ }]],
  ])('rejects %s', (_name, value, expected) => {
    const e = caught(() => parseFeed(jsonFeed, json(value), { today }));
    expect(e.issues).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      const got = e.issues[i]!;
      expect(got.feed).toBe('json-test');
      expect(got.row).toBe(want.row);
      expect(got.column).toBe(want.column);
      expect(got.reason).toMatch(want.reason);
    });
  });

  it.each([
    ['truncated JSON', '[{"indicator": "mes_profiles_open", "geo"', /not valid JSON .*truncated/],
    [
      'CSV given to a JSON feed',
      'indicator,geo\nx,y\n',
      /^format not recognised: the file is not JSON/,
    ],
    ['an HTML error page', '<!DOCTYPE html><h1>502</h1>', /HTML or XML page, not data/],
    ['blank text', '  \n ', /only blank space/],
  ])('rejects %s', (_name, text, reason) => {
    const e = caught(() => parseFeed(jsonFeed, new TextEncoder().encode(text), { today }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.reason).toMatch(reason);
    expect(e.message).toContain('feed "json-test"');
  });
});

describe('parseFeed on a mapped JSON array', () => {
  const rows = [
    { code_region: '53', date: '2024-03-15', nombre: 3012345 },
    { code_region: 11, date: '03/2024', nombre: '1 234 567' },
  ];

  it('maps keys, prefixes codes and applies constants', () => {
    const { observations } = parseFeed(mappedFeed, json(rows), { today });
    expect(observations).toEqual([
      expect.objectContaining({ indicator: 'mes_profiles_open', geo: 'REG-53', value: 3012345 }),
      expect.objectContaining({
        geo: 'REG-11',
        period: '2024-03',
        precision: 'month',
        value: 1234567,
        sourceUrl: SRC,
        qualifier: '=',
      }),
    ]);
  });

  it('names a mapped key that no record has', () => {
    const e = caught(() =>
      parseFeed(mappedFeed, json([{ region: '53', date: '2024-03-15', nombre: 1 }]), { today }),
    );
    expect(e.issues).toEqual([
      {
        feed: 'json-mapped',
        column: 'code_region',
        code: 'mapping.keyMissing',
        params: { field: 'geo', keys: 'region, date, nombre' },
        reason: 'key mapped to "geo" is in no record (keys: region, date, nombre); was it renamed?',
      },
    ]);
  });

  it('a record missing a mapped key is an empty cell at its row', () => {
    const e = caught(() =>
      parseFeed(mappedFeed, json([rows[0], { code_region: '84', nombre: 5 }]), { today }),
    );
    expect(e.issues).toEqual([
      {
        feed: 'json-mapped',
        row: 2,
        column: 'date',
        code: 'cell.required',
        reason: 'is required but empty',
      },
    ]);
  });

  it('ignores keys the mapping does not use, whatever they hold', () => {
    const extra = rows.map((r) => ({ ...r, meta: { producer: 'x', tags: [1, 2] }, list: [] }));
    const { observations } = parseFeed(mappedFeed, json(extra), { today });
    expect(observations.map((o) => o.geo)).toEqual(['REG-53', 'REG-11']);
  });

  it('still rejects an object in a key the mapping uses, at its record', () => {
    const bad = [rows[0], { ...rows[1], nombre: { valeur: 5 } }];
    const e = caught(() => parseFeed(mappedFeed, json(bad), { today }));
    expect(e.issues).toEqual([
      expect.objectContaining({ row: 2, column: 'nombre', code: 'cell.nested' }),
    ]);
  });
});

describe('parseFeed on the tabular API format', () => {
  const apiRows = [
    { __id: 1, code_region: '53', date: '2024-03-15', nombre: 3012345 },
    { __id: 2, code_region: '84', date: '2024-03-15', nombre: 5000000 },
  ];

  it('reads the JSON array fetchFeedBytes assembles, ignoring the API’s __id', () => {
    const { observations, report } = parseFeed(tabularFeed, json(apiRows), { today });
    expect(observations.map((o) => o.geo)).toEqual(['REG-53', 'REG-84']);
    expect(report.warnings).toEqual([]);
  });

  it('accepts one saved page that holds the whole table', () => {
    const page = { data: apiRows, links: { next: null }, meta: { total: 2, page: 1 } };
    expect(parseFeed(tabularFeed, json(page), { today }).observations).toHaveLength(2);
  });

  it('refuses one saved page of several', () => {
    const page = {
      data: apiRows,
      links: { next: 'https://tabular-api.data.gouv.fr/api/resources/x/data/?page=2' },
      meta: { total: 120 },
    };
    const e = caught(() => parseFeed(tabularFeed, json(page), { today }));
    expect(e.issues[0]!.reason).toMatch(/one page of the data.gouv.fr tabular API/);
  });
});
