import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../src/feeds/ingest';
import { embeddedFeed } from '../src/feeds/registry';
import { TIDY_COLUMNS, toTidyRow } from '../src/feeds/tidy';
import {
  COMPILED_FILES,
  SOURCE_NAME,
  compiledToObservations,
  manifestWithEmbedded,
} from './build-data';
import { manifestProblem } from '../src/feeds/manifest';

const compiledPaths = COMPILED_FILES.map((f) => resolve(import.meta.dirname, '..', f));
const embeddedPath = resolve(import.meta.dirname, '../data/observations.csv');

describe.runIf(compiledPaths.every((p) => existsSync(p)))(
  'build-data on the compiled published figures',
  () => {
    const compiled = compiledPaths.map((p) => readFileSync(p, 'utf8'));
    const observations = compiled.flatMap((csv) => compiledToObservations(csv));

    it('keeps every published figure of both compilations', () => {
      const rows = compiled.map(
        (csv) => Papa.parse(csv, { header: true, skipEmptyLines: true }).data.length,
      );
      expect(rows).toEqual([100, 19]);
      expect(observations).toHaveLength(119);
    });

    it('reads the figures of December 2026: Nouvelle-Aquitaine, its rank and its departments', () => {
      const at = (indicator: string, geo: string, breakdown = '') =>
        observations.filter(
          (o) => o.indicator === indicator && o.geo === geo && o.breakdown === breakdown,
        );
      expect(at('mes_activation_rate', 'REG-75')).toMatchObject([
        { period: '2026-01', value: 37.2 },
      ]);
      expect(at('mes_activation_rank_national', 'REG-75')).toMatchObject([{ value: 2 }]);
      expect(at('mes_activation_rate', 'DEP-40')).toMatchObject([{ value: 41.7 }]);
      expect(at('dmp_feeding_share', 'REG-75', 'liberaux')).toMatchObject([{ value: 68.5 }]);
      expect(at('mes_people_sensitised', 'REG-11')).toMatchObject([
        { value: 66_000, qualifier: '~' },
      ]);
      expect(at('mes_activation_rate', 'FR').map((o) => [o.period, o.value])).toContainEqual([
        '2026-01',
        33.6,
      ]);
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
  },
);

describe('the embedded default', () => {
  it('passes the app’s own validation with no warnings', () => {
    const { observations, report } = parseFeed(embeddedFeed, readFileSync(embeddedPath), {
      today: new Date('2026-12-05'),
    });
    expect(observations).toHaveLength(119);
    expect(report.warnings).toEqual([]);
    expect(observations.every((o) => /^https?:\/\//.test(o.sourceUrl))).toBe(true);
  });
});

describe('the manifest entry build-data writes', () => {
  const csv = new TextEncoder().encode('abc');
  const now = new Date('2026-11-22T07:00:00Z');

  it('describes the embedded file and keeps other feeds’ entries', async () => {
    const other = {
      id: 'other',
      file: 'other.csv',
      sha256: 'f'.repeat(64),
      rows: 3,
      fetchedAt: '2026-01-01T00:00:00.000Z',
      source: 'https://example.org/synthetic/other.csv',
    };
    const previous = {
      version: 1 as const,
      generatedAt: '2026-01-01T00:00:00.000Z',
      feeds: [{ ...other, id: 'embedded', file: 'observations.csv' }, other],
    };
    const manifest = await manifestWithEmbedded(previous, csv, 1, now);
    expect(manifestProblem(manifest)).toBeNull();
    expect(manifest).toEqual({
      version: 1,
      generatedAt: now.toISOString(),
      feeds: [
        {
          id: 'embedded',
          file: 'observations.csv',
          // SHA-256 of "abc"
          sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
          rows: 1,
          fetchedAt: now.toISOString(),
          source: SOURCE_NAME,
        },
        other,
      ],
    });
  });
});
