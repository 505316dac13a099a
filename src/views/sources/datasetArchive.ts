/**
 * The whole dataset as one zip (Sources page): every figure the app holds, the registry's feeds
 * (the dashboard's own data, `data/<feed>.csv`) apart from the user's (`user-feeds/<feed>.csv`),
 * each as the project's tidy CSV, with its Table Schema (`schema.json`), a Frictionless Data
 * Package descriptor (`datapackage.json`) and a README (licence, sources, how to cite) in the
 * reader's language. Each CSV is what `npm run validate-feed` reads back. fflate makes the zip;
 * this module is loaded only when the archive is asked for.
 */
import { strToU8, zipSync } from 'fflate';
import schema from '../../../data/schema.json';
import { citedSources, localDay, sourceText } from '../../charts/citation';
import { tidyCsvText } from '../../feeds/tidy';
import type { FeedConfig } from '../../feeds/types';
import type { Observation } from '../../model/observation';
import { formatPeriod, type Lang } from '../../lib/format';
import '../../lib/messages/sources';
import { translate } from '../../lib/i18n.svelte';

export interface DatasetInput {
  observations: readonly Observation[];
  /** Every feed, the registry's and the user's. */
  feeds: readonly FeedConfig[];
  /** Ids of the registry's feeds (data/feeds.json): the dashboard's own data. */
  registryIds: ReadonlySet<string>;
  lang: Lang;
  now: Date;
  /** The app's address, for the README and the citation. */
  appUrl: string;
}

export interface DatasetFile {
  path: string;
  text: string;
}

const fileId = (id: string) =>
  id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'feed';

/** The primary key's order (data/schema.json): equal data, equal files. */
function byKey(a: Observation, b: Observation): number {
  return (
    a.indicator.localeCompare(b.indicator) ||
    a.breakdown.localeCompare(b.breakdown) ||
    a.geo.localeCompare(b.geo) ||
    a.period.localeCompare(b.period) ||
    a.sourceUrl.localeCompare(b.sourceUrl)
  );
}

interface Part {
  feed: FeedConfig;
  user: boolean;
  path: string;
  observations: Observation[];
}

function parts({ observations, feeds, registryIds }: DatasetInput): Part[] {
  const byFeed = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byFeed.get(o.feed) ?? [];
    list.push(o);
    byFeed.set(o.feed, list);
  }
  const known = new Map(feeds.map((f) => [f.id, f]));
  // Figures of a feed no longer configured keep a part of their own, named by their feed id.
  const ids = [...new Set([...feeds.map((f) => f.id), ...byFeed.keys()])];
  return ids.flatMap((id) => {
    const list = byFeed.get(id);
    if (!list?.length) return [];
    const user = !registryIds.has(id);
    const feed = known.get(id) ?? { id, label: { fr: id, en: id }, format: 'tidy-csv', url: '' };
    return [
      {
        feed,
        user,
        path: `${user ? 'user-feeds' : 'data'}/${fileId(id)}.csv`,
        observations: [...list].sort(byKey),
      },
    ];
  });
}

function readme(input: DatasetInput, all: Part[]): string {
  const { lang, now, appUrl } = input;
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, key, params);
  const date = formatPeriod(localDay(now), 'day', lang);
  const count = (list: Observation[]) => {
    const periods = [...list].sort((a, b) => a.period.localeCompare(b.period));
    const first = periods[0]!;
    const last = periods[periods.length - 1]!;
    return tr('sources.readmeCount', {
      count: list.length,
      from: formatPeriod(first.period, first.precision, lang),
      to: formatPeriod(last.period, last.precision, lang),
    });
  };
  // Each source once (by address, or label when it has none), with how many figures it gives.
  const bySource = new Map<string, { first: Observation; count: number }>();
  for (const o of all.flatMap((p) => p.observations)) {
    const key = o.sourceUrl || o.sourceLabel;
    const entry = bySource.get(key);
    if (entry) entry.count++;
    else bySource.set(key, { first: o, count: 1 });
  }
  const lines = [
    `# ${tr('sources.readmeTitle')}`,
    '',
    tr('sources.readmeMade', { date, url: appUrl }),
    '',
    tr('sources.readmeFormat'),
    '',
    `## ${tr('sources.readmeFiles')}`,
    '',
    ...all.map(
      (p) =>
        `- \`${p.path}\` — ${p.feed.label[lang]} (${tr(p.user ? 'sources.readmeUser' : 'sources.readmeEmbedded')}) : ${count(p.observations)}` +
        (p.feed.licence ? `. ${p.feed.licence}` : ''),
    ),
    '- `schema.json` — Table Schema',
    '- `datapackage.json` — Data Package',
    '',
    `## ${tr('sources.readmeLicence')}`,
    '',
    `- ${tr('sources.readmeLicenceEmbedded')}`,
    ...(all.some((p) => p.user) ? [`- ${tr('sources.readmeLicenceUser')}`] : []),
    `- ${tr('sources.readmeLicenceGeo')}`,
    '',
    `## ${tr('sources.readmeSources')}`,
    '',
    ...[...bySource.values()].flatMap(({ first, count: n }) =>
      citedSources([first], lang).map(
        (source) => `- ${sourceText(source)} — ${tr('sources.readmeSourceCount', { count: n })}`,
      ),
    ),
    '',
    `## ${tr('sources.readmeCite')}`,
    '',
    tr('sources.readmeCitation', { date, url: appUrl }),
    '',
  ];
  return lines.join('\n');
}

function dataPackage(input: DatasetInput, all: Part[]): string {
  return JSON.stringify(
    {
      $schema: 'https://specs.frictionlessdata.io/schemas/data-package.json',
      name: 'segur-pulse',
      title: translate(input.lang, 'sources.readmeTitle'),
      created: input.now.toISOString(),
      homepage: input.appUrl,
      resources: all.map((p) => ({
        name: fileId(p.feed.id),
        path: p.path,
        title: p.feed.label[input.lang],
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: 'schema.json',
        ...(p.feed.licence ? { licenses: [{ title: p.feed.licence }] } : {}),
        sources: citedSources(p.observations, input.lang).map((s) => ({
          title: s.label,
          ...(s.url ? { path: s.url } : {}),
        })),
      })),
    },
    null,
    2,
  );
}

/** The archive's files: README, schema, package descriptor, one tidy CSV per feed with figures. */
export function datasetFiles(input: DatasetInput): DatasetFile[] {
  const all = parts(input);
  return [
    { path: 'README.md', text: readme(input, all) },
    { path: 'schema.json', text: JSON.stringify(schema, null, 2) + '\n' },
    { path: 'datapackage.json', text: dataPackage(input, all) + '\n' },
    ...all.map((p) => ({ path: p.path, text: tidyCsvText(p.observations) })),
  ];
}

/** `segur-pulse-donnees-<YYYY-MM-DD>.zip` (the reader's day). */
export function datasetFileName(now: Date): string {
  return `segur-pulse-donnees-${localDay(now)}.zip`;
}

export function datasetArchive(input: DatasetInput): Uint8Array {
  const files = Object.fromEntries(
    datasetFiles(input).map((f) => [f.path, strToU8(f.text)] as const),
  );
  return zipSync(files, { level: 9, mtime: input.now });
}
