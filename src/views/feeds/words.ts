/** Counted words of the Feeds page: the message of the plural form `count` takes, its number through Intl. */
import { skippedLines } from '../../feeds/issueText';
import type { IngestSkipSummary } from '../../feeds/types';
import { formatNumber } from '../../lib/format';
import { i18n, t, translatePlural, type MessageKey, type PluralKey } from '../../lib/i18n.svelte';
import { addressProblem } from './addressProblem';

/**
 * A counted message (`<key>.one` / `<key>.other`) in the reader's language, the count written
 * through Intl (« 2 304 lignes lues »).
 */
export function countText(
  key: PluralKey,
  count: number,
  params: Record<string, string> = {},
): string {
  return translatePlural(i18n.lang, key, count, {
    ...params,
    count: formatNumber(count, i18n.lang),
  });
}

/** Why an address is refused, in the reader's language; '' when it is accepted. */
export function addressProblemText(url: string): string {
  const problem = addressProblem(url);
  if (!problem) return '';
  const { code, ...params } = problem;
  return t(`feeds.address.${code}` as MessageKey, params);
}

/**
 * Rows read and skipped, and why, e.g. « 2 304 lignes lues, 180 ignorées : Code région (code
 * inconnu) : 07 (90), 08 (90) ».
 */
export function skipHeadline(summary: IngestSkipSummary): string {
  const read = countText('feeds.report.rowsRead', summary.rowsRead);
  if (!summary.rowsSkipped) return read;
  const fr = i18n.lang === 'fr';
  const skipped = countText('feeds.report.rowsSkipped', summary.rowsSkipped);
  const why = skippedLines(summary.skipped, i18n.lang).join(fr ? '\u00a0; ' : '; ');
  return `${read}, ${skipped}${why ? (fr ? '\u00a0: ' : ': ') + why : ''}`;
}
