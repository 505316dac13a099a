/**
 * SYNTHETIC feeds for the benchmark: made-up values on real place codes, labelled as such (the
 * tidy feed in every row: source_label, note, an example.org source URL; the wide export by its
 * feed's source label). Generated in memory by the bench, never written into data/ or public/,
 * never app data.
 */
import { departements, regions } from '../../src/model/geography';
import { TIDY_COLUMNS } from '../../src/feeds/tidy';
import type { FeedConfig } from '../../src/feeds/types';

export const SYNTHETIC_SOURCE_URL = 'https://example.org/synthetic-benchmark';
const LABEL = 'synthetic benchmark data (not published figures)';

/** Every place code the validation accepts on its own: FR, the regions, the departments. */
export const SYNTHETIC_GEOS: string[] = [
  'FR',
  ...regions.map((r) => `REG-${r.code}`),
  ...departements.map((d) => `DEP-${d.code}`),
];

/** Two indicators, so that the activated <= open check across rows runs on every pair. */
export const SYNTHETIC_INDICATORS = ['mes_profiles_open', 'mes_profiles_activated'] as const;

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2020, 0, 1);
/** No synthetic figure is dated later: a million rows must not reach into the future. */
const LAST_DAY = Date.UTC(2025, 11, 31);

/** Rows of one day in syntheticTidyCsv: every indicator at every place. */
const ROWS_A_DAY = SYNTHETIC_INDICATORS.length * SYNTHETIC_GEOS.length;

/**
 * `rows` data rows of tidy CSV (plus the header): one row per indicator, place and day from
 * 2020-01-01 (earlier when that many days would pass 2025-12-31), days going forward until the
 * count is reached. All valid; every series has about rows / (2 x places) points.
 */
export function syntheticTidyCsv(rows: number): string {
  const lines = [TIDY_COLUMNS.join(',')];
  const days = Math.ceil(rows / ROWS_A_DAY);
  const firstDay = Math.min(FIRST_DAY, LAST_DAY - (days - 1) * DAY_MS);
  for (let day = 0, n = 0; n < rows; day++) {
    const period = new Date(firstDay + day * DAY_MS).toISOString().slice(0, 10);
    for (let g = 0; g < SYNTHETIC_GEOS.length && n < rows; g++) {
      const open = 1_000 + day * 10 + g;
      const values = [open, Math.floor(open / 2)];
      for (let i = 0; i < SYNTHETIC_INDICATORS.length && n < rows; i++, n++) {
        const cells: Record<string, string | number> = {
          indicator: SYNTHETIC_INDICATORS[i]!,
          breakdown: '',
          geo: SYNTHETIC_GEOS[g]!,
          period,
          precision: 'day',
          value: values[i]!,
          qualifier: '=',
          source_url: SYNTHETIC_SOURCE_URL,
          source_label: LABEL,
          note: 'synthetic',
        };
        lines.push(TIDY_COLUMNS.map((c) => cells[c] ?? '').join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** Label of the wide table's feed-level source: it has no address, like a user's own export. */
export const SYNTHETIC_WIDE_SOURCE = 'synthetic benchmark data (not published figures)';

/**
 * The feed configuration of syntheticWideCsv: what the Feeds page makes of such an export (two
 * value columns, places by department code, dates dd/mm/yyyy, the source given once).
 */
export const SYNTHETIC_WIDE_FEED: FeedConfig = {
  id: 'synthetic-bench-wide',
  label: { fr: 'Export large synthétique du banc d’essai', en: 'Synthetic wide benchmark export' },
  format: 'mapped-csv',
  url: 'synthetic-wide-100k.csv',
  source: { label: SYNTHETIC_WIDE_SOURCE },
  mapping: {
    values: [
      { column: 'Nombre de profils MES ouverts', indicator: 'mes_profiles_open' },
      { column: 'Nombre de profils MES activés', indicator: 'mes_profiles_activated' },
    ],
    geo: { column: 'Code département', kind: 'departement' },
    period: { column: 'Jour' },
  },
};

/**
 * `rows` data rows of a SYNTHETIC wide export as users bring them: `;`, a department name and
 * code, the day as `dd/mm/yyyy`, two counts grouped by spaces (`1 234 567`); one row per
 * department and day from 2020-01-01. All valid: activated is half of open. Every row gives two
 * observations.
 */
export function syntheticWideCsv(rows: number): string {
  const lines = [
    'Département;Code département;Jour;Nombre de profils MES ouverts;Nombre de profils MES activés',
  ];
  const spaced = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  for (let day = 0, n = 0; n < rows; day++) {
    const date = new Date(FIRST_DAY + day * DAY_MS);
    const d = String(date.getUTCDate()).padStart(2, '0');
    const m = String(date.getUTCMonth() + 1).padStart(2, '0');
    const period = `${d}/${m}/${date.getUTCFullYear()}`;
    for (let g = 0; g < departements.length && n < rows; g++, n++) {
      const dep = departements[g]!;
      const open = 10_000 + day * 10 + g;
      lines.push(
        `${dep.nom};${dep.code};${period};${spaced(open)};${spaced(Math.floor(open / 2))}`,
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}
