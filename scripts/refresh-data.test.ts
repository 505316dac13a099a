// @vitest-environment node
/**
 * scripts/refresh-data against recorded feeds served from 127.0.0.1, in a temporary data dir
 * with its own registry: success rewrites the files and the manifest; every failure leaves
 * every file byte-identical and exits non-zero.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../src/feeds/ingest';
import { manifestProblem, type Manifest } from '../src/feeds/manifest';
import { regions } from '../src/model/geography';
import type { FeedConfig } from '../src/feeds/types';
import { startRecordedServer, type RecordedServer } from '../test/fixtures/feeds/recorded-server';
import { refreshData, type ScriptIO } from './refresh-data';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(ROOT, 'test/fixtures/feeds');
const NOW = new Date('2026-11-22T06:00:00Z');
const SRC = 'https://example.org/synthetic/refresh-data-test';

/** 18 regions x 7 months of made-up counts: 126 rows, three tabular API pages. */
const tabularRows = regions.flatMap((r, i) =>
  ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07'].map((mois, m) => ({
    __id: i * 7 + m + 1,
    code_region: r.code,
    mois,
    profils_ouverts: 100000 + i * 1000 + m,
  })),
);

const mappedWin1252 = readFileSync(join(FIXTURES, 'synthetic-mapped-semicolon-win1252.csv'));
const truncatedMapped = Buffer.from(
  'Indicateur;Code région;Date de publication;Valeur\r\nmes_profiles_open;53;15/03/2024;3 012 345\r\nmes_profiles_open;84;15/03',
);

let server: RecordedServer;
let dir: string;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function registry(): { feeds: FeedConfig[] } {
  return {
    feeds: [
      {
        id: 'embedded',
        label: { fr: 'e', en: 'e' },
        format: 'tidy-csv',
        url: 'data/observations.csv',
      },
      {
        id: 'ars-export',
        label: { fr: 'a', en: 'a' },
        format: 'tidy-csv',
        url: 'data/ars-export.csv',
        upstream: {
          url: server.url('/exports/ars.csv'),
          format: 'mapped-csv',
          mapping: {
            indicator: { column: 'Indicateur' },
            geo: { column: 'Code région', prefix: 'REG-' },
            period: { column: 'Date de publication' },
            value: { column: 'Valeur' },
            qualifier: { column: 'Qualificatif' },
            sourceUrl: { value: SRC },
            sourceLabel: { column: 'Émetteur' },
          },
        },
      },
      {
        id: 'tabular',
        label: { fr: 't', en: 't' },
        format: 'tidy-csv',
        url: 'data/tabular.csv',
        upstream: {
          url: server.url('/api/resources/synthetic/data/?page=1&page_size=50'),
          format: 'datagouv-tabular',
          mapping: {
            indicator: { value: 'mes_profiles_open' },
            geo: { column: 'code_region', prefix: 'REG-' },
            period: { column: 'mois' },
            value: { column: 'profils_ouverts' },
            sourceUrl: { value: SRC },
          },
        },
      },
    ],
  };
}

function quietIO(): ScriptIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

/** Every file in the data dir, name -> bytes. */
function snapshot(): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n))]));
}

const run = (io = quietIO()) =>
  refreshData(['--data-dir', dir, '--registry', join(dir, 'feeds.json')], io, {
    now: () => NOW,
  }).then((code) => ({ code, io }));

beforeAll(async () => {
  server = await startRecordedServer({});
});
afterAll(() => server.close());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'segur-pulse-refresh-'));
  copyFileSync(resolve(ROOT, 'data/observations.csv'), join(dir, 'observations.csv'));
  server.routes.clear();
  server.routes.set('/exports/ars.csv', { body: mappedWin1252 });
  server.routes.set('/api/resources/synthetic/data/', { tabularRows });
  writeFileSync(join(dir, 'feeds.json'), JSON.stringify(registry(), null, 2));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('refresh-data', () => {
  it('fetches every upstream, writes one tidy CSV per feed and the manifest', async () => {
    const { code, io } = await run();
    expect(code, io.errors.join('\n')).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'ars-export.csv',
      'feeds.json',
      'manifest.json',
      'observations.csv',
      'tabular.csv',
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifestProblem(manifest)).toBeNull();
    expect(manifest.generatedAt).toBe(NOW.toISOString());
    expect(manifest.feeds.map((f) => [f.id, f.file, f.rows])).toEqual([
      ['embedded', 'observations.csv', 119],
      ['ars-export', 'ars-export.csv', 6],
      ['tabular', 'tabular.csv', 126],
    ]);
    for (const entry of manifest.feeds) {
      expect(entry.sha256, entry.file).toBe(sha(readFileSync(join(dir, entry.file))));
    }
    expect(manifest.feeds[2]!.source).toBe(registry().feeds[2]!.upstream!.url);
    expect(manifest.feeds[2]!.fetchedAt).toBe(NOW.toISOString());
    // The tabular API was read page by page: 126 rows at 50 a page.
    expect(server.requests.filter((r) => r.startsWith('/api/'))).toHaveLength(3);

    // The written files are tidy CSV the app reads back with the same values.
    const tidy: FeedConfig = { id: 'x', label: { fr: '', en: '' }, format: 'tidy-csv', url: '' };
    const ars = parseFeed(tidy, readFileSync(join(dir, 'ars-export.csv')), { today: NOW });
    expect(ars.observations.find((o) => o.geo === 'REG-11')).toMatchObject({
      indicator: 'mes_activation_rate',
      value: 12.5,
      qualifier: '~',
      sourceLabel: 'Agence régionale de santé',
    });
    const tab = parseFeed(tidy, readFileSync(join(dir, 'tabular.csv')), { today: NOW });
    expect(tab.observations.find((o) => o.geo === 'REG-53' && o.period === '2024-07')).toBeTruthy();
    // The embedded file, which has no upstream, is untouched.
    expect(readFileSync(join(dir, 'observations.csv'))).toEqual(
      readFileSync(resolve(ROOT, 'data/observations.csv')),
    );
  });

  it.each<[string, () => void, RegExp]>([
    [
      'an upstream answering 404',
      () => server.routes.delete('/exports/ars.csv'),
      /feed "ars-export": could not be fetched from .*HTTP 404/,
    ],
    [
      'an invalid (truncated) CSV',
      () => server.routes.set('/exports/ars.csv', { body: truncatedMapped }),
      /feed "ars-export", row 3: has 3 fields, expected 4 \(the file looks truncated\)/,
    ],
    [
      'a tabular API whose pages loop',
      () => server.routes.set('/api/resources/synthetic/data/', { tabularRows, loopAfterPage: 2 }),
      /feed "tabular": tabular API page 2 links back to a page already read/,
    ],
    [
      'an HTML error page served with status 200',
      () =>
        server.routes.set('/exports/ars.csv', {
          body: '<!DOCTYPE html><html><body>Maintenance</body></html>',
        }),
      /feed "ars-export": the file is an HTML or XML page/,
    ],
  ])('changes no file on %s, prints the report and exits 1', async (_name, breakIt, report) => {
    // A previous good run left files in place.
    expect((await run()).code).toBe(0);
    const before = snapshot();
    breakIt();
    const { code, io } = await run();
    expect(code).toBe(1);
    expect(io.errors.join('\n')).toMatch(/no file was changed/);
    expect(io.errors.join('\n')).toMatch(report);
    const after = snapshot();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name), name).toEqual(bytes);
  });

  it('with no upstream in the registry, regenerates the manifest only', async () => {
    const real = JSON.parse(readFileSync(resolve(ROOT, 'data/feeds.json'), 'utf8')) as {
      feeds: FeedConfig[];
    };
    expect(real.feeds.some((f) => f.upstream)).toBe(false);
    copyFileSync(resolve(ROOT, 'data/feeds.json'), join(dir, 'feeds.json'));
    const { code } = await run();
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['feeds.json', 'manifest.json', 'observations.csv']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.feeds).toEqual([
      expect.objectContaining({
        id: 'embedded',
        file: 'observations.csv',
        rows: 119,
        sha256: sha(readFileSync(join(dir, 'observations.csv'))),
      }),
    ]);
  });

  it('rejects unknown arguments with exit 2', async () => {
    const io = quietIO();
    expect(await refreshData(['--bogus'], io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(/unknown argument "--bogus"\nusage:/);
  });

  it('runs as `npm run refresh-data` (tsx) with the exit code of a failure', async () => {
    server.routes.delete('/exports/ars.csv');
    const before = snapshot();
    // Asynchronous: the recorded server lives in this process and must keep answering.
    const result = await promisify(execFile)(
      process.execPath,
      [
        resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'scripts/refresh-data.ts',
        '--data-dir',
        dir,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/feed "ars-export": could not be fetched/);
    expect(snapshot()).toEqual(before);
  }, 30_000);
});

describe('the committed data/manifest.json', () => {
  it('describes data/observations.csv exactly', () => {
    const manifest = JSON.parse(
      readFileSync(resolve(ROOT, 'data/manifest.json'), 'utf8'),
    ) as Manifest;
    expect(manifestProblem(manifest)).toBeNull();
    const embedded = manifest.feeds.find((f) => f.id === 'embedded');
    expect(embedded).toMatchObject({ file: 'observations.csv', rows: 119 });
    expect(embedded!.sha256).toBe(sha(readFileSync(resolve(ROOT, 'data/observations.csv'))));
  });
});
