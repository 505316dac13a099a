/**
 * Same figure, several sources (DESIGN §4 "source reconciliation").
 *
 * Rule, applied by `series()` so every chart follows it:
 * 1. Two published figures are **the same figure** when they have the same indicator, breakdown
 *    and place, and their periods fall in the same calendar month (the same year for yearly
 *    figures, the same quarter or half for quarterly and half-yearly ones), whatever day each was dated: a press figure
 *    of 18 May and a board report of 31 May both tell "May 2022"; "February 2024" and 5 February
 *    2024 both tell February 2024. Figures of different granularity otherwise (a year and one of
 *    its months) are different figures.
 * 2. It is a **dispute** only when every figure of such a group comes from a different source
 *    (source URL). Two figures of one source in one month are a series, and are all drawn.
 * 3. The very same figure (same period, source, value and qualifier) delivered by two feeds
 *    is drawn once.
 * 4. Of a dispute, the chart draws one figure, chosen in this order: an official source before
 *    any other, and any other before the press (by the source label's first word); then an exact
 *    figure before a bound (more/less than) before an approximate one; then the later date. The
 *    others stay attached to the drawn point (`alternatives`) for the tooltip and the Sources page.
 *    Nothing is deleted from the store.
 */
import type { Observation, Qualifier } from './observation';
import { periodEnd } from './period';
import { sourceKey } from './source';

/**
 * The calendar period a figure speaks of, for grouping: `YYYY-MM`, `YYYY-Q1`…`-Q4`,
 * `YYYY-H1`/`-H2` or `YYYY`.
 */
export function calendarPeriod(o: Pick<Observation, 'period' | 'precision'>): string {
  const [y, m] = o.period.split('-');
  if (o.precision === 'year' || m === undefined) return y!;
  if (o.precision === 'quarter') return `${y}-Q${Math.ceil(Number(m) / 3)}`;
  if (o.precision === 'half-year') return `${y}-H${Number(m) <= 6 ? 1 : 2}`;
  return `${y}-${m}`;
}

export function sameFigureKey(o: Observation): string {
  return [o.indicator, o.breakdown, o.geo, calendarPeriod(o)].join('\u0000');
}

export type SourceKind = 'official' | 'other' | 'press';

/** From the source label as transcribed: "official (CNAM press release)", "press (DNS)". */
export function sourceKind(label: string): SourceKind {
  const first = label.trim().toLowerCase().split(/[\s(]/)[0];
  if (first === 'official') return 'official';
  if (first === 'press') return 'press';
  return 'other';
}

const KIND_RANK: Record<SourceKind, number> = { official: 0, other: 1, press: 2 };
const QUALIFIER_RANK: Record<Qualifier, number> = { '=': 0, '>': 1, '<': 1, '~': 2 };

/** Negative when `a` is the one to draw. */
export function preferFigure(a: Observation, b: Observation): number {
  return (
    KIND_RANK[sourceKind(a.sourceLabel)] - KIND_RANK[sourceKind(b.sourceLabel)] ||
    QUALIFIER_RANK[a.qualifier] - QUALIFIER_RANK[b.qualifier] ||
    periodEnd(b.period, b.precision).getTime() - periodEnd(a.period, a.precision).getTime() ||
    b.period.localeCompare(a.period) ||
    sourceKey(a).localeCompare(sourceKey(b))
  );
}

export interface Reconciled<T extends Observation> {
  /** The figure drawn. */
  point: T;
  /** The other sources' figures for the same indicator, place and period (empty: no dispute). */
  alternatives: T[];
}

/**
 * Applies the rule to figures of any indicators and places; order of the input is kept. The
 * very same figure delivered by two feeds (same period, source, value and qualifier) is one.
 */
export function reconcile<T extends Observation>(all: readonly T[]): Reconciled<T>[] {
  const seen = new Set<string>();
  const figures = all.filter((o) => {
    const id = [sameFigureKey(o), o.period, sourceKey(o), o.value, o.qualifier].join('\u0000');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const groups = new Map<string, T[]>();
  for (const o of figures) {
    const key = sameFigureKey(o);
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  const out: Reconciled<T>[] = [];
  for (const o of figures) {
    const group = groups.get(sameFigureKey(o))!;
    const disputed = group.length > 1 && new Set(group.map(sourceKey)).size === group.length;
    if (!disputed) {
      out.push({ point: o, alternatives: [] });
      continue;
    }
    const [best, ...others] = [...group].sort(preferFigure);
    if (best === o) out.push({ point: o, alternatives: others });
  }
  return out;
}

/** Every dispute in a set of figures, for the Sources page: the drawn figure first. */
export function disputes<T extends Observation>(figures: readonly T[]): T[][] {
  return reconcile(figures)
    .filter((r) => r.alternatives.length > 0)
    .map((r) => [r.point, ...r.alternatives]);
}
