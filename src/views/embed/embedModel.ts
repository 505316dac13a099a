/** What the embed view shows, kept pure so it is tested without a DOM. */
import { safeHref } from '../../charts/pointText';
import type { Lang } from '../../lib/format';
import { sourceName } from '../../model/citation';
import type { SeriesPoint } from '../../model/series';
import { serializeViewState, type ViewState } from '../../lib/urlState';

export interface EmbedSource {
  label: string;
  /** Only http(s) links; a feed's other URLs are shown as text. */
  href: string | undefined;
}

/**
 * Distinct sources of a chart's points (of the figures a computed point comes from), by URL, in
 * order of first appearance, named as readers see them (model/citation.ts).
 */
export function embedSources(
  series: readonly { points: readonly SeriesPoint[] }[],
  lang: Lang,
): EmbedSource[] {
  const seen = new Map<string, EmbedSource>();
  for (const s of series) {
    for (const point of s.points) {
      for (const p of point.derivedFrom?.length ? point.derivedFrom : [point]) {
        const key = p.sourceUrl || p.sourceLabel;
        if (!key || seen.has(key)) continue;
        seen.set(key, { label: sourceName(p, lang) || p.sourceUrl, href: safeHref(p.sourceUrl) });
      }
    }
  }
  return [...seen.values()];
}

/**
 * The full dashboard's address for the embedded view: same page and state, without `?embed=1`
 * (which lives in the query string, so a hash-only link would keep it).
 */
export function dashboardUrl(pageHref: string, state: ViewState): string {
  const url = new URL(pageHref);
  url.search = '';
  url.hash = serializeViewState({ ...state, embed: false });
  return url.toString();
}

/** The address of the embed of another chart, from the current embed's address. */
export function otherChartUrl(pageHref: string, state: ViewState, chart: string): string {
  const url = new URL(pageHref);
  url.hash = serializeViewState({ ...state, chart });
  return url.toString();
}
