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
  'recorded-server.ts',
]);

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

const manifest = JSON.parse(readFileSync(resolve(DIR, 'expected.json'), 'utf8')) as {
  today: string;
  fixtures: Entry[];
};
const today = new Date('2026-11-22');

function feedFor(entry: Entry): FeedConfig {
  return {
    id: `corpus-${entry.file.replace(/\.csv$/, '')}`,
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
      .filter((f) => !NOT_FIXTURES.has(f))
      .sort();
    const entries = manifest.fixtures.map((e) => e.file).sort();
    expect(entries).toEqual(files);
    expect(new Set(entries).size).toBe(entries.length);
    expect(files.length).toBeGreaterThanOrEqual(20);
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
