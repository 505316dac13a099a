/**
 * An exported user-feed configuration imported elsewhere gives the same observations (issue
 * 15): a workbook feed read with its guessed mapping, a CSV feed with a user-defined indicator
 * and a breakdown column, both with a source given once for the feed and no address. Through
 * the Feeds page's own actions (exportConfiguration, importConfiguration), store and pipeline.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { guessMapping } from '../../src/feeds/guessMapping';
import { readFeed } from '../../src/feeds/ingest';
import { readPreview } from '../../src/feeds/preview';
import type { ColumnMapping, FeedConfig } from '../../src/feeds/types';
import { PulseDatabase } from '../../src/store/db';
import { loadObservations } from '../../src/store/repository';
import { listUserFeeds, saveImportedFile } from '../../src/store/userFeeds';
import { exportConfiguration, importConfiguration } from '../../src/views/feeds/feedActions';

const DIR = resolve(import.meta.dirname, '../fixtures/feeds');
const today = new Date('2026-11-22T08:00:00Z');
const at = today.toISOString();

// Synthetic: invented figures for a user-defined indicator, by department and sex.
const ambassadorsCsv = new TextEncoder().encode(
  [
    'Code département;Mois;Sexe;Ambassadeurs formés',
    '29;janv. 2025;Femmes;12',
    '29;janv. 2025;Hommes;9',
    '35;févr. 2025;Femmes;14',
    'Non renseigné;févr. 2025;Femmes;3',
  ].join('\n') + '\n',
);

let source: PulseDatabase;
let target: PulseDatabase;
beforeEach(() => {
  source = new PulseDatabase(`roundtrip-source-${Math.random()}`);
  target = new PulseDatabase(`roundtrip-target-${Math.random()}`);
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

it('re-imports an exported configuration and gives the same observations', async () => {
  const workbook = new Uint8Array(readFileSync(resolve(DIR, 'synthetic-ars-workbook.xlsx')));
  const preview = await readPreview(workbook, 'export-ars.xlsx');
  const book: FeedConfig = {
    id: 'user-export-ars',
    label: { fr: 'Export ARS', en: 'ARS export' },
    format: 'spreadsheet',
    url: 'export-ars.xlsx',
    sheet: preview.sheet,
    headerRow: preview.headerRow,
    source: { label: 'Export du tableau de bord interne, 3 déc. 2026' },
    mapping: guessMapping(preview.header, preview.rows).mapping as ColumnMapping,
  };
  const ambassadors: FeedConfig = {
    id: 'user-ambassadeurs',
    label: { fr: 'Ambassadeurs', en: 'Ambassadors' },
    format: 'mapped-csv',
    url: 'ambassadeurs.csv',
    source: { label: 'Suivi des ambassadeurs (synthétique)' },
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
      values: [{ column: 'Ambassadeurs formés', indicator: 'user_ambassadeurs_formes' }],
      geo: { column: 'Code département', kind: 'departement' },
      period: { column: 'Mois' },
      breakdown: { column: 'Sexe' },
    },
  };
  for (const [config, bytes] of [
    [book, workbook],
    [ambassadors, ambassadorsCsv],
  ] as const) {
    const result = await readFeed(config, bytes, { today });
    await saveImportedFile(
      source,
      {
        id: config.id,
        config,
        addedAt: at,
        file: { name: config.url, bytes: bytes.slice().buffer, importedAt: at },
      },
      result,
      at,
    );
  }
  const before = await loadObservations(source);
  expect(before.filter((o) => o.feed === 'user-export-ars')).toHaveLength(432);
  expect(before.filter((o) => o.feed === 'user-ambassadeurs')).toHaveLength(3);

  const exported = await exportConfiguration(await listUserFeeds(source), today).text();
  const outcome = await importConfiguration(target, exported, today);
  expect(outcome).toEqual({ imported: 2, failures: [] });

  const sort = (list: typeof before) =>
    [...list].sort((a, b) =>
      [a.feed, a.indicator, a.breakdown, a.geo, a.period]
        .join('|')
        .localeCompare([b.feed, b.indicator, b.breakdown, b.geo, b.period].join('|')),
    );
  const after = await loadObservations(target);
  expect(sort(after)).toEqual(sort(before));
  // The source without an address, and the user's indicator and breakdown labels, came along.
  expect(after.find((o) => o.feed === 'user-ambassadeurs')).toMatchObject({
    indicator: 'user_ambassadeurs_formes',
    sourceUrl: '',
    sourceLabel: 'Suivi des ambassadeurs (synthétique)',
  });
  const feeds = await listUserFeeds(target);
  const bookFeed = feeds.find((f) => f.id === 'user-export-ars');
  const ambassadorsFeed = feeds.find((f) => f.id === 'user-ambassadeurs');
  expect(bookFeed!.config).toMatchObject({ sheet: 'Profils MES', headerRow: 4 });
  expect(ambassadorsFeed!.config.indicators).toEqual(ambassadors.indicators);
  expect(ambassadorsFeed!.config.breakdownLabels).toEqual({ femmes: 'Femmes', hommes: 'Hommes' });
  expect(await target.feeds.get('user-ambassadeurs')).toMatchObject({
    rowsRead: 4,
    rowsSkipped: 1,
    skipped: [
      {
        reason: 'place.notSpecified',
        column: 'Code département',
        value: 'Non renseigné',
        count: 1,
        firstLines: [5],
      },
    ],
  });
});
