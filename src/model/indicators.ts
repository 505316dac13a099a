import catalogueData from '../../data/indicators.json';

export type Localised = { fr: string; en: string };

export interface Indicator {
  id: string;
  domain: 'mes' | 'dmp' | 'insi';
  label: Localised;
  unit: Localised;
  /** How values read: a count, a percentage (in percent), a rank. */
  valueType: 'count' | 'percent' | 'rank';
  /** stock = cumulative level, flow = amount per period, rate = ratio. */
  kind: 'stock' | 'flow' | 'rate';
  /** How values combine across places: add up, recompute from counts, or not at all. */
  aggregation: 'sum' | 'recompute' | 'none';
  rateOf?: { numerator: string; denominator: string };
  /** Bounds a valid value stays within (a count is never negative, a share never over 100 %). */
  min?: number;
  max?: number;
  breakdown?: { dimension: Localised; values: Record<string, Localised> };
  /** 'outreach': activity promoting a service (people sensitised, ambassadors), never adoption. */
  category?: 'outreach';
}

export const indicators = catalogueData.indicators as Indicator[];
export const indicatorById = new Map(indicators.map((i) => [i.id, i]));

export function breakdownLabel(indicator: string, breakdown: string, lang: 'fr' | 'en'): string {
  if (breakdown === '') return lang === 'fr' ? 'Total' : 'Total';
  return indicatorById.get(indicator)?.breakdown?.values[breakdown]?.[lang] ?? breakdown;
}
