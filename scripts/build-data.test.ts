import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../src/feeds/ingest';
import { embeddedFeed } from '../src/feeds/registry';
import { TIDY_COLUMNS, toTidyRow } from '../src/feeds/tidy';
import { compiledToObservations } from './build-data';

const compiledPath = resolve(import.meta.dirname, '../../shared/data/figures_published.csv');
const embeddedPath = resolve(import.meta.dirname, '../data/observations.csv');

describe.runIf(existsSync(compiledPath))('build-data on the compiled published figures', () => {
  const compiled = readFileSync(compiledPath, 'utf8');
  const observations = compiledToObservations(compiled);

  it('keeps every published figure', () => {
    const rows = Papa.parse(compiled, { header: true, skipEmptyLines: true }).data;
    expect(observations).toHaveLength(rows.length);
    expect(observations).toHaveLength(100);
  });

  it('turns sectors encoded in indicator names into a breakdown, and says so in the note', () => {
    const bio = observations.find(
      (o) => o.indicator === 'dmp_docs_sent_per_month' && o.breakdown === 'biologie',
    );
    expect(bio).toMatchObject({ period: '2023-08', value: 6_000_000, qualifier: '>' });
    expect(bio?.note).toContain('published as "dmp_docs_per_month_biologie"');
  });

  it('keeps values, qualifiers, places and sources as published', () => {
    const bfc = observations.find(
      (o) =>
        o.indicator === 'mes_activation_rate' && o.geo === 'REG-27' && o.period === '2023-12-20',
    );
    expect(bfc).toMatchObject({ value: 15, qualifier: '=', precision: 'day' });
    expect(bfc?.sourceUrl).toMatch(/^https:\/\/www\.info-chalon\.com\//);
  });

  it('the committed data/observations.csv is what the script produces', () => {
    const expected =
      Papa.unparse(
        { fields: [...TIDY_COLUMNS], data: observations.map(toTidyRow) },
        { newline: '\n' },
      ) + '\n';
    expect(readFileSync(embeddedPath, 'utf8')).toBe(expected);
  });
});

describe('the embedded default', () => {
  it('passes the app’s own validation with no warnings', () => {
    const { observations, report } = parseFeed(embeddedFeed, readFileSync(embeddedPath), {
      today: new Date('2026-11-22'),
    });
    expect(observations).toHaveLength(100);
    expect(report.warnings).toEqual([]);
    expect(observations.every((o) => /^https?:\/\//.test(o.sourceUrl))).toBe(true);
  });
});
