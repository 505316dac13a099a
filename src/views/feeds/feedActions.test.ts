import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PulseDatabase } from '../../store/db';
import { loadObservations } from '../../store/repository';
import { listUserFeeds } from '../../store/userFeeds';
import { checkDraft, exportConfiguration, importConfiguration, saveDraft } from './feedActions';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { syntheticArsWideCsv, syntheticSpfCsv } from '../../../test/syntheticArs';
import { readFeed } from '../../feeds/ingest';
import { WORKER_MIN_BYTES } from '../../sync/ingest/client';
import { SAMPLE_SENT } from '../../sync/ingest/protocol';
import { FeedError } from '../../feeds/types';
import { readDraft, readDraftFile, type FeedDraft } from './feedDraft';
import { guessMapping } from '../../feeds/guessMapping';
import {
  defaultSourceLabel,
  draftConfig,
  stateFromMapping,
  type MappingState,
} from './mappingState';

// Synthetic files and feeds: made-up figures at example.org.
const SRC = 'https://example.org/synthetic/actions';
const now = new Date('2026-11-22T08:00:00Z');
const csv = new TextEncoder().encode(
  `Date;Code région;Valeur;Lien\n31/01/2024;53;1 000;${SRC}\n29/02/2024;84;2 000;${SRC}\n`,
);

/** The guessed mapping, completed as a user would: one indicator, the source column. */
function completed(draft: ReturnType<typeof readDraft>): MappingState {
  const state = stateFromMapping(guessMapping(draft.header, draft.rows).mapping, 'Fichier');
  return {
    ...state,
    indicator: { mode: 'value', column: '', value: 'mes_profiles_open' },
    source: { ...state.source, mode: 'column', urlColumn: 'Lien' },
  };
}

async function checkedDraft(url?: string) {
  const draft = readDraft(csv, 'synthetic.csv', url);
  const config = draftConfig(
    draft,
    url ? 'user-url' : 'user-file',
    'Synthétique',
    completed(draft),
  );
  const checked = await checkDraft(draft, config, now);
  if (!('result' in checked)) throw new Error(JSON.stringify(checked));
  return { draft, config, result: checked.result };
}

let db: PulseDatabase;
let other: PulseDatabase;
beforeEach(async () => {
  db = new PulseDatabase(`actions-${Math.random()}`);
  other = new PulseDatabase(`actions-other-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
  await other.delete();
});

describe('feed actions', () => {
  it('reports every problem of a bad draft, naming the feed', async () => {
    const draft = readDraft(new TextEncoder().encode('Date;Valeur\n2023-13;x\n'), 'bad.csv');
    const state = stateFromMapping(guessMapping(draft.header, draft.rows).mapping, 'Fichier');
    const config = draftConfig(draft, 'user-bad', 'bad', state);
    const checked = await checkDraft(draft, config);
    expect('issues' in checked && checked.issues.length).toBeGreaterThan(0);
    expect('issues' in checked && checked.issues.every((i) => i.feed === 'user-bad')).toBe(true);
  });

  it('saves an imported file with its data, and a URL feed with its validators', async () => {
    const file = await checkedDraft();
    await saveDraft(db, file.draft, file.config, now);
    const url = await checkedDraft('https://example.org/synthetic.csv');
    url.draft.validators = { etag: '"v1"' };
    await saveDraft(db, url.draft, url.config, now);
    const feeds = await listUserFeeds(db);
    expect(feeds.map((f) => [f.id, f.file?.name, f.config.url])).toEqual([
      ['user-file', 'synthetic.csv', 'synthetic.csv'],
      ['user-url', undefined, 'https://example.org/synthetic.csv'],
    ]);
    expect(await db.feeds.get('user-url')).toMatchObject({ etag: '"v1"', rows: 2 });
    expect((await loadObservations(db)).filter((o) => o.feed === 'user-file')).toHaveLength(2);
  });

  it('exports the configuration and imports it elsewhere, file data and URL feeds refetched', async () => {
    const file = await checkedDraft();
    await saveDraft(db, file.draft, file.config, now);
    const url = await checkedDraft('https://example.org/synthetic.csv');
    await saveDraft(db, url.draft, url.config, now);
    const text = await exportConfiguration(await listUserFeeds(db), now).text();

    const fetchImpl = vi.fn(async () => new Response(csv)) as unknown as typeof fetch;
    const outcome = await importConfiguration(other, text, now, fetchImpl);
    expect(outcome).toEqual({ imported: 2, failures: [] });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const observations = await loadObservations(other);
    expect(observations.map((o) => `${o.feed} ${o.geo} ${o.value}`).sort()).toEqual([
      'user-file REG-53 1000',
      'user-file REG-84 2000',
      'user-url REG-53 1000',
      'user-url REG-84 2000',
    ]);
  });

  it('keeps a URL feed whose fetch fails, without data, and says why', async () => {
    const url = await checkedDraft('https://example.org/synthetic.csv');
    await saveDraft(db, url.draft, url.config, now);
    const text = await exportConfiguration(await listUserFeeds(db), now).text();
    const fetchImpl = vi.fn(
      async () => new Response('gone', { status: 404, statusText: 'Not Found' }),
    ) as unknown as typeof fetch;
    const outcome = await importConfiguration(other, text, now, fetchImpl);
    expect(outcome).toMatchObject({
      imported: 1,
      failures: [
        {
          name: 'Synthétique',
          issues: [{ feed: 'user-url', reason: expect.stringMatching(/HTTP 404/) }],
        },
      ],
    });
    expect((await listUserFeeds(other)).map((f) => f.id)).toEqual(['user-url']);
    expect(await loadObservations(other)).toEqual([]);
  });

  it('imports nothing from an invalid configuration', async () => {
    const outcome = await importConfiguration(
      other,
      '{"kind":"segur-pulse-user-feeds","version":1,"feeds":[{}]}',
      now,
    );
    expect('errors' in outcome && outcome.errors.length).toBeGreaterThan(0);
    expect(await listUserFeeds(other)).toEqual([]);
  });
});

/** The config of a draft with the guessed mapping, only confirmed. */
function guessedConfig(draft: FeedDraft, id: string) {
  const state = stateFromMapping(
    guessMapping(draft.header, draft.rows).mapping,
    defaultSourceLabel(draft, now, 'fr'),
  );
  return draftConfig(draft, id, id, state);
}

describe('the guessed mapping, only confirmed', () => {
  it('reads the wide ARS export: 18 regions × 12 months × 2 indicators, source given once', async () => {
    const draft = readDraft(syntheticArsWideCsv(), 'synthetic-ars.csv');
    const checked = await checkDraft(draft, guessedConfig(draft, 'user-ars'));
    if (!('result' in checked)) throw new Error(JSON.stringify(checked));
    const { observations, report } = checked.result;
    expect(report).toMatchObject({ rowsRead: 216, rowsSkipped: 0, rows: 432 });
    expect(new Set(observations.map((o) => o.geo)).size).toBe(18);
    expect(new Set(observations.map((o) => o.period)).size).toBe(12);
    expect(observations[0]).toMatchObject({
      indicator: 'mes_profiles_open',
      geo: 'REG-01',
      period: '2025-01',
      precision: 'month',
      value: 101_000,
      sourceUrl: '',
      sourceLabel: 'Fichier synthetic-ars.csv, importé le 22 nov. 2026',
    });
  });

  it('checks a big file with the worker’s check (report and sample), and saves it whole', async () => {
    const bytes = syntheticArsWideCsv(26, 'données synthétiques');
    expect(bytes.byteLength).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const draft = readDraft(bytes, 'synthetic-ars-big.csv');
    const config = guessedConfig(draft, 'user-big');
    const checked = await checkDraft(draft, config, now);
    if (!('check' in checked)) throw new Error(JSON.stringify(checked));
    expect(checked.check.report).toMatchObject({ rowsRead: 5616, rows: 11_232 });
    expect(checked.check.sample).toHaveLength(SAMPLE_SENT);
    await saveDraft(db, draft, config, now);
    expect(await db.feeds.get('user-big')).toMatchObject({ rows: 11_232 });
    expect((await listUserFeeds(db)).map((f) => [f.id, f.file?.name])).toEqual([
      ['user-big', 'synthetic-ars-big.csv'],
    ]);
  });

  it('skips and reports the SPF-style rows outside the reference and empty values', async () => {
    const draft = readDraft(syntheticSpfCsv(), 'synthetic-spf.csv');
    const checked = await checkDraft(draft, guessedConfig(draft, 'user-spf'));
    if (!('result' in checked)) throw new Error(JSON.stringify(checked));
    expect(checked.result.report).toMatchObject({ rowsRead: 21, rowsSkipped: 9, rows: 12 });
    expect(
      checked.result.report.skipped.map((s) => [s.reason, s.value, s.count, s.firstLines[0]]),
    ).toEqual([
      ['place.overseasCollectivity', '977', 3, 6],
      ['place.unknownCode', '00', 3, 7],
      ['value.empty', '', 3, 8],
    ]);
  });

  it('reads the workbook’s sheet below its title rows, at its sheet lines', async () => {
    const bytes = new Uint8Array(
      readFileSync(
        resolve(import.meta.dirname, '../../../test/fixtures/feeds/synthetic-ars-workbook.xlsx'),
      ),
    );
    const draft = await readDraftFile(bytes, 'synthetic-ars-workbook.xlsx');
    const config = guessedConfig(draft, 'user-book');
    expect(config).toMatchObject({ format: 'spreadsheet', sheet: 'Profils MES', headerRow: 4 });
    const checked = await checkDraft(draft, config);
    if (!('result' in checked)) throw new Error(JSON.stringify(checked));
    expect(checked.result.report).toMatchObject({ rowsRead: 216, rows: 432, headerRow: 4 });
    expect(new Set(checked.result.observations.map((o) => o.geo)).size).toBe(18);
    // A header line past the sheet's end is refused, in the pipeline's words.
    const bad = await readFeed({ ...config, headerRow: 999 }, bytes).catch((e: unknown) => e);
    expect((bad as FeedError).issues[0]).toMatchObject({ code: 'sheet.headerRowOutside' });
  });
});
