/**
 * Where a chart's figures come from, and how to cite the chart: pure, so the embed's source line,
 * the "Citer" action and the dataset archive's README say the same thing.
 *
 * A figure may have a source label without an address (a user's feed naming its publisher only):
 * it is cited by its label; an address that is not http(s) is never made a link.
 */
import { formatPeriod, type Lang } from '../lib/format';
import { translate } from '../lib/i18n.svelte';
import { sourceName } from '../model/citation';
import type { SeriesPoint } from '../model/series';
import { safeHref } from '../lib/safeHref';

export interface CitedSource {
  /** Who published it; the address when the figure names no publisher. */
  label: string;
  /** Only an http(s) address. */
  url?: string;
}

type Figure = Pick<SeriesPoint, 'sourceUrl' | 'sourceLabel'> & {
  derivedFrom?: readonly Pick<SeriesPoint, 'sourceUrl' | 'sourceLabel'>[];
};

/**
 * Distinct sources of some figures (of the figures a computed one comes from), by address (or
 * label when there is none), in order of first appearance, named as readers see them
 * (model/citation.ts: « ARS Grand Est (officiel) »).
 */
export function citedSources(figures: Iterable<Figure>, lang: Lang): CitedSource[] {
  const seen = new Map<string, CitedSource>();
  for (const figure of figures) {
    for (const p of figure.derivedFrom?.length ? figure.derivedFrom : [figure]) {
      const key = p.sourceUrl || p.sourceLabel;
      if (!key || seen.has(key)) continue;
      const url = safeHref(p.sourceUrl);
      seen.set(key, { label: sourceName(p, lang) || p.sourceUrl, ...(url ? { url } : {}) });
    }
  }
  return [...seen.values()];
}

/** The sources of a chart's series. */
export function chartSources(
  series: readonly { points: readonly Figure[] }[],
  lang: Lang,
): CitedSource[] {
  return citedSources(
    series.flatMap((s) => s.points),
    lang,
  );
}

/** "label (address)", or the label alone. */
export function sourceText(source: CitedSource): string {
  return source.url && source.url !== source.label
    ? `${source.label} (${source.url})`
    : source.label;
}

export interface Citation {
  title: string;
  sources: readonly CitedSource[];
  /** When the reader consulted the chart (today). */
  consulted: Date;
  /** The full view's address. */
  permalink: string;
  lang: Lang;
}

/** The reader's calendar day of an instant, `YYYY-MM-DD` (not UTC's: cited at 00:30 in Paris is today). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A citation of a chart: its title, the publisher (Ségur Pulse), the figures' own sources, the
 * date consulted and the permalink, e.g. « Profils Mon espace santé », Ségur Pulse, d’après CNAM
 * (https://…). Consulté le 5 décembre 2026. https://…
 */
export function citationText({ title, sources, consulted, permalink, lang }: Citation): string {
  const date = formatPeriod(localDay(consulted), 'day', lang);
  const from = sources.map(sourceText).join(' ; ');
  return translate(lang, from ? 'share.citation' : 'share.citationNoSource', {
    title,
    sources: from,
    date,
    url: permalink,
  });
}
