/**
 * Words of the region map and ranking: accessible names ("Bretagne : 15 % le 20 déc. 2023") and
 * ages. Pure, so they are tested without a DOM. The colours are in mapColours.ts.
 */
import '../lib/messages/regions';
import {
  formatDuration,
  formatPeriodPhrase,
  formatQualified,
  type Lang,
  type Unit,
} from '../lib/format';
import { translate } from '../lib/i18n.svelte';
import { valueAge, type AsOfValue } from '../model/regional';
import type { SeriesPoint } from '../model/series';

/** A value as read, with its unit words for per-capita figures ("8,9 pour 100 habitants"). */
export function valueText(point: SeriesPoint, unit: Unit, lang: Lang, suffix = ''): string {
  const figure = formatQualified(point.value, point.qualifier, unit, lang);
  return suffix ? `${figure} ${suffix}` : figure;
}

/** "Bretagne : 15 % le 20 déc. 2023", "… en oct. 2022", or "Bretagne : pas de données". */
export function placeLabel(
  name: string,
  value: AsOfValue | undefined,
  unit: Unit,
  lang: Lang,
  suffix = '',
): string {
  if (!value) return translate(lang, 'regions.noDataName', { name });
  const { point } = value;
  // « le 20 déc. 2023 », « en oct. 2022 », « en 2024 »: never « au oct. ».
  return translate(lang, 'regions.valueWhen', {
    name,
    value: valueText(point, unit, lang, suffix),
    when: formatPeriodPhrase(point.period, point.precision, lang),
  });
}

/** "3 mois", "1 an", "12 jours". */
export function ageWords(ageDays: number, lang: Lang): string {
  const { amount, unit } = valueAge(ageDays);
  return formatDuration(amount, unit, lang);
}

/** The tooltip line saying how old a value is at the chosen date. */
export function ageLine(ageDays: number, lang: Lang): string {
  return ageDays === 0
    ? translate(lang, 'regions.ageSameDay')
    : translate(lang, 'regions.age', { age: ageWords(ageDays, lang) });
}
