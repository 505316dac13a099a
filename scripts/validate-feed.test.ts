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
import { bytesToBase64, userFeedsExportText } from '../src/feeds/userFeedConfig';
import { chartCsv } from '../src/charts/chartCsv';
import { overviewCharts } from '../src/views/overview/overviewView';
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
  // A configuration exported from the Feeds page (synthetic): a CSV feed without its file, a
  // workbook feed with its file, a feed with an explicit mapping.
  const ars: FeedConfig = {
    id: 'user-ars',
    label: { fr: 'Export ARS', en: 'ARS export' },
    format: 'mapped-csv',
    url: 'https://example.org/synthetic/ars.csv',
    source: { label: 'Export ARS synthétique' },
    mapping: {
      values: [
        { column: 'Nombre de profils MES ouverts', indicator: 'mes_profiles_open' },
        { column: 'Nombre de profils MES activés', indicator: 'mes_profiles_activated' },
      ],
      geo: { column: 'Code région', kind: 'region' },
      period: { column: 'Mois' },
    },
  };
  const at = '2026-11-22T07:00:00.000Z';
  writeFileSync(
    join(dir, 'export.json'),
    userFeedsExportText(
      [
        { config: ars, addedAt: at },
        {
          config: { ...ars, id: 'user-ars-classeur', format: 'spreadsheet', url: 'classeur.xlsx' },
          addedAt: at,
          file: {
            name: 'classeur.xlsx',
            importedAt: at,
            base64: bytesToBase64(readFileSync(fixture('synthetic-ars-workbook.xlsx'))),
          },
        },
        {
          config: {
            id: 'user-multiline',
            label: { fr: 'Multiligne', en: 'Multiline' },
            format: 'mapped-csv',
            url: 'https://example.org/synthetic/multiline.csv',
            source: { label: 'Fichier synthétique' },
            mapping: {
              indicator: { value: 'insi_calls_per_month' },
              geo: { column: 'Code région', kind: 'region' },
              period: { column: 'Date' },
              value: { column: 'Valeur' },
              note: { column: 'Commentaire' },
            },
          },
          addedAt: at,
        },
      ],
      new Date(at),
    ),
  );
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('validate-feed', () => {
  it('prints a summary in French and exits 0 for a valid tidy file', async () => {
    const r = await run([fixture('real-rows-tidy-valid.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: valide \(format tidy-csv, flux « real-rows-tidy-valid.csv »\)/);
    expect(r.out).toMatch(/7 lignes lues, 0 ignorées/);
    expect(r.out).toMatch(/7 chiffres, 5 indicateur\(s\), 3 territoire\(s\)/);
    expect(r.out).toMatch(/périodes de 2021-09-15 à 2024-01-10/);
  });

  it('speaks English with --lang en', async () => {
    const r = await run([fixture('real-rows-tidy-valid.csv'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid as tidy-csv/);
    expect(r.out).toMatch(/7 observations, 5 indicator\(s\), 3 place\(s\)/);
    expect(r.out).toMatch(/periods 2021-09-15 to 2024-01-10/);
  });

  it('prints every problem with feed, line, column and reason, and exits 1', async () => {
    const r = await run([fixture('synthetic-tidy-several-errors.csv')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/NON VALIDE \(format tidy-csv/);
    expect(r.out).toMatch(
      /flux « synthetic-tidy-several-errors.csv », ligne 2, colonne « qualifier »\u00a0: « ≈ » n’est pas l’une des valeurs/,
    );
    expect(r.out).toMatch(/ligne 4, colonne « geo »\u00a0: est obligatoire mais vide/);
    const en = await run([fixture('synthetic-tidy-several-errors.csv'), '--lang', 'en']);
    expect(en.out).toMatch(/INVALID as tidy-csv/);
    expect(en.out).toMatch(
      /feed "synthetic-tidy-several-errors.csv", line 2, column "qualifier": "≈" is not one of/,
    );
  });

  it('reports a quoted cell spanning lines, then the true line of the error after it', async () => {
    const r = await run([fixture('synthetic-quoted-multiline-error.csv'), '--guess', '--json']);
    expect(r.code).toBe(1);
    // The guess finds no indicator for "Valeur": the mapping is incomplete, and says so.
    expect(JSON.parse(r.out)).toMatchObject({
      valid: false,
      issues: [{ code: 'mapping.noValue' }],
    });
    const mapped = await run([
      fixture('synthetic-quoted-multiline-error.csv'),
      '--config',
      join(dir, 'export.json'),
      '--feed',
      'user-multiline',
      '--json',
    ]);
    expect(JSON.parse(mapped.out).issues).toEqual([
      expect.objectContaining({ row: 7, column: 'Valeur', code: 'value.notANumber' }),
    ]);
  });

  it('validates against a registry feed’s format and mapping with --feed', async () => {
    const file = fixture('synthetic-mapped-semicolon-win1252.csv');
    const registry = ['--registry', join(dir, 'feeds.json')];
    expect((await run([file])).code).toBe(1); // not tidy
    const r = await run([file, '--feed', 'win1252-export', ...registry, '--lang', 'en']);
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
      observations: 0,
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
    expect((await run([file])).out).toMatch(/est du JSON, pas du CSV/);
  });

  it.each([
    [[], /a file or URL to validate is required/],
    [['a.csv', 'b.csv'], /one file or URL at a time/],
    [['a.csv', '--feed'], /--feed needs a value/],
    [['a.csv', '--verbose'], /unknown option "--verbose"/],
    [['a.csv', '--format', 'xlsx'], /--format must be one of/],
    [['a.csv', '--guess', '--config', 'x.json'], /--guess and --config cannot be used together/],
    [['a.csv', '--guess', '--format', 'mapped-csv'], /--format cannot be used with/],
    [['a.csv', '--header-row', '0'], /--header-row must be a row number/],
    [['a.csv', '--lang', 'de'], /--lang must be fr or en/],
    [['a.csv', '--source-url', 'http://example.org/x'], /--source-url: only https/],
    [[fixture('synthetic-ars-wide-win1252.csv'), '--config', '/nonexistent.json'], /cannot read/],
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

  it('--guess reads the ARS export with the guessed mapping and prints it', async () => {
    const r = await run([fixture('synthetic-ars-wide-win1252.csv'), '--guess']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Correspondance devinée :');
    expect(r.out).toContain(
      '« Nombre de profils MES ouverts » → mes_profiles_open (Profils Mon espace santé ouverts)',
    );
    expect(r.out).toContain('« Nombre de profils MES activés » → mes_profiles_activated');
    expect(r.out).toContain('geo ← « Code région » (region)');
    expect(r.out).toContain('period ← « Mois »');
    expect(r.out).toContain('216 lignes lues, 0 ignorées');
    expect(r.out).toContain('432 chiffres, 2 indicateur(s), 18 territoire(s)');
  });

  it('--guess --json reports observations, skipped rows with reasons and counts, indicators', async () => {
    const r = await run([
      fixture('synthetic-spf-codes-skipped.csv'),
      '--guess',
      '--json',
      '--source',
      'Fichier SPF synthétique',
    ]);
    expect(r.code, r.out).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      valid: true,
      format: 'mapped-csv',
      observations: 15,
      rowsRead: 17,
      rowsSkipped: 9,
      indicators: ['mes_profiles_activated', 'mes_profiles_open'],
      issues: [],
      source: { label: 'Fichier SPF synthétique' },
      mapping: { geo: { column: 'reg', kind: 'region' }, period: { column: 'mois' } },
    });
    expect(report.skipped.map((s: { value: string; count: number }) => [s.value, s.count])).toEqual(
      [
        ['07', 2],
        ['08', 2],
        ['977', 2],
        ['00', 2],
        ['', 2],
        ['', 1],
      ],
    );
    const human = await run([fixture('synthetic-spf-codes-skipped.csv'), '--guess']);
    expect(human.out).toContain('17 lignes lues, 9 ignorées');
    expect(human.out).toContain('reg (code inconnu)\u00a0: 07 (2), 08 (2), 00 (2)');
  });

  it('--json gives each issue its text in --lang', async () => {
    const r = await run([fixture('synthetic-tidy-negative-count.csv'), '--json', '--lang', 'fr']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).issues[0]).toMatchObject({
      code: 'value.negativeCount',
      reason: '-1500: a count cannot be negative',
      text: '-1\u202f500 : un effectif ne peut pas être négatif',
    });
  });

  it('reads a workbook, its sheet and header row detected or chosen', async () => {
    const book = fixture('synthetic-ars-workbook.xlsx');
    const r = await run([book, '--guess', '--json']);
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      format: 'spreadsheet',
      sheet: 'Profils MES',
      headerRow: 4,
      observations: 432,
    });
    const shifted = await run([
      fixture('synthetic-edge-cases.xlsx'),
      '--guess',
      '--sheet',
      'Décalée',
      '--header-row',
      '3',
      '--json',
    ]);
    // "Valeur" names no indicator: the guess leaves it to the user, and the report says so.
    expect(JSON.parse(shifted.out)).toMatchObject({
      valid: false,
      mapping: { geo: { column: 'Code région' }, value: { column: 'Valeur' } },
      issues: [{ code: 'mapping.noValue' }],
    });
    const missing = await run([book, '--sheet', 'Absente', '--json']);
    expect(JSON.parse(missing.out).issues[0]).toMatchObject({
      code: 'sheet.notFound',
      params: { sheet: 'Absente', sheets: 'Profils MES, Notes' },
    });
  });

  it('--config reads a feed of an exported configuration, its kept file when none is given', async () => {
    const config = join(dir, 'export.json');
    const r = await run(['--config', config, '--feed', 'user-ars-classeur', '--json']);
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ format: 'spreadsheet', observations: 432 });
    const csv = await run([
      fixture('synthetic-ars-wide-win1252.csv'),
      '--config',
      config,
      '--feed',
      'user-ars',
    ]);
    expect(csv.code, csv.out).toBe(0);
    expect(csv.out).toContain('432 chiffres');
    const several = await run([fixture('synthetic-ars-wide-win1252.csv'), '--config', config]);
    expect(several.code).toBe(2);
    expect(several.err).toMatch(
      /holds 3 feeds: choose one with --feed \(user-ars, user-ars-classeur, user-multiline\)/,
    );
    const none = await run(['--config', config, '--feed', 'user-ars']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/the feed keeps no file/);
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
    expect(out).toMatch(new RegExp(`\\b${points} chiffres\\b`));
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
    expect(good.stdout).toMatch(/119 chiffres/);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /ligne 4\u00a0: la dernière ligne a 4 champs au lieu de 10 : le fichier semble tronqué/,
    );
  }, 30_000);
});
