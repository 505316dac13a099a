/**
 * How the mapping form says it reads a column of the sample, before any check: the dates
 * ("01/02/2025 lu comme 1er févr. 2025", whether the order is ambiguous) and the places (how many
 * regions and departments, which values will be skipped). Pure.
 */
import { detectDateReading, parseDateCell, type DateOrder } from '../../feeds/dates';
import { placeSkipText, readPlace, type PlaceKind } from '../../feeds/places';
import { formatPeriod, type Lang } from '../../lib/format';

export interface DatesView {
  /** Some dates read both jj/mm and mm/jj: the order is the user's choice. */
  ambiguous: boolean;
  /** Some cells are only jj/mm, others only mm/jj. */
  conflict: boolean;
  /** Non-empty cells that do not read as dates in this order. */
  unreadable: number;
  /** A few cells and what they are read as, in `lang`. */
  examples: { raw: string; read: string }[];
}

export function datesView(cells: readonly string[], order: DateOrder, lang: Lang): DatesView {
  const detected = detectDateReading(cells);
  const options = { order, excelSerial: detected.excelSerial };
  let unreadable = 0;
  for (const c of cells) if (c.trim() !== '' && !parseDateCell(c, options).ok) unreadable++;
  const examples = detected.examples.map(({ raw }) => {
    const read = parseDateCell(raw, options);
    return {
      raw,
      read: read.ok ? formatPeriod(read.value.period, read.value.precision, lang) : '',
    };
  });
  return {
    ambiguous: detected.ambiguous,
    conflict: detected.conflict,
    unreadable,
    examples: examples.filter((e) => e.read !== ''),
  };
}

export interface PlacesView {
  nation: boolean;
  regions: number;
  departements: number;
  /** Distinct values left out, with why (in `lang`), in the order met. */
  skipped: { value: string; reason: string }[];
}

export function placesView(cells: readonly string[], kind: PlaceKind, lang: Lang): PlacesView {
  const geos = new Set<string>();
  const skipped = new Map<string, string>();
  for (const cell of cells) {
    const read = readPlace(cell, kind);
    if (read.ok) geos.add(read.geo);
    else if (!skipped.has(read.value))
      skipped.set(read.value, placeSkipText(read.reason, lang, kind));
  }
  const ids = [...geos];
  return {
    nation: geos.has('FR'),
    regions: ids.filter((g) => g.startsWith('REG-')).length,
    departements: ids.filter((g) => g.startsWith('DEP-')).length,
    skipped: [...skipped].map(([value, reason]) => ({ value, reason })),
  };
}
