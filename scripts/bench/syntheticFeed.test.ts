import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/ingest';
import type { FeedConfig } from '../../src/feeds/types';
import {
  SYNTHETIC_GEOS,
  SYNTHETIC_SOURCE_URL,
  SYNTHETIC_WIDE_FEED,
  SYNTHETIC_WIDE_SOURCE,
  syntheticTidyCsv,
  syntheticWideCsv,
} from './syntheticFeed';

const feed: FeedConfig = {
  id: 'synthetic-bench',
  label: { fr: 'synthétique', en: 'synthetic' },
  format: 'tidy-csv',
  url: 'synthetic.csv',
};

describe('syntheticTidyCsv', () => {
  it('gives exactly the rows asked for, every one accepted by the app validation', () => {
    const csv = syntheticTidyCsv(3_001);
    const { observations, report } = parseFeed(feed, new TextEncoder().encode(csv), {
      today: new Date('2026-11-22'),
    });
    expect(observations).toHaveLength(3_001);
    expect(report.warnings).toEqual([]);
    expect(new Set(observations.map((o) => o.geo)).size).toBe(SYNTHETIC_GEOS.length);
  });

  it('labels every row synthetic', () => {
    const rows = syntheticTidyCsv(500).trim().split('\n').slice(1);
    expect(rows.every((r) => r.includes(SYNTHETIC_SOURCE_URL) && r.endsWith(',synthetic'))).toBe(
      true,
    );
  });
});

describe('syntheticWideCsv', () => {
  it('gives the rows asked for, two figures each, all accepted through its feed mapping', () => {
    const csv = syntheticWideCsv(1_001);
    const { observations, report } = parseFeed(SYNTHETIC_WIDE_FEED, new TextEncoder().encode(csv), {
      today: new Date('2026-11-22'),
    });
    expect(report).toMatchObject({ rowsRead: 1_001, rowsSkipped: 0, rows: 2_002, warnings: [] });
    expect(observations[0]).toMatchObject({
      geo: 'DEP-01',
      period: '2020-01-01',
      value: 10_000,
      sourceUrl: '',
      sourceLabel: SYNTHETIC_WIDE_SOURCE,
    });
    expect(new Set(observations.map((o) => o.geo)).size).toBe(101);
  });
});
