/**
 * Builds the embedded default (data/observations.csv) from the compiled published figures in
 * ../shared/data/figures_published.csv and figures_published_2026-12.csv (same columns). Every
 * figure is kept; indicator names that encode a sector or an age group become a catalogue
 * indicator plus a breakdown.
 *
 *   npm run build-data [-- <compiled CSV> [<compiled CSV> …]]
 *
 * The output is validated with the app's own feed validation before it is written, together with
 * its entry in data/manifest.json (checksum, rows, date, source).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { parseFeed } from '../src/feeds/ingest';
import {
  MANIFEST_VERSION,
  dataFileOf,
  manifestText,
  sha256Hex,
  type Manifest,
  type ManifestEntry,
} from '../src/feeds/manifest';
import { tidyCsvText } from '../src/feeds/tidy';
import type { Observation, Precision, Qualifier } from '../src/feeds/types';
import { embeddedFeed } from '../src/feeds/registry';
import { readManifest, writeFilesAtomically } from './refresh-data';

const root = resolve(import.meta.dirname, '..');
/** The compilations the embedded default is built from, in this order. */
export const COMPILED_FILES = [
  '../shared/data/figures_published.csv',
  '../shared/data/figures_published_2026-12.csv',
] as const;
const inputs =
  process.argv.length > 2 ? process.argv.slice(2) : COMPILED_FILES.map((f) => resolve(root, f));
const output = resolve(root, 'data/observations.csv');
/** The manifest's `source` of the embedded feed: the compilations it is built from. */
export const SOURCE_NAME = COMPILED_FILES.join(' + ');

/** Compiled indicator name -> [catalogue indicator, breakdown]. Unlisted names map to themselves. */
const RENAMES: Record<string, [string, string]> = {
  mes_profiles_created: ['mes_profiles_open', ''],
  mes_activation_rate_age_25_69: ['mes_activation_rate', 'age_25_69'],
  dmp_docs_per_month_total: ['dmp_docs_sent_per_month', ''],
  dmp_feeding_share_etablissements: ['dmp_feeding_share', 'etablissements'],
  dmp_feeding_share_liberaux: ['dmp_feeding_share', 'liberaux'],
  dmp_feeding_share_radiologues: ['dmp_feeding_share', 'radiologues'],
  dmp_docs_sent_by_professionals_per_month: ['dmp_docs_sent_per_month', ''],
  dmp_docs_per_month_biologie: ['dmp_docs_sent_per_month', 'biologie'],
  dmp_docs_per_month_hopital: ['dmp_docs_sent_per_month', 'hopital'],
  dmp_docs_per_month_medecine_ville: ['dmp_docs_sent_per_month', 'medecine_ville'],
  dmp_docs_per_month_radiologie: ['dmp_docs_sent_per_month', 'radiologie'],
  dmp_docs_made_available_annualised: ['dmp_docs_annualised_rhythm', ''],
  dmp_docs_biologie_annualised: ['dmp_docs_annualised_rhythm', 'biologie'],
  dmp_docs_hopital_annualised: ['dmp_docs_annualised_rhythm', 'hopital'],
  dmp_docs_medecine_ville_annualised: ['dmp_docs_annualised_rhythm', 'medecine_ville'],
  dmp_docs_radiologie_annualised: ['dmp_docs_annualised_rhythm', 'radiologie'],
  dmp_docs_deposited_in_year: ['dmp_docs_sent_in_year', ''],
  dmp_docs_biologie_in_year: ['dmp_docs_sent_in_year', 'biologie'],
  dmp_docs_imagerie_in_year: ['dmp_docs_sent_in_year', 'imagerie'],
  dmp_docs_prescriptions_medicaments_in_year: [
    'dmp_docs_sent_in_year',
    'prescriptions_medicaments',
  ],
  dmp_docs_share_biologie: ['dmp_docs_share_of_month', 'biologie'],
  dmp_docs_share_hopital: ['dmp_docs_share_of_month', 'hopital'],
  dmp_docs_share_medecine_ville: ['dmp_docs_share_of_month', 'medecine_ville'],
  dmp_docs_share_pharmacie: ['dmp_docs_share_of_month', 'pharmacie'],
  dmp_docs_share_radiologie: ['dmp_docs_share_of_month', 'radiologie'],
  dmp_docs_deposited_last_12_months: ['dmp_docs_last_12_months', ''],
  dmp_docs_sent_last_12_months: ['dmp_docs_last_12_months', ''],
  dmp_docs_deposited_by_professionals_cumulative: ['dmp_docs_cumulative', ''],
  dmp_docs_deposited_cumulative: ['dmp_docs_cumulative', ''],
  insi_calls_h2_2021: ['insi_calls_in_half_year', ''],
};

interface CompiledRow {
  date: string;
  date_precision: string;
  indicator: string;
  value: string;
  unit: string;
  qualifier: string;
  scope: string;
  source_url: string;
  source_type: string;
  note: string;
}

export function compiledToObservations(csv: string): Observation[] {
  const parsed = Papa.parse<CompiledRow>(csv, { header: true, skipEmptyLines: 'greedy' });
  if (parsed.errors.length) {
    throw new Error(parsed.errors.map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`).join('\n'));
  }
  return parsed.data.map((r) => {
    const [indicator, breakdown] = RENAMES[r.indicator] ?? [r.indicator, ''];
    const renamed = indicator !== r.indicator ? `published as "${r.indicator}"` : '';
    return {
      indicator,
      breakdown,
      geo: r.scope,
      period: r.date,
      precision: r.date_precision as Precision,
      value: Number(r.value),
      qualifier: r.qualifier as Qualifier,
      sourceUrl: r.source_url,
      sourceLabel: r.source_type,
      note: [r.note, renamed].filter(Boolean).join(' — '),
      feed: embeddedFeed.id,
    };
  });
}

/** The manifest entry of the embedded feed, other feeds' entries kept as they are. */
export async function manifestWithEmbedded(
  previous: Manifest | null,
  csv: Uint8Array,
  rows: number,
  now: Date,
): Promise<Manifest> {
  const entry: ManifestEntry = {
    id: embeddedFeed.id,
    file: dataFileOf(embeddedFeed.url)!,
    sha256: await sha256Hex(csv),
    rows,
    fetchedAt: now.toISOString(),
    source: SOURCE_NAME,
  };
  const others = (previous?.feeds ?? []).filter((e) => e.id !== entry.id);
  return { version: MANIFEST_VERSION, generatedAt: now.toISOString(), feeds: [entry, ...others] };
}

async function main(): Promise<void> {
  const observations = inputs.flatMap((input) =>
    compiledToObservations(readFileSync(input, 'utf8')),
  );
  const csv = new TextEncoder().encode(tidyCsvText(observations));
  // The app's own validation: a file it would reject is never written.
  const result = parseFeed(embeddedFeed, csv);
  const manifestPath = resolve(root, 'data/manifest.json');
  const manifest = await manifestWithEmbedded(
    readManifest(manifestPath),
    csv,
    result.observations.length,
    new Date(),
  );
  writeFilesAtomically([
    { path: output, bytes: csv },
    { path: manifestPath, bytes: manifestText(manifest) },
  ]);
  console.log(`${result.observations.length} observations -> ${output}, manifest.json`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
