/**
 * Runs the feed pipeline on every fixture of test/fixtures/feeds and checks the outcome the
 * manifest (expected.json) states: for a valid file its row count, values and warnings; for an
 * invalid one every issue, with the feed named in the error message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/ingest';
import {
  FeedError,
  type ColumnMapping,
  type FeedConfig,
  type FeedFormat,
  type FeedIssue,
} from '../../src/feeds/types';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildFixtures } from '../fixtures/feeds/make-fixtures.mjs';

const DIR = resolve(import.meta.dirname, '../fixtures/feeds');
const NOT_FIXTURES = new Set([
  'README.md',
  'expected.json',
  'make-fixtures.mjs',
  'make-spreadsheets.mjs',
  'recorded-server.ts',
]);
/** Workbooks (make-spreadsheets.mjs) are read by src/feeds/spreadsheet.test.ts, not parseFeed. */
const WORKBOOK = /\.(xlsx|ods)$/;

interface ExpectedIssue {
  row?: number;
  column?: string;
  reasonMatches: string;
}

interface ExpectedValue {
  indicator: string;
  breakdown?: string;
  geo: string;
  period: string;
  value: number;
  qualifier?: string;
  precision?: string;
  sourceUrl?: string;
  sourceLabel?: string;
  note?: string;
}

interface Entry {
  file: string;
  format: FeedFormat;
  mapping?: ColumnMapping;
  outcome: 'valid' | 'invalid';
  rows?: number;
  encoding?: string;
  delimiter?: string;
  values?: ExpectedValue[];
  warnings?: ExpectedIssue[];
  errors?: ExpectedIssue[];
}

/** Each case issue 3 lists, and the fixtures that hold it (the 50 MB file is made below). */
const ISSUE_CASES: Record<string, string[]> = {
  'empty file': ['synthetic-empty.csv', 'synthetic-whitespace-only.csv'],
  'header only': ['synthetic-tidy-header-only.csv'],
  'truncated mid-row': ['synthetic-tidy-truncated.csv', 'synthetic-json-truncated.json'],
  'HTML error page with a CSV name': [
    'synthetic-html-error-page.csv',
    'synthetic-json-html-error-page.json',
  ],
  'JSON instead of CSV': ['synthetic-json-instead-of-csv.csv'],
  'wrong delimiter': [
    'synthetic-tidy-pipe-delimiter.csv',
    'synthetic-tidy-unquoted-decimal-comma.csv',
  ],
  'renamed column': ['synthetic-tidy-renamed-column.csv', 'synthetic-mapped-renamed-column.csv'],
  'missing column': ['synthetic-tidy-missing-required-column.csv'],
  'extra column': ['synthetic-tidy-extra-column.csv'],
  'reordered columns': ['synthetic-tidy-reordered-columns.csv'],
  'duplicate rows': ['synthetic-tidy-exact-duplicates.csv'],
  'conflicting duplicates': ['synthetic-tidy-conflicting-duplicates.csv'],
  'non-numeric count': ['synthetic-tidy-non-numeric-value.csv'],
  'negative count': ['synthetic-tidy-negative-count.csv'],
  'activated > open': ['synthetic-tidy-activated-more-than-open.csv'],
  'date in the future': ['synthetic-tidy-future-date.csv'],
  'impossible date (2023-13)': ['synthetic-tidy-impossible-month.csv'],
  'unknown region code': ['synthetic-tidy-unknown-region.csv'],
  'pre-2016 region code': ['synthetic-tidy-pre-2016-region.csv'],
  BOM: ['synthetic-tidy-utf8-bom.csv', 'synthetic-tidy-utf16le-bom.csv'],
  CRLF: ['synthetic-tidy-crlf.csv', 'synthetic-mapped-semicolon-win1252.csv'],
  'Windows-1252 accents': ['synthetic-tidy-win1252.csv', 'synthetic-mapped-semicolon-win1252.csv'],
  'thousands separated by spaces and no-break spaces': ['synthetic-mapped-semicolon-win1252.csv'],
  'thousands separated by narrow no-break spaces': [
    'synthetic-mapped-semicolon-narrow-nbsp.csv',
    'synthetic-json-array-mapped.json',
  ],
  'decimal commas': ['synthetic-mapped-semicolon-win1252.csv'],
  'percent signs': ['synthetic-mapped-semicolon-win1252.csv'],
  'labels holding <script> or =HYPERLINK(...)': ['synthetic-tidy-markup-and-formula-text.csv'],
  'JSON array': ['synthetic-json-array-tidy.json', 'synthetic-json-array-mapped.json'],
  'data.gouv.fr tabular API': [
    'synthetic-tabular-assembled-rows.json',
    'synthetic-tabular-single-page.json',
    'synthetic-tabular-first-page-of-several.json',
  ],
};

const manifest = JSON.parse(readFileSync(resolve(DIR, 'expected.json'), 'utf8')) as {
  today: string;
  fixtures: Entry[];
};
const today = new Date('2026-11-22');

function feedFor(entry: Entry): FeedConfig {
  return {
    id: `corpus-${entry.file.replace(/\.(csv|json)$/, '')}`,
    label: { fr: entry.file, en: entry.file },
    format: entry.format,
    url: `test/fixtures/feeds/${entry.file}`,
    mapping: entry.mapping,
  };
}

function matches(issue: FeedIssue, want: ExpectedIssue): boolean {
  return (
    (want.row === undefined || issue.row === want.row) &&
    (want.column === undefined || issue.column === want.column) &&
    new RegExp(want.reasonMatches).test(issue.reason)
  );
}

/** Every expected issue present, and nothing else reported. */
function expectIssues(actual: FeedIssue[], expected: ExpectedIssue[], feed: string) {
  const describeAll = JSON.stringify(actual, null, 1);
  for (const want of expected) {
    expect(
      actual.some((issue) => matches(issue, want)),
      `expected ${JSON.stringify(want)} among ${describeAll}`,
    ).toBe(true);
  }
  expect(actual, `unexpected issues: ${describeAll}`).toHaveLength(expected.length);
  for (const issue of actual) expect(issue.feed).toBe(feed);
}

describe('feed fixture corpus', () => {
  it('states the parse date the test uses', () => {
    expect(manifest.today).toBe('2026-11-22');
  });

  it('has one manifest entry per fixture file and a file per entry', () => {
    const files = readdirSync(DIR)
      .filter((f) => !NOT_FIXTURES.has(f) && !WORKBOOK.test(f))
      .sort();
    const entries = manifest.fixtures.map((e) => e.file).sort();
    expect(entries).toEqual(files);
    expect(new Set(entries).size).toBe(entries.length);
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it('names synthetic fixtures synthetic-*, except rows copied from data/', () => {
    const real = readFileSync(resolve(DIR, '../../../data/observations.csv'), 'utf8').split('\n');
    for (const { file } of manifest.fixtures) {
      if (file.startsWith('synthetic-')) continue;
      // Every row of a non-synthetic fixture is a verbatim line of the embedded data.
      const lines = readFileSync(resolve(DIR, file), 'utf8').split('\n').filter(Boolean);
      for (const line of lines) expect(real, `${file}: ${line}`).toContain(line);
    }
  });

  it('fixtures on disk are exactly what make-fixtures.mjs writes', () => {
    const built = buildFixtures() as Record<string, Uint8Array>;
    expect(Object.keys(built).sort()).toEqual(manifest.fixtures.map((e) => e.file).sort());
    for (const [name, bytes] of Object.entries(built)) {
      const onDisk = new Uint8Array(readFileSync(resolve(DIR, name)));
      expect(onDisk, name).toEqual(bytes);
    }
  });

  it('covers every case issue 3 lists', () => {
    const files = new Set(manifest.fixtures.map((e) => e.file));
    for (const [name, fixtures] of Object.entries(ISSUE_CASES)) {
      for (const file of fixtures) expect(files.has(file), `${name}: ${file}`).toBe(true);
    }
  });

  it.each(manifest.fixtures.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const feed = feedFor(entry);
    const bytes = new Uint8Array(readFileSync(resolve(DIR, entry.file)));
    if (entry.outcome === 'invalid') {
      expect(entry.errors?.length, 'an invalid fixture lists its errors').toBeGreaterThan(0);
      let error: unknown;
      try {
        parseFeed(feed, bytes, { today });
      } catch (e) {
        error = e;
      }
      expect(error, 'parseFeed should reject this file').toBeInstanceOf(FeedError);
      const feedError = error as FeedError;
      expect(feedError.message).toContain(`feed "${feed.id}"`);
      expectIssues(feedError.issues, entry.errors!, feed.id);
      return;
    }

    const { observations, report } = parseFeed(feed, bytes, { today });
    expect(observations).toHaveLength(entry.rows!);
    expect(report.rows).toBe(entry.rows);
    expect(report.feed).toBe(feed.id);
    if (entry.encoding) expect(report.encoding).toBe(entry.encoding);
    if (entry.delimiter) expect(report.delimiter).toBe(entry.delimiter);
    expectIssues(report.warnings, entry.warnings ?? [], feed.id);
    for (const o of observations) expect(o.feed).toBe(feed.id);
    for (const want of entry.values ?? []) {
      const { breakdown = '', ...fields } = want;
      const found = observations.filter(
        (o) =>
          o.indicator === want.indicator &&
          o.breakdown === breakdown &&
          o.geo === want.geo &&
          o.period === want.period,
      );
      expect(found, JSON.stringify(want)).toHaveLength(1);
      expect(found[0]).toMatchObject(fields);
    }
  });
});

describe('a 50 MB file (made at test time, never committed)', () => {
  // Synthetic: one made-up figure per row, each under its own example.org source address.
  const header =
    'indicator,breakdown,geo,period,precision,value,qualifier,source_url,source_label,note\n';
  const rows: string[] = [header];
  let size = header.length;
  while (size < 50 * 1024 * 1024) {
    const i = rows.length - 1;
    const row = `mes_profiles_open,,REG-53,2024-01-15,day,${1_000_000 + i},=,https://example.org/synthetic/big-file/${i},synthetic test data,ligne ${i}\n`;
    rows.push(row);
    size += row.length;
  }
  const bytes = new TextEncoder().encode(rows.join(''));
  const count = rows.length - 1;
  const feed: FeedConfig = {
    id: 'corpus-synthetic-50mb',
    label: { fr: '50 MB', en: '50 MB' },
    format: 'tidy-csv',
    url: 'synthetic-50mb.csv',
  };

  it('is read whole, with the right values', () => {
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const { observations, report } = parseFeed(feed, bytes, { today });
    expect(report.rows).toBe(count);
    expect(observations[0]).toMatchObject({ value: 1_000_000, note: 'ligne 0' });
    expect(observations.at(-1)).toMatchObject({
      value: 1_000_000 + count - 1,
      sourceUrl: `https://example.org/synthetic/big-file/${count - 1}`,
    });
  }, 120_000);

  it('cut off mid-row (an interrupted download), is rejected at its last row', () => {
    const cut = bytes.subarray(0, bytes.length - 40);
    let error: unknown;
    try {
      parseFeed(feed, cut, { today });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).issues).toEqual([
      {
        feed: 'corpus-synthetic-50mb',
        row: count + 1,
        reason: expect.stringMatching(/^has \d+ fields, expected 10 \(the file looks truncated\)$/),
      },
    ]);
  }, 120_000);
});
