/**
 * A SYNTHETIC tidy feed for the benchmark: made-up values on real place codes, labelled as such in
 * every row (source_label, note, an example.org source URL). Generated in memory by the bench,
 * never written into data/ or public/, never app data.
 */
import { departements, regions } from '../../src/model/geography';
import { TIDY_COLUMNS } from '../../src/feeds/tidy';

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

/**
 * `rows` data rows of tidy CSV (plus the header): one row per indicator, place and day from
 * 2020-01-01, days going forward until the count is reached. All valid; every series has about
 * rows / (2 x places) points.
 */
export function syntheticTidyCsv(rows: number): string {
  const lines = [TIDY_COLUMNS.join(',')];
  for (let day = 0, n = 0; n < rows; day++) {
    const period = new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
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
