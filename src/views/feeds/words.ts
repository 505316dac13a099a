/** Counted words of the Feeds page: the message of the plural form `count` takes, its number through Intl. */
import { formatNumber } from '../../lib/format';
import { i18n, t, type MessageKey } from '../../lib/i18n.svelte';
import { addressProblem } from './addressProblem';
import { pluralForm } from './importReport';

/** `base` names a pair of messages `<base>_one` and `<base>_other` with a `{count}`. */
export function countText(base: string, count: number): string {
  const key = `${base}_${pluralForm(count, i18n.lang)}` as MessageKey;
  return t(key, { count: formatNumber(count, i18n.lang) });
}

/** Why an address is refused, in the reader's language; '' when it is accepted. */
export function addressProblemText(url: string): string {
  const problem = addressProblem(url);
  if (!problem) return '';
  const { code, ...params } = problem;
  return t(`feeds.address.${code}` as MessageKey, params);
}
