import { caughtFeedError } from '../../test/synthetic';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFeed } from './ingest';
import { embeddedFeed } from './registry';
import { TIDY_COLUMNS, toTidyRow } from './tidy';
import type { ColumnMapping, FeedConfig, FeedIssue } from './types';

const today = new Date('2026-11-22');
const embeddedBytes = new Uint8Array(
  readFileSync(resolve(import.meta.dirname, '../../data/observations.csv')),
);

const caught = caughtFeedError;

// --- synthetic tidy input -------------------------------------------------------------------

const SRC = 'https://example.org/synthetic/ingest-test';
type Row = Partial<Record<string, string>>;
const BASE: Record<string, string> = {
  indicator: 'mes_profiles_open',
  breakdown: '',
  geo: 'REG-53',
  period: '2024-03-15',
  precision: 'day',
  value: '3012345',
  qualifier: '=',
  source_url: SRC,
  source_label: 'synthetic test data',
  note: '',
};
const tidyFeed: FeedConfig = {
  id: 'tidy-test',
  label: { fr: 't', en: 't' },
  format: 'tidy-csv',
  url: 'x.csv',
};

/** A tidy CSV: each row is BASE with some fields changed. */
function tidyCsv(rows: Row[], columns: readonly string[] = TIDY_COLUMNS): Uint8Array {
  const data = rows.map((r) => columns.map((c) => r[c] ?? BASE[c] ?? ''));
  return new TextEncoder().encode(Papa.unparse({ fields: [...columns], data }));
}

const parseTidy = (rows: Row[]) => parseFeed(tidyFeed, tidyCsv(rows), { today });

// --- the embedded data ----------------------------------------------------------------------

describe('parseFeed on the embedded data (data/observations.csv)', () => {
  const { observations, report } = parseFeed(embeddedFeed, embeddedBytes, { today });

  it('is the registry tidy feed', () => {
    expect(embeddedFeed).toMatchObject({
      id: 'embedded',
      format: 'tidy-csv',
      url: 'data/observations.csv',
    });
  });

  it('parses to exactly 119 observations with no warnings', () => {
    expect(observations).toHaveLength(119);
    expect(report).toEqual({
      feed: 'embedded',
      rows: 119,
      rowsRead: 119,
      rowsSkipped: 0,
      skipped: [],
      indicators: [...new Set(observations.map((o) => o.indicator))].sort(),
      encoding: 'utf-8',
      delimiter: ',',
      warnings: [],
    });
    expect(observations.every((o) => o.feed === 'embedded')).toBe(true);
  });

  it('has one observation per indicator, breakdown, place, period and source', () => {
    const keys = observations.map((o) =>
      [o.indicator, o.breakdown, o.geo, o.period, o.sourceUrl].join('|'),
    );
    expect(new Set(keys).size).toBe(119);
  });

  it('counts the open and activated profile figures', () => {
    expect(observations.filter((o) => o.indicator === 'mes_profiles_open')).toHaveLength(11);
    expect(observations.filter((o) => o.indicator === 'mes_profiles_activated')).toHaveLength(12);
  });

  it.each([
    {
      indicator: 'mes_profiles_open',
      geo: 'FR',
      period: '2024-01-10',
      value: 68406684,
      qualifier: '=',
      precision: 'day',
      sourceUrl:
        'https://evaluation.securite-sociale.fr/home/maladie/284-personnes-disposant-dun-doss.html',
      sourceLabel: 'official (REPSS/PQE Maladie annex)',
      note: '>95% of health-system users',
    },
    {
      indicator: 'mes_profiles_activated',
      geo: 'FR',
      period: '2024-01-10',
      value: 10567231,
      qualifier: '=',
      sourceUrl:
        'https://evaluation.securite-sociale.fr/home/maladie/284-personnes-disposant-dun-doss.html',
      note: '',
    },
    {
      indicator: 'insi_calls_per_month',
      geo: 'REG-84',
      period: '2022-10',
      value: 1400000,
      precision: 'month',
    },
    {
      indicator: 'mes_opposition_rate',
      geo: 'DEP-31+DEP-44+DEP-80',
      period: '2021-11-17',
      value: 0.7,
      qualifier: '<',
    },
    {
      indicator: 'dmp_docs_sent_per_month',
      breakdown: 'biologie',
      geo: 'FR',
      period: '2023-08',
      value: 6000000,
      qualifier: '>',
    },
    {
      indicator: 'dmp_docs_sent_per_month',
      breakdown: '',
      geo: 'FR',
      period: '2023-02',
      value: 10000000,
      qualifier: '~',
    },
    {
      indicator: 'mes_activation_rate',
      geo: 'REG-44',
      period: '2024-12-31',
      value: 22.8,
      precision: 'year',
    },
    {
      indicator: 'dmp_profiles_open_pre_mes',
      geo: 'FR',
      period: '2021-02',
      value: 9300000,
      precision: 'month',
    },
    {
      indicator: 'mes_connected_visitors_growth_yoy',
      geo: 'REG-44',
      period: '2024-12-31',
      value: 127,
    },
    {
      indicator: 'mes_profiles_open',
      geo: 'DEP-31+DEP-44+DEP-80',
      period: '2021-09-15',
      value: 3309640,
      note: 'pilot 30 Aug-15 Sep 2021 in 3 pilot departments; 3391505 notifications sent (75% by email) — published as "mes_profiles_created"',
    },
  ])('$indicator $geo $period = $value', (want) => {
    const found = observations.filter(
      (o) =>
        o.indicator === want.indicator &&
        o.geo === want.geo &&
        o.period === want.period &&
        o.breakdown === (want.breakdown ?? ''),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(want);
  });

  it('round-trips through toTidyRow unchanged', () => {
    const text = Papa.unparse({ fields: [...TIDY_COLUMNS], data: observations.map(toTidyRow) });
    const again = parseFeed(embeddedFeed, new TextEncoder().encode(text), { today });
    expect(again.observations).toEqual(observations);
  });
});

// --- errors ---------------------------------------------------------------------------------

describe('parseFeed errors name the feed, row, column and reason', () => {
  it.each<[string, Row, string, RegExp]>([
    ['a word for a value', { value: 'abc' }, 'value', /^"abc" is not a number$/],
    [
      'an unknown indicator',
      { indicator: 'mes_profils' },
      'indicator',
      /^unknown indicator "mes_profils"$/,
    ],
    [
      'an indicator id with capitals',
      { indicator: 'MES_PROFILES_OPEN' },
      'indicator',
      /^unknown indicator "MES_PROFILES_OPEN"$/,
    ],
    [
      'a breakdown the indicator lacks',
      { breakdown: 'biologie' },
      'breakdown',
      /"biologie" is not a breakdown of mes_profiles_open/,
    ],
    ['an unknown region', { geo: 'REG-99' }, 'geo', /unknown region code "99"/],
    [
      'a pre-2016 region',
      { geo: 'REG-31' },
      'geo',
      /unknown region code "31" \(INSEE codes since 2016/,
    ],
    ['an unknown department', { geo: 'DEP-20' }, 'geo', /unknown department code "20"/],
    ['a region name', { geo: 'Bretagne' }, 'geo', /not a geography id|does not match/],
    ['FR inside a group', { geo: 'FR+DEP-31' }, 'geo', /cannot be part of a group|does not match/],
    ['an empty place', { geo: '' }, 'geo', /^is required but empty$/],
    [
      'month 13',
      { period: '2023-13', precision: 'month' },
      'period',
      /"2023-13" is not a date: there is no month 13/,
    ],
    ['31 February', { period: '31/02/2024' }, 'period', /"31\/02\/2024" is not a calendar date/],
    ['a quarter', { period: 'T1 2024' }, 'period', /is not a date/],
    ['an empty period', { period: '' }, 'period', /^is required but empty$/],
    ['a date in the future', { period: '2026-11-23' }, 'period', /^2026-11-23 is in the future$/],
    [
      'an unknown precision',
      { precision: 'week' },
      'precision',
      /"week" is not one of "day", "month", "quarter", "half-year", "year"/,
    ],
    [
      'a day precision on a month',
      { period: '2024-03', precision: 'day' },
      'precision',
      /precision "day" needs a YYYY-MM-DD period/,
    ],
    [
      'a month precision on a year',
      { period: '2024', precision: 'month' },
      'precision',
      /precision "month" needs at least YYYY-MM/,
    ],
    [
      'an unknown qualifier',
      { qualifier: '≈' },
      'qualifier',
      /"≈" is not one of "=", "~", ">", "<"/,
    ],
    ['an empty qualifier', { qualifier: '' }, 'qualifier', /^is required but empty$/],
    [
      'a source without scheme',
      { source_url: 'www.example.org/x' },
      'source_url',
      /^"www.example.org\/x" is not a web address \(http:\/\/ or https:\/\/\)$/,
    ],
    ['an ftp source', { source_url: 'ftp://example.org/x' }, 'source_url', /is not a web address/],
    [
      'an empty source and no label',
      { source_url: '', source_label: '' },
      'source_url',
      /^is required but empty$/,
    ],
    ['a negative count', { value: '-1' }, 'value', /^-1: a count cannot be negative$/],
    [
      'a rate above 100',
      { indicator: 'mes_activation_rate', value: '100.5' },
      'value',
      /^100\.5 is above 100$/,
    ],
    [
      'a growth below -100 %',
      { indicator: 'mes_connected_visitors_growth_yoy', value: '-101' },
      'value',
      /^-101 is below -100$/,
    ],
  ])('%s', (_name, change, column, reason) => {
    // Row 2 is valid; the faulty row is row 3 (the header is row 1).
    const e = caught(() => parseTidy([{ geo: 'REG-52' }, change]));
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) expect(issue).toMatchObject({ feed: 'tidy-test', row: 3 });
    const issue = e.issues.find((i) => i.column === column);
    expect(issue, JSON.stringify(e.issues)).toBeDefined();
    expect(issue!.reason).toMatch(reason);
    expect(e.message).toContain(`feed "tidy-test", row 3, column "${column}": ${issue!.reason}`);
  });

  it.each<[string, Row, string]>([
    ['a region name where the format wants an id', { geo: 'Bretagne' }, 'geo'],
    ['an indicator id with capitals', { indicator: 'MES_PROFILES_OPEN' }, 'indicator'],
    ['a date written as a month name', { period: 'janv. 2024', precision: 'month' }, 'period'],
    ['a source without scheme', { source_url: 'www.example.org' }, 'source_url'],
  ])('reports each bad cell once: %s', (_name, change, column) => {
    const e = caught(() => parseTidy([change]));
    expect(e.issues.map((i) => [i.row, i.column])).toEqual([[2, column]]);
  });

  it('reports every bad row, not just the first', () => {
    const e = caught(() =>
      parseTidy([
        { value: 'x' },
        {},
        { geo: 'REG-99', period: '2024-03-16' },
        { qualifier: '?', period: '2024-03-17' },
      ]),
    );
    expect(e.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'value'],
      [4, 'geo'],
      [5, 'qualifier'],
    ]);
  });

  it('limits the message to 10 problems and counts the rest', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      value: 'x',
      period: `2024-03-${String(i + 1).padStart(2, '0')}`,
    }));
    const e = caught(() => parseTidy(rows));
    expect(e.issues).toHaveLength(12);
    expect(e.message.split('\n')).toHaveLength(11);
    expect(e.message).toMatch(/… and 2 more problems$/);
  });

  it.each([
    ['an empty file', new Uint8Array(0), /^the file is empty$/],
    ['blank space', new TextEncoder().encode(' \n \n'), /only blank space/],
    ['an HTML page', new TextEncoder().encode('<!DOCTYPE html><html></html>'), /HTML or XML page/],
    ['JSON', new TextEncoder().encode('[{"value":1}]'), /JSON, not CSV/],
    [
      'a header only',
      new TextEncoder().encode(TIDY_COLUMNS.join(',') + '\n'),
      /header but no data rows/,
    ],
    [
      'an unrelated table',
      new TextEncoder().encode('nom;prenom\nDupont;Jean\n'),
      /format not recognised: none of the tidy columns/,
    ],
  ])('rejects %s as a whole, with one issue naming the feed', (_name, bytes, reason) => {
    const e = caught(() => parseFeed(tidyFeed, bytes, { today }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.feed).toBe('tidy-test');
    expect(e.issues[0]!.reason).toMatch(reason);
    expect(e.message).toMatch(/^feed "tidy-test"/);
  });

  it('lists each missing required column', () => {
    const columns = TIDY_COLUMNS.filter((c) => c !== 'qualifier' && c !== 'precision');
    const e = caught(() => parseFeed(tidyFeed, tidyCsv([{}], columns), { today }));
    expect(e.issues).toEqual<FeedIssue[]>([
      {
        feed: 'tidy-test',
        row: 1,
        column: 'precision',
        code: 'tidy.columnMissing',
        reason: 'required column is missing from the header',
      },
      {
        feed: 'tidy-test',
        row: 1,
        column: 'qualifier',
        code: 'tidy.columnMissing',
        reason: 'required column is missing from the header',
      },
    ]);
  });

  it.each([
    [
      'mapped-csv without a mapping',
      { format: 'mapped-csv' },
      /^this feed needs a column mapping$/,
    ],
    [
      'an unknown format',
      { format: 'xlsx' },
      /^format not recognised: "xlsx" is not one of tidy-csv, mapped-csv, json-array, datagouv-tabular, spreadsheet$/,
    ],
  ])('rejects %s', (_name, change, reason) => {
    const feed = { ...tidyFeed, ...change } as FeedConfig;
    const e = caught(() => parseFeed(feed, tidyCsv([{}]), { today }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.reason).toMatch(reason);
    expect(e.message).toContain(`feed "${feed.id}"`);
  });
});

// --- tidy adapter ---------------------------------------------------------------------------

describe('parseFeed on tidy CSV', () => {
  it('returns observations with every field, cells trimmed', () => {
    const { observations, report } = parseTidy([
      { value: ' 3012345 ', note: '  une note  ', source_label: ' ARS ' },
    ]);
    expect(observations).toEqual([
      {
        indicator: 'mes_profiles_open',
        breakdown: '',
        geo: 'REG-53',
        period: '2024-03-15',
        precision: 'day',
        value: 3012345,
        qualifier: '=',
        sourceUrl: SRC,
        sourceLabel: 'ARS',
        note: 'une note',
        feed: 'tidy-test',
      },
    ]);
    expect(report).toEqual({
      feed: 'tidy-test',
      rows: 1,
      rowsRead: 1,
      rowsSkipped: 0,
      skipped: [],
      indicators: ['mes_profiles_open'],
      encoding: 'utf-8',
      delimiter: ',',
      warnings: [],
    });
  });

  it('reads a source named by its label alone, with no web address', () => {
    const { observations } = parseTidy([
      { source_url: '', source_label: 'Export du tableau de bord interne (synthétique)' },
    ]);
    expect(observations[0]).toMatchObject({
      sourceUrl: '',
      sourceLabel: 'Export du tableau de bord interne (synthétique)',
    });
  });

  it('still needs the source_url column in the header', () => {
    const columns = TIDY_COLUMNS.filter((c) => c !== 'source_url');
    const e = caught(() => parseFeed(tidyFeed, tidyCsv([{}], columns), { today }));
    expect(e.issues.map((i) => [i.code, i.column])).toEqual([['tidy.columnMissing', 'source_url']]);
  });

  it('normalises French dates in the period column', () => {
    const { observations } = parseTidy([{ period: '15/03/2024' }]);
    expect(observations[0]).toMatchObject({ period: '2024-03-15', precision: 'day' });
  });

  it('accepts header names in any case and order, and warns about unknown columns', () => {
    const columns = [
      'VALUE',
      'Period',
      'geo',
      'indicator',
      'qualifier',
      'precision',
      'source_url',
      'extra',
    ];
    const rows = [['5', '2024-03', 'FR', 'insi_calls_per_month', '~', 'month', SRC, 'ignored']];
    const bytes = new TextEncoder().encode(Papa.unparse({ fields: columns, data: rows }));
    const { observations, report } = parseFeed(tidyFeed, bytes, { today });
    expect(observations).toEqual([
      expect.objectContaining({
        indicator: 'insi_calls_per_month',
        geo: 'FR',
        period: '2024-03',
        value: 5,
        qualifier: '~',
        breakdown: '',
        note: '',
      }),
    ]);
    expect(report.warnings).toEqual([
      {
        feed: 'tidy-test',
        row: 1,
        column: 'extra',
        code: 'tidy.unknownColumn',
        reason: 'unknown column ignored',
      },
    ]);
  });

  it.each([
    ['2026-11-22', true],
    ['2026-11-23', false],
    ['2026-11', true],
    ['2026-12', false],
    ['2026', true],
    ['2027', false],
  ])('with today 2026-11-22, period %s is accepted: %s', (period, ok) => {
    const precision = period.length === 10 ? 'day' : period.length === 7 ? 'month' : 'year';
    const run = () => parseTidy([{ period, precision }]);
    if (ok) expect(run().observations).toHaveLength(1);
    else expect(caught(run).issues[0]!.reason).toBe(`${period} is in the future`);
  });

  describe('without a today option', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('compares periods with the current date', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2024-03-10T12:00:00Z'));
      const bytes = tidyCsv([{ period: '2024-03-15' }]);
      expect(caught(() => parseFeed(tidyFeed, bytes)).issues[0]!.reason).toBe(
        '2024-03-15 is in the future',
      );
      vi.setSystemTime(new Date('2024-03-16T00:00:00Z'));
      expect(parseFeed(tidyFeed, bytes).observations).toHaveLength(1);
    });
  });
});

// --- checks across rows ---------------------------------------------------------------------

describe('parseFeed checks across rows', () => {
  const open = { indicator: 'mes_profiles_open', value: '1000' };
  const activated = { indicator: 'mes_profiles_activated', value: '1200' };

  it('drops an exact duplicate with a warning naming both rows', () => {
    const { observations, report } = parseTidy([
      open,
      { indicator: 'mes_activation_rate', value: '12' },
      open,
    ]);
    expect(observations).toHaveLength(2);
    expect(report.rows).toBe(2);
    expect(report.warnings).toEqual([
      {
        feed: 'tidy-test',
        row: 4,
        code: 'row.duplicate',
        params: { line: 2 },
        reason: 'duplicates row 2; kept once',
      },
    ]);
  });

  it('keeps the first of exact duplicates, its note included', () => {
    const { observations } = parseTidy([{ note: 'first' }, { note: 'second' }]);
    expect(observations.map((o) => o.note)).toEqual(['first']);
  });

  it.each<[string, Row]>([
    ['a different value', { value: '3012346' }],
    ['a different qualifier', { qualifier: '~' }],
    ['a value written differently that is another number', { value: '3012345.5' }],
  ])('rejects a conflicting duplicate: %s', (_name, change) => {
    const e = caught(() => parseTidy([{}, { geo: 'REG-11' }, change]));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ feed: 'tidy-test', row: 4, column: 'value' });
    expect(e.issues[0]!.reason).toMatch(
      /^conflicts with row 2: same indicator, place, period and source/,
    );
  });

  it('treats the same value written two ways as a duplicate, not a conflict', () => {
    const { observations, report } = parseTidy([{ value: '3012345' }, { value: '3012345.0' }]);
    expect(observations).toHaveLength(1);
    expect(report.warnings).toHaveLength(1);
  });

  it.each<[string, Row]>([
    ['breakdown', { indicator: 'dmp_docs_sent_per_month', breakdown: 'hopital' }],
    ['place', { geo: 'REG-11' }],
    ['period', { period: '2024-03-16' }],
    ['source', { source_url: `${SRC}/other` }],
  ])('keeps two figures that differ only by %s', (_name, change) => {
    const base = change.indicator ? { indicator: change.indicator, breakdown: 'biologie' } : {};
    const { observations, report } = parseTidy([base, { ...base, ...change, value: '1' }]);
    expect(observations).toHaveLength(2);
    expect(report.warnings).toEqual([]);
  });

  it('rejects more profiles activated than open at the same place, date and source', () => {
    const e = caught(() => parseTidy([open, activated]));
    expect(e.issues).toEqual([
      {
        feed: 'tidy-test',
        row: 3,
        column: 'value',
        code: 'value.activatedAboveOpen',
        params: { value: 1200, open: 1000, line: 2 },
        reason: '1200 profiles activated is more than the 1000 open at the same date (row 2)',
      },
    ]);
  });

  it('finds the open figure whichever row comes first', () => {
    const e = caught(() => parseTidy([activated, open]));
    expect(e.issues).toEqual([
      expect.objectContaining({ row: 2, reason: expect.stringContaining('(row 3)') }),
    ]);
  });

  it.each<[string, Row[]]>([
    ['activated equal to open', [open, { ...activated, value: '1000' }]],
    ['activated only about (~)', [open, { ...activated, qualifier: '~' }]],
    ['open is a lower bound (>)', [{ ...open, qualifier: '>' }, activated]],
    ['open is approximate (~)', [{ ...open, qualifier: '~' }, activated]],
    ['another source', [open, { ...activated, source_url: `${SRC}/other` }]],
    ['another date', [open, { ...activated, period: '2024-03-16' }]],
    ['another place', [open, { ...activated, geo: 'REG-11' }]],
  ])('accepts %s', (_name, rows) => {
    expect(parseTidy(rows).observations).toHaveLength(2);
  });
});

// --- mapped adapter -------------------------------------------------------------------------

describe('parseFeed on mapped CSV', () => {
  const mapping: ColumnMapping = {
    indicator: { value: 'mes_profiles_open' },
    geo: { column: 'Code région', prefix: 'REG-' },
    period: { column: 'Date' },
    precision: { value: 'day' },
    value: { column: 'Valeur' },
    qualifier: { value: '=' },
    sourceUrl: { value: SRC },
    sourceLabel: { value: 'ARS (synthetic)' },
  };
  const mappedFeed: FeedConfig = { ...tidyFeed, id: 'mapped-test', format: 'mapped-csv', mapping };
  const run = (text: string, feed = mappedFeed) =>
    parseFeed(feed, new TextEncoder().encode(text), { today });

  it('maps columns and constants, prefixing codes', () => {
    const { observations, report } = run(
      'Date;Code région;Valeur;Autre\n15/03/2024; 53 ;3 012 345;x\n',
    );
    expect(observations).toEqual([
      {
        indicator: 'mes_profiles_open',
        breakdown: '',
        geo: 'REG-53',
        period: '2024-03-15',
        precision: 'day',
        value: 3012345,
        qualifier: '=',
        sourceUrl: SRC,
        sourceLabel: 'ARS (synthetic)',
        note: '',
        feed: 'mapped-test',
      },
    ]);
    // Unmapped columns are fine in a mapped file.
    expect(report).toEqual({
      feed: 'mapped-test',
      rows: 1,
      rowsRead: 1,
      rowsSkipped: 0,
      skipped: [],
      indicators: ['mes_profiles_open'],
      encoding: 'utf-8',
      delimiter: ';',
      // How the date column was read: one day-first date, unambiguous (15 > 12).
      dates: {
        column: 'Date',
        order: 'dmy',
        ambiguous: false,
        forms: ['numeric-date'],
        examples: [{ raw: '15/03/2024', period: '2024-03-15', precision: 'day' }],
      },
      warnings: [],
    });
  });

  it('skips a row whose place is empty or outside the reference, and says so', () => {
    const { observations, report } = run(
      'Date;Code région;Valeur\n15/03/2024;;3 012 345\n15/03/2024;53;12\n16/03/2024;99;beaucoup\n',
    );
    expect(observations.map((o) => o.geo)).toEqual(['REG-53']);
    expect(report).toMatchObject({ rowsRead: 3, rowsSkipped: 2, rows: 1 });
    expect(report.skipped).toEqual([
      { reason: 'place.empty', column: 'Code région', value: '', count: 1, firstLines: [2] },
      {
        reason: 'place.unknownCode',
        column: 'Code région',
        value: '99',
        count: 1,
        firstLines: [4],
      },
    ]);
  });

  it('rejects the file when every row is skipped: the mapping is probably wrong', () => {
    const e = caught(() =>
      run('Date;Code région;Valeur\n15/03/2024;Paris;1\n15/03/2024;Nantes;2\n'),
    );
    expect(e.issues).toEqual([
      {
        feed: 'mapped-test',
        code: 'file.allRowsSkipped',
        params: { count: 2 },
        reason:
          'all 2 rows were skipped (place outside the reference or empty value): the column mapping is probably wrong',
      },
    ]);
  });

  it('names the mapped column, the field and the header when a column was renamed', () => {
    const e = caught(() => run('Date;Région;Valeur (nb)\n15/03/2024;53;1\n'));
    expect(e.issues).toMatchObject([
      {
        feed: 'mapped-test',
        row: 1,
        column: 'Code région',
        code: 'mapping.columnMissing',
        reason:
          'column mapped to "geo" is not in the header (Date, Région, Valeur (nb)); was it renamed?',
      },
      {
        feed: 'mapped-test',
        row: 1,
        column: 'Valeur',
        code: 'mapping.columnMissing',
        reason:
          'column mapped to "value" is not in the header (Date, Région, Valeur (nb)); was it renamed?',
      },
    ]);
    expect(e.message).toContain(
      'feed "mapped-test", row 1, column "Code région": column mapped to "geo"',
    );
  });

  it('reports a bad cell once, against the file’s column, on the file line', () => {
    const e = caught(() =>
      run('Date;Code région;Valeur\n15/03/2024;53;1\n16/03/2024;11;beaucoup\n31/02/2024;11;2\n'),
    );
    expect(e.issues).toEqual([
      {
        feed: 'mapped-test',
        row: 3,
        column: 'Valeur',
        code: 'value.notANumber',
        params: { value: 'beaucoup' },
        reason: '"beaucoup" is not a number',
      },
      {
        feed: 'mapped-test',
        row: 4,
        column: 'Date',
        code: 'date.impossible',
        params: { raw: '31/02/2024' },
        reason: '"31/02/2024" is not a calendar date',
      },
    ]);
  });

  it('infers precision from how each date is written and defaults the qualifier to "=" when not mapped', () => {
    const minimal: ColumnMapping = {
      indicator: { value: 'mes_profiles_open' },
      geo: { value: 'FR' },
      period: { column: 'Date' },
      value: { column: 'Valeur' },
      sourceUrl: { value: SRC },
    };
    const { observations } = run(
      'Date;Valeur\n31/01/2024;68 500 000\n02/2024;68 600 000\n2023;60 000 000\n',
      {
        ...mappedFeed,
        mapping: minimal,
      },
    );
    expect(observations.map((o) => [o.period, o.precision, o.qualifier])).toEqual([
      ['2024-01-31', 'day', '='],
      ['2024-02', 'month', '='],
      ['2023', 'year', '='],
    ]);
  });
});
