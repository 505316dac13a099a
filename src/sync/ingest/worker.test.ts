import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PulseDatabase } from '../../store/db';
import { isQuotaError } from '../../store/quota';
import { countObservations, loadObservations, loadSeries } from '../../store/repository';
import { FeedError, type FeedConfig, type FeedIssue } from '../../feeds/types';
import { checkFeed, ingestFeed, shouldUseWorker, WORKER_MIN_BYTES } from './client';
import { fromFailure, toFailure } from './failure';
import { runCheck } from './check';
import { runIngest } from './job';
import { MAX_ISSUES_SENT, type IngestProgress } from './protocol';

const embeddedCsv = new Uint8Array(
  readFileSync(resolve(import.meta.dirname, '../../../data/observations.csv')),
);
const feed: FeedConfig = {
  id: 'embedded',
  label: { fr: 'x', en: 'x' },
  format: 'tidy-csv',
  url: 'data/observations.csv',
};
const today = new Date('2026-11-22T10:00:00Z');
const meta = { fetchedAt: '2026-11-22T10:00:00.000Z', checksum: 'sha256:abc', etag: '"v1"' };

let db: PulseDatabase;
beforeEach(async () => {
  db = new PulseDatabase(`worker-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('runIngest (the job the worker runs)', () => {
  it('parses, validates and stores the embedded feed, reporting its phases', async () => {
    const progress: IngestProgress[] = [];
    const summary = await runIngest(db, { feed, bytes: embeddedCsv, today, meta }, (p) =>
      progress.push(p),
    );
    expect(summary).toMatchObject({ rows: 119, encoding: 'utf-8', delimiter: ',', warnings: 0 });
    expect(progress).toEqual([{ phase: 'parsing' }, { phase: 'storing', rows: 119 }]);
    expect(await countObservations(db)).toBe(119);
    expect(await db.feeds.get('embedded')).toMatchObject({ rows: 119, etag: '"v1"' });
    const open = await loadSeries(db, 'mes_profiles_open', 'FR');
    expect(open.find((o) => o.period === '2024-01-10')?.value).toBe(68_406_684);
  });

  it('stores nothing from an invalid feed and throws the validation error', async () => {
    await runIngest(db, { feed, bytes: embeddedCsv, today, meta });
    const before = await loadObservations(db);
    const bad = new TextEncoder().encode(
      new TextDecoder().decode(embeddedCsv).replace(',68406684,', ',beaucoup,'),
    );
    const error = await runIngest(db, { feed, bytes: bad, today, meta }).catch((e) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error.message).toMatch(/row \d+, column "value": "beaucoup" is not a number/);
    expect(await loadObservations(db)).toEqual(before);
  });
});

// A synthetic wide export (invented figures): one row outside the reference, one empty value.
const wideCsv = new TextEncoder().encode(
  [
    'Code région;Mois;Profils ouverts;Profils activés;Sexe',
    '53;janv. 2025;1000;400;Femmes',
    '07;janv. 2025;900;300;Femmes',
    '11;janv. 2025;2000;;25-34 ans',
  ].join('\n') + '\n',
);
const wideFeed: FeedConfig = {
  id: 'user-wide',
  label: { fr: 'Export', en: 'Export' },
  format: 'mapped-csv',
  url: 'synthetic-export.csv',
  source: { label: 'Export interne synthétique, 3 déc. 2026' },
  mapping: {
    values: [
      { column: 'Profils ouverts', indicator: 'mes_profiles_open' },
      { column: 'Profils activés', indicator: 'mes_profiles_activated' },
    ],
    geo: { column: 'Code région', kind: 'region' },
    period: { column: 'Mois' },
    breakdown: { column: 'Sexe' },
  },
};

describe('runCheck and runIngest with a user feed', () => {
  it('checks without storing: the report, a sample, the breakdown labels', async () => {
    const check = await runCheck({ feed: wideFeed, bytes: wideCsv, today });
    expect(check.report).toMatchObject({ rows: 3, rowsRead: 3, rowsSkipped: 1 });
    expect(check.report.skipped.map((s) => [s.reason, s.value, s.count])).toEqual([
      ['place.unknownCode', '07', 1],
      ['value.empty', '', 1],
    ]);
    expect(check.sample.map((o) => [o.geo, o.indicator, o.breakdown])).toEqual([
      ['REG-53', 'mes_profiles_open', 'femmes'],
      ['REG-53', 'mes_profiles_activated', 'femmes'],
      ['REG-11', 'mes_profiles_open', '25_34_ans'],
    ]);
    expect(check.breakdownLabels).toEqual({ femmes: 'Femmes', '25_34_ans': '25-34 ans' });
    expect(await countObservations(db)).toBe(0);
  });

  it('stores the user feed, its file and its data in one transaction, with the report', async () => {
    const summary = await runIngest(db, {
      feed: wideFeed,
      bytes: wideCsv,
      today,
      meta,
      userFeed: {
        id: wideFeed.id,
        config: wideFeed,
        addedAt: meta.fetchedAt,
        file: { name: 'synthetic-export.csv', importedAt: meta.fetchedAt },
      },
    });
    expect(summary.report).toMatchObject({ rowsRead: 3, rowsSkipped: 1 });
    const stored = await db.userFeeds.get('user-wide');
    expect(new Uint8Array(stored!.file!.bytes)).toEqual(wideCsv);
    expect(stored!.config.breakdownLabels).toEqual({ femmes: 'Femmes', '25_34_ans': '25-34 ans' });
    expect(await db.feeds.get('user-wide')).toMatchObject({
      rows: 3,
      rowsRead: 3,
      rowsSkipped: 1,
      skipped: summary.report.skipped,
    });
    const [snapshot] = await db.snapshots.where('feedId').equals('user-wide').toArray();
    expect(snapshot).toMatchObject({ rowsRead: 3, rowsSkipped: 1 });
    expect((await loadObservations(db)).map((o) => [o.sourceUrl, o.sourceLabel])).toEqual(
      Array(3).fill(['', 'Export interne synthétique, 3 déc. 2026']),
    );
  });

  it('checks on the page where no Worker exists, and throws what is wrong', async () => {
    const check = await checkFeed({ feed: wideFeed, bytes: wideCsv, today }, { worker: 'always' });
    expect(check).toMatchObject({ inWorker: false, report: { rows: 3 } });
    const bad = new TextEncoder().encode('Code région;Mois;Profils ouverts\n53;janv. 2025;abc\n');
    const error = await checkFeed({
      feed: {
        ...wideFeed,
        mapping: {
          ...wideFeed.mapping!,
          values: [wideFeed.mapping!.values![0]!],
          breakdown: undefined,
        },
      },
      bytes: bad,
      today,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error.issues[0]).toMatchObject({
      row: 2,
      column: 'Profils ouverts',
      code: 'value.notANumber',
    });
  });
});

describe('failures crossing back from the worker', () => {
  const issues: FeedIssue[] = Array.from({ length: MAX_ISSUES_SENT + 500 }, (_, i) => ({
    feed: 'f',
    row: i + 2,
    column: 'value',
    reason: 'is not a number',
  }));

  it('keep the full message and the first issues of a huge list, with the count', () => {
    const original = new FeedError(issues);
    const failure = toFailure(original);
    expect(failure.issues).toHaveLength(MAX_ISSUES_SENT);
    expect(failure.issueCount).toBe(issues.length);
    const rebuilt = fromFailure(structuredClone(failure));
    expect(rebuilt).toBeInstanceOf(FeedError);
    expect(rebuilt.message).toBe(original.message);
    expect(rebuilt.message).toContain(`and ${issues.length - 10} more problems`);
    expect((rebuilt as FeedError).issues[0]).toEqual(issues[0]);
  });

  it('turn any other error (a failed write) into an Error with its name and message', () => {
    const full = new DOMException('quota exceeded', 'QuotaExceededError');
    // Dexie wraps the browser's error: the name that matters is the inner one.
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: full,
    });
    const rebuilt = fromFailure(structuredClone(toFailure(wrapped)));
    expect(rebuilt).not.toBeInstanceOf(FeedError);
    expect(isQuotaError(rebuilt)).toBe(true);
    expect(rebuilt.message).toBe('Transaction aborted');
    const other = fromFailure(toFailure(new TypeError('boom')));
    expect(String(other)).toBe('TypeError: boom');
    expect(isQuotaError(other)).toBe(false);
  });
});

describe('ingestFeed', () => {
  it.each([
    [1_000, 'auto', true, false],
    [WORKER_MIN_BYTES, 'auto', true, true],
    [WORKER_MIN_BYTES, 'auto', false, false],
    [10, 'always', true, true],
    [WORKER_MIN_BYTES * 10, 'never', true, false],
    [10, 'always', false, false],
  ] as const)('%i bytes, mode %s, workers %s: worker %s', (bytes, mode, canRun, expected) => {
    expect(shouldUseWorker(bytes, mode, canRun)).toBe(expected);
  });

  it('parses on the page where no Worker exists (here, Node), even when asked for one', async () => {
    expect(typeof Worker).toBe('undefined');
    const summary = await ingestFeed(
      db,
      { feed, bytes: embeddedCsv, today, meta },
      { worker: 'always' },
    );
    expect(summary).toMatchObject({ rows: 119, inWorker: false });
    expect(await countObservations(db)).toBe(119);
  });
});
