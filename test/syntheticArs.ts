/**
 * Synthetic regional exports shaped like an ARS's own (issue 15), for the Feeds page's tests:
 * invented figures, never published statistics, never app data. The committed fixtures
 * (`test/fixtures/feeds/synthetic-*`, written by make-fixtures.mjs) are one file of each shape;
 * these make the variants the page's tests need (more years, a note, a malformed row).
 */
import { regions } from '../src/model/geography';

export const MONTHS_FR = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** The 18 regions, in INSEE code order. */
export const SYNTHETIC_REGIONS = [...regions].sort((a, b) => a.code.localeCompare(b.code));

/** Windows-1252 bytes of text whose characters are all in Latin-1 (é, è, ô, Î…). */
export function windows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new Error(`not in Latin-1: ${text[i]}`);
    bytes[i] = code;
  }
  return bytes;
}

/** Invented counts: open = 100 000 × (rank + 1) + 1 000 × month; (20 + month) % activated. */
export function syntheticCounts(rank: number, month: number): { open: number; activated: number } {
  const open = 100_000 * (rank + 1) + 1_000 * month;
  return { open, activated: Math.round((open * (20 + month)) / 100) };
}

/**
 * The wide ARS export: `;`, Windows-1252, months written `janv. 2025`, no source column,
 * 18 regions × 12 months of 2025 (216 data rows). A bigger one: `years` up to 2025, and a
 * `note` column with that text on every row.
 */
export function syntheticArsWideCsv(years = 1, note?: string): Uint8Array {
  const extra = note === undefined ? '' : ';Remarque';
  const lines = [
    `Région;Code région;Mois;Nombre de profils MES ouverts;Nombre de profils MES activés${extra}`,
  ];
  SYNTHETIC_REGIONS.forEach((region, rank) => {
    for (let year = 2026 - years; year <= 2025; year++) {
      MONTHS_FR.forEach((month, m) => {
        const { open, activated } = syntheticCounts(rank, m + 1);
        lines.push(
          `${region.nom};${region.code};${month} ${year};${open};${activated}${note === undefined ? '' : `;${note}`}`,
        );
      });
    }
  });
  return windows1252(lines.join('\r\n') + '\r\n');
}

/**
 * An SPF-style export: department codes with rows outside the reference (former region
 * code 07 and 08 written as regions, 977 Saint-Barthélemy) and empty value cells.
 */
export function syntheticSpfCsv(): Uint8Array {
  const lines = ['dep;date;nombre de profils ouverts'];
  const good = ['01', '2A', '971', '75'];
  for (const [m, month] of ['2025-01', '2025-02', '2025-03'].entries()) {
    good.forEach((dep, i) => lines.push(`${dep};${month};${1000 * (i + 1) + m}`));
    lines.push(`977;${month};12`);
    lines.push(`00;${month};5`);
    lines.push(`13;${month};`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}
