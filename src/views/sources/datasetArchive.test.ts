// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFeed } from '../../../scripts/validate-feed';
import { syntheticObservation } from '../../../test/synthetic';
import { parseFeed } from '../../feeds/ingest';
import { embeddedFeed } from '../../feeds/registry';
import type { FeedConfig, Observation } from '../../feeds/types';
import { datasetArchive, datasetFileName, datasetFiles, type DatasetInput } from './datasetArchive';

const ROOT = resolve(import.meta.dirname, '../../..');
const now = new Date(2026, 11, 5, 10, 0);
const dir = mkdtempSync(join(tmpdir(), 'segur-pulse-dataset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The app's own embedded data, as the app holds it; and a user's feed of synthetic figures
// (made up, never published statistics; example.org sources).
const embedded = parseFeed(
  embeddedFeed,
  new Uint8Array(readFileSync(resolve(ROOT, 'data/observations.csv'))),
  {
    today: now,
  },
).observations;
const userFeed: FeedConfig = {
  id: 'user-synthetic-ars',
  label: { fr: 'Export synthétique ARS', en: 'Synthetic ARS export' },
  format: 'mapped-csv',
  url: 'https://example.org/synthetic/ars.csv',
};
const userFigures: Observation[] = [
  syntheticObservation({
    period: '2024-01',
    value: 1200,
    geo: 'REG-53',
    indicator: 'mes_profiles_open',
    feed: userFeed.id,
  }),
  syntheticObservation({
    period: '2024-02',
    value: 1300,
    geo: 'REG-53',
    indicator: 'mes_profiles_open',
    feed: userFeed.id,
    sourceLabel: 'ARS synthétique, "export" ; v2',
    note: 'virgule, guillemet " et\nretour à la ligne',
  }),
];
const input: DatasetInput = {
  observations: [...userFigures, ...embedded],
  feeds: [embeddedFeed, userFeed],
  registryIds: new Set([embeddedFeed.id]),
  lang: 'fr',
  now,
  appUrl: 'https://example.org/tableau/',
};

function unzipped(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(datasetArchive(input))).map(([path, bytes]) => [
      path,
      strFromU8(bytes),
    ]),
  );
}

describe('the dataset archive', () => {
  it('holds the README, the schema, the package and one CSV per feed, the user’s apart', () => {
    expect(Object.keys(unzipped()).sort()).toEqual([
      'README.md',
      'data/embedded.csv',
      'datapackage.json',
      'schema.json',
      'user-feeds/user-synthetic-ars.csv',
    ]);
    expect(datasetFileName(now)).toBe('segur-pulse-donnees-2026-12-05.zip');
  });

  it('gives every figure back, as the app reads it, feed by feed', () => {
    const files = unzipped();
    for (const [path, feed, expected] of [
      ['data/embedded.csv', embeddedFeed, embedded],
      ['user-feeds/user-synthetic-ars.csv', userFeed, userFigures],
    ] as const) {
      const back = parseFeed(
        { ...feed, format: 'tidy-csv', mapping: undefined },
        new TextEncoder().encode(files[path]),
        {
          today: now,
        },
      ).observations;
      const key = (o: Observation) =>
        JSON.stringify([
          o.indicator,
          o.breakdown,
          o.geo,
          o.period,
          o.precision,
          o.value,
          o.qualifier,
          o.sourceUrl,
          o.sourceLabel,
          o.note,
        ]);
      expect(back.map(key).sort(), path).toEqual(expected.map(key).sort());
    }
  });

  it('has CSV files that npm run validate-feed accepts', async () => {
    for (const [path, text] of Object.entries(unzipped()).filter(([p]) => p.endsWith('.csv'))) {
      const file = join(dir, path.replace('/', '-'));
      writeFileSync(file, text);
      const out: string[] = [];
      const code = await validateFeed(
        [file],
        { out: (l) => out.push(l), err: (l) => out.push(l) },
        { today: now },
      );
      expect(code, `${path}:\n${out.join('\n')}`).toBe(0);
    }
  });

  it('writes a source with a label and no address so that validate-feed reads it back', async () => {
    const labelOnly = {
      ...userFigures[0]!,
      sourceUrl: '',
      sourceLabel: 'Export du tableau de bord interne (synthétique)',
    };
    const csv = datasetFiles({ ...input, observations: [labelOnly] }).find((f) =>
      f.path.startsWith('user-feeds/'),
    )!;
    const file = join(dir, 'label-only.csv');
    writeFileSync(file, csv.text);
    const out: string[] = [];
    const code = await validateFeed(
      [file, '--json'],
      { out: (l) => out.push(l), err: (l) => out.push(l) },
      { today: now },
    );
    expect(code, out.join('\n')).toBe(0);
    const back = parseFeed(
      { ...userFeed, format: 'tidy-csv' },
      new TextEncoder().encode(csv.text),
      { today: now },
    );
    expect(back.observations).toEqual([labelOnly]);
  });

  it('ships the project’s Table Schema and a package that points each file to it', () => {
    const files = unzipped();
    expect(JSON.parse(files['schema.json']!)).toEqual(
      JSON.parse(readFileSync(resolve(ROOT, 'data/schema.json'), 'utf8')),
    );
    const pkg = JSON.parse(files['datapackage.json']!) as {
      resources: { path: string; schema: string; sources: { title: string; path?: string }[] }[];
    };
    expect(pkg.resources.map((r) => [r.path, r.schema])).toEqual([
      ['data/embedded.csv', 'schema.json'],
      ['user-feeds/user-synthetic-ars.csv', 'schema.json'],
    ]);
    expect(pkg.resources[1]!.sources).toEqual([
      { title: 'synthetic source', path: 'https://example.org/synthetic-source' },
    ]);
  });

  it('has a README with the licence, every source and how to cite', () => {
    const readme = unzipped()['README.md']!;
    expect(readme).toContain('# Ségur Pulse — jeu de données');
    expect(readme).toContain('Téléchargé le 5 déc. 2026 depuis https://example.org/tableau/.');
    expect(readme).toContain('## Licence');
    expect(readme).toContain('Licence Ouverte / Etalab');
    expect(readme).toContain('(licence MIT)');
    expect(readme).toContain(`\`data/embedded.csv\` — ${embeddedFeed.label.fr}`);
    expect(readme).toContain('`user-feeds/user-synthetic-ars.csv` — Export synthétique ARS');
    // Every source URL of the embedded data is listed.
    for (const url of new Set(embedded.map((o) => o.sourceUrl))) expect(readme).toContain(url);
    expect(readme).toMatch(
      /## Citer\n\nSégur Pulse, .* téléchargé le 5 déc\. 2026, https:\/\/example\.org\/tableau\//,
    );
  });

  it('lists a source that has a label and no address by its label', () => {
    const files = datasetFiles({
      ...input,
      observations: [
        { ...userFigures[0]!, sourceUrl: '', sourceLabel: 'Synthetic publisher, no address' },
      ],
      lang: 'en',
    });
    const readme = files.find((f) => f.path === 'README.md')!.text;
    expect(readme).toContain('- Synthetic publisher, no address — 1 figures');
    expect(readme).toContain('## How to cite');
  });
});
