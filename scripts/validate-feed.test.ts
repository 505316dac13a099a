// @vitest-environment node
/** scripts/validate-feed on fixture files and on recorded feeds served from 127.0.0.1. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../src/feeds/ingest';
import { embeddedFeed } from '../src/feeds/registry';
import type { FeedConfig } from '../src/feeds/types';
import { chartCsv } from '../src/lib/download';
import { overviewCharts } from '../src/views/overview/overviewModel';
import { startRecordedServer, type RecordedServer } from '../test/fixtures/feeds/recorded-server';
import type { ScriptIO } from './refresh-data';
import { validateFeed } from './validate-feed';

const ROOT = resolve(import.meta.dirname, '..');
const fixture = (name: string) => resolve(ROOT, 'test/fixtures/feeds', name);
const today = new Date('2026-11-22');
const SRC = 'https://example.org/synthetic/validate-feed-test';

function captureIO(): ScriptIO & { text: () => string; errText: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    text: () => out.join('\n'),
    errText: () => err.join('\n'),
  };
}

async function run(argv: string[]) {
  const io = captureIO();
  const code = await validateFeed(argv, io, { today });
  return { code, out: io.text(), err: io.errText() };
}

let server: RecordedServer;
let dir: string;
const tabularRows = [
  { __id: 1, code_region: '53', mois: '2024-01', profils: 100 },
  ...Array.from({ length: 60 }, (_, i) => ({
    __id: i + 2,
    code_region: '84',
    mois: `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    profils: 200 + i,
  })),
];

beforeAll(async () => {
  server = await startRecordedServer({
    '/feed.csv': { body: readFileSync(fixture('real-rows-tidy-valid.csv')) },
    '/api/data/': { tabularRows },
  });
  dir = mkdtempSync(join(tmpdir(), 'segur-pulse-validate-'));
  const registry: { feeds: FeedConfig[] } = {
    feeds: [
      {
        id: 'win1252-export',
        label: { fr: 'w', en: 'w' },
        format: 'mapped-csv',
        url: 'data/x.csv',
        mapping: {
          indicator: { column: 'Indicateur' },
          geo: { column: 'Code région', prefix: 'REG-' },
          period: { column: 'Date de publication' },
          value: { column: 'Valeur' },
          qualifier: { column: 'Qualificatif' },
          sourceUrl: { value: SRC },
        },
      },
      {
        id: 'tabular',
        label: { fr: 't', en: 't' },
        format: 'tidy-csv',
        url: 'data/tabular.csv',
        upstream: {
          url: server.url('/api/data/'),
          format: 'datagouv-tabular',
          mapping: {
            indicator: { value: 'mes_profiles_open' },
            geo: { column: 'code_region', prefix: 'REG-' },
            period: { column: 'mois' },
            value: { column: 'profils' },
            sourceUrl: { value: SRC },
          },
        },
      },
    ],
  };
  writeFileSync(join(dir, 'feeds.json'), JSON.stringify(registry));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('validate-feed', () => {
  it('prints a summary and exits 0 for a valid tidy file', async () => {
    const r = await run([fixture('real-rows-tidy-valid.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid as tidy-csv/);
    expect(r.out).toMatch(/7 observations, 5 indicator\(s\), 3 place\(s\)/);
    expect(r.out).toMatch(/periods 2021-09-15 to 2024-01-10/);
  });

  it('prints every problem with feed, row, column and reason, and exits 1', async () => {
    const r = await run([fixture('synthetic-tidy-several-errors.csv')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/INVALID as tidy-csv/);
    expect(r.out).toMatch(
      /feed "synthetic-tidy-several-errors.csv", row 2, column "qualifier": "≈" is not one of/,
    );
    expect(r.out).toMatch(/row 4, column "geo": is required but empty/);
  });

  it('validates against a registry feed’s format and mapping with --feed', async () => {
    const file = fixture('synthetic-mapped-semicolon-win1252.csv');
    const registry = ['--registry', join(dir, 'feeds.json')];
    expect((await run([file])).code).toBe(1); // not tidy
    const r = await run([file, '--feed', 'win1252-export', ...registry]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/valid as mapped-csv \(feed "win1252-export"\)/);
    expect(r.out).toMatch(/encoding windows-1252, delimiter ";"/);
  });

  it('fetches a URL, following the tabular API’s pages, with the upstream’s format', async () => {
    const r = await run([
      server.url('/api/data/'),
      '--feed',
      'tabular',
      '--registry',
      join(dir, 'feeds.json'),
      '--json',
    ]);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    expect(r.code, r.out).toBe(0);
    expect(report).toMatchObject({
      valid: true,
      feed: 'tabular',
      format: 'datagouv-tabular',
      rows: 61,
    });
    expect(server.requests.filter((p) => p.startsWith('/api/'))).toHaveLength(2);
  });

  it('reports an unreachable URL as invalid, in JSON', async () => {
    const r = await run([server.url('/missing.csv'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({
      valid: false,
      feed: 'missing.csv',
      issues: [{ feed: 'missing.csv', reason: expect.stringMatching(/HTTP 404/) }],
    });
  });

  it('reads a tidy CSV URL', async () => {
    expect((await run([server.url('/feed.csv')])).code).toBe(0);
  });

  it('reads a JSON file with --format json-array', async () => {
    const file = join(dir, 'synthetic.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          indicator: 'mes_profiles_open',
          geo: 'FR',
          period: '2024-01',
          precision: 'month',
          value: 1,
          qualifier: '=',
          source_url: SRC,
        },
      ]),
    );
    expect((await run([file, '--format', 'json-array'])).code).toBe(0);
    expect((await run([file])).out).toMatch(/is JSON, not CSV/);
  });

  it.each([
    [[], /a file or URL to validate is required/],
    [['a.csv', 'b.csv'], /one file or URL at a time/],
    [['a.csv', '--feed'], /--feed needs a value/],
    [['a.csv', '--verbose'], /unknown option "--verbose"/],
    [['a.csv', '--format', 'xlsx'], /--format must be one of/],
    [
      [fixture('real-rows-tidy-valid.csv'), '--feed', 'nope'],
      /no feed "nope" in .*feeds.json \(embedded\)/,
    ],
    [['/nonexistent/file.csv'], /cannot read \/nonexistent\/file.csv/],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('accepts a chart’s CSV download as it is (the export reads back into the app)', async () => {
    const { observations } = parseFeed(
      embeddedFeed,
      readFileSync(resolve(ROOT, 'data/observations.csv')),
      { today },
    );
    const chart = overviewCharts(observations, 'fr').find((c) => c.id === 'mes-profiles')!;
    const file = join(dir, 'segur-pulse-mes-profiles.csv');
    writeFileSync(file, chartCsv(chart, 'fr'));
    const { code, out } = await run([file]);
    expect(code, out).toBe(0);
    const points = chart.series.reduce((n, s) => n + s.points.length, 0);
    expect(out).toMatch(new RegExp(`\\b${points} observations\\b`));
  });

  it('runs as `npm run validate-feed` (tsx) with exit codes 0 and 1', async () => {
    const exec = (file: string) =>
      promisify(execFile)(
        process.execPath,
        [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/validate-feed.ts', file],
        { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
      ).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    const [good, bad] = await Promise.all([
      exec('data/observations.csv'),
      exec('test/fixtures/feeds/synthetic-tidy-truncated.csv'),
    ]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/119 observations/);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/row 4: has 4 fields, expected 10 \(the file looks truncated\)/);
  }, 30_000);
});
