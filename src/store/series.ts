/**
 * How observations are stored since schema v3: one record per series (snapshot, indicator,
 * breakdown, place) holding its rows as parallel columns, most of them typed arrays. 100k rows
 * make a few hundred records instead of 100k records and 300k index entries. Pure and free of
 * Dexie: the cache-first paint (paintRead.ts) decodes with it too.
 */
import {
  PRECISIONS,
  QUALIFIERS,
  type Observation,
  type Precision,
  type Qualifier,
} from '../model/observation';

/** The IndexedDB database's name (Dexie's and the plain reader's). */
export const DB_NAME = 'segur-pulse';
/** The table of series records, and its indexes (Dexie syntax; IndexedDB index names alike). */
export const SERIES_TABLE = 'series';
export const SERIES_INDEXES = '++id, snapshotId, feed, [snapshotId+indicator+geo]';

/** One series of one snapshot: row i is (periods[i], values[i], ...). */
export interface StoredSeries {
  id?: number;
  snapshotId: number;
  feed: string;
  indicator: string;
  breakdown: string;
  geo: string;
  /** Each row's position in the snapshot as validated: the feed's own order is kept. */
  rows: Uint32Array;
  periods: string[];
  /** Index into PRECISIONS. */
  precisions: Uint8Array;
  values: Float64Array;
  /** Index into QUALIFIERS. */
  qualifiers: Uint8Array;
  /** The series' distinct texts; the three columns below index into it. */
  texts: string[];
  sourceUrls: Uint32Array;
  sourceLabels: Uint32Array;
  notes: Uint32Array;
}

const precisionCode = new Map<string, number>(PRECISIONS.map((p, i) => [p, i]));
const qualifierCode = new Map<string, number>(QUALIFIERS.map((q, i) => [q, i]));

/**
 * A snapshot's observations as series records. `feed` overrides each row's feed (a commit stores
 * every row under the feed committed).
 */
export function encodeSeries(
  observations: readonly Observation[],
  snapshotId: number,
  feed?: string,
): StoredSeries[] {
  return [...seriesRecords(observations, snapshotId, feed)];
}

/**
 * encodeSeries one record at a time: a commit stores a few records, then makes the next ones, so
 * that the columns and their serialised copies of a million rows never exist all at once.
 */
export function* seriesRecords(
  observations: readonly Observation[],
  snapshotId: number,
  feed?: string,
): Generator<StoredSeries> {
  // Nested by field rather than keyed by one joined string: a feed's texts repeat (the same
  // strings), so each lookup reuses their hash where a joined key per row made a new string,
  // which was most of the time a million rows took here.
  const groups: number[][] = [];
  const byFeed = new Map<string, Map<string, Map<string, Map<string, number[]>>>>();
  const level = <T>(map: Map<string, T>, key: string, make: () => T): T => {
    let next = map.get(key);
    if (next === undefined) map.set(key, (next = make()));
    return next;
  };
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i]!;
    const byIndicator = level(byFeed, feed ?? o.feed, () => new Map());
    const byBreakdown = level(byIndicator, o.indicator, () => new Map());
    const byGeo = level(byBreakdown, o.breakdown, () => new Map());
    level(byGeo, o.geo, () => {
      const rows: number[] = [];
      groups.push(rows);
      return rows;
    }).push(i);
  }
  for (const rows of groups) {
    const first = observations[rows[0]!]!;
    const n = rows.length;
    const s: StoredSeries = {
      snapshotId,
      feed: feed ?? first.feed,
      indicator: first.indicator,
      breakdown: first.breakdown,
      geo: first.geo,
      rows: Uint32Array.from(rows),
      periods: new Array<string>(n),
      precisions: new Uint8Array(n),
      values: new Float64Array(n),
      qualifiers: new Uint8Array(n),
      texts: [],
      sourceUrls: new Uint32Array(n),
      sourceLabels: new Uint32Array(n),
      notes: new Uint32Array(n),
    };
    const textIndex = new Map<string, number>();
    const text = (t: string) => {
      let i = textIndex.get(t);
      if (i === undefined) {
        i = s.texts.length;
        s.texts.push(t);
        textIndex.set(t, i);
      }
      return i;
    };
    for (let j = 0; j < n; j++) {
      const o = observations[rows[j]!]!;
      s.periods[j] = o.period;
      s.precisions[j] = code(precisionCode, o.precision, 'precision');
      s.values[j] = o.value;
      s.qualifiers[j] = code(qualifierCode, o.qualifier, 'qualifier');
      s.sourceUrls[j] = text(o.sourceUrl);
      s.sourceLabels[j] = text(o.sourceLabel);
      s.notes[j] = text(o.note);
    }
    yield s;
  }
}

function code(codes: Map<string, number>, value: string, field: string): number {
  const c = codes.get(value);
  // Validated data never gets here with another value: refuse rather than store a wrong one.
  if (c === undefined) throw new Error(`cannot store ${field} "${value}"`);
  return c;
}

/** Rows stored in a series record. */
export function seriesLength(s: StoredSeries): number {
  return s.periods.length;
}

/**
 * The observations of series records, snapshot by snapshot (lowest id first), each snapshot's
 * rows in the order they were validated: what one record per row gave before v3.
 */
export function decodeSeries(records: readonly StoredSeries[]): Observation[] {
  const bySnapshot = new Map<number, StoredSeries[]>();
  for (const r of records) {
    const list = bySnapshot.get(r.snapshotId);
    if (list) list.push(r);
    else bySnapshot.set(r.snapshotId, [r]);
  }
  const out: Observation[] = [];
  for (const id of [...bySnapshot.keys()].sort((a, b) => a - b)) {
    const list = bySnapshot.get(id)!;
    // Row positions of a snapshot are 0..n-1, but a series read holds only some of them.
    let max = -1;
    for (const s of list) for (const r of s.rows) if (r > max) max = r;
    const slots = new Array<Observation | undefined>(max + 1);
    for (const s of list) {
      const n = seriesLength(s);
      for (let j = 0; j < n; j++) {
        slots[s.rows[j]!] = {
          indicator: s.indicator,
          breakdown: s.breakdown,
          geo: s.geo,
          period: s.periods[j]!,
          precision: PRECISIONS[s.precisions[j]!] as Precision,
          value: s.values[j]!,
          qualifier: QUALIFIERS[s.qualifiers[j]!] as Qualifier,
          sourceUrl: s.texts[s.sourceUrls[j]!]!,
          sourceLabel: s.texts[s.sourceLabels[j]!]!,
          note: s.texts[s.notes[j]!]!,
          feed: s.feed,
        };
      }
    }
    for (const o of slots) if (o) out.push(o);
  }
  return out;
}
