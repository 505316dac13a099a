import catalogueData from '../../data/indicators.json';
export type Localised = { fr: string; en: string };

/**
 * An indicator a user defines for their own feed (not in data/indicators.json): its id is
 * `user_<slug>`, never a catalogue id. Usable like a catalogue indicator once the feed is known.
 */
export interface UserIndicator {
  id: string;
  label: { fr: string; en: string };
  unit: { fr: string; en: string };
  /** stock = cumulative level, flow = amount per period, rate = ratio. */
  kind: 'stock' | 'flow' | 'rate';
  valueType: 'count' | 'percent';
}

export interface Indicator {
  id: string;
  /** `user`: defined by the user for one of their feeds (ids `user_<slug>`). */
  domain: 'mes' | 'dmp' | 'insi' | 'user';
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

/** The catalogue (data/indicators.json), the same for every user. */
export const catalogueIndicators: readonly Indicator[] = catalogueData.indicators as Indicator[];
const catalogueIds = new Set(catalogueIndicators.map((i) => i.id));

/**
 * Every indicator known here: the catalogue, then the indicators the user defined for their feeds
 * (setUserIndicators, called with the stored user feeds at start-up and when they change).
 */
export const indicators: Indicator[] = [...catalogueIndicators];
export const indicatorById = new Map(indicators.map((i) => [i.id, i]));

export function isCatalogueIndicator(id: string): boolean {
  return catalogueIds.has(id);
}

/**
 * A user-defined indicator as the model knows indicators. Counts are never negative and are
 * summed across places; a share stays within 0-100 and is not summed. Any breakdown value is
 * accepted (the user's file names them).
 */
export function userIndicator(u: UserIndicator): Indicator {
  const percent = u.valueType === 'percent';
  return {
    id: u.id,
    domain: 'user',
    label: u.label,
    unit: u.unit,
    valueType: u.valueType,
    kind: u.kind,
    aggregation: percent || u.kind === 'rate' ? 'none' : 'sum',
    min: 0,
    ...(percent ? { max: 100 } : {}),
  };
}

/**
 * Replaces the user's indicators (and labels of their breakdown values) known to the model (catalogue ids are never replaced: a clash
 * is ignored, the configuration check refuses it). Views read `indicators` and `indicatorById`
 * when they render: call this before data that uses them is shown.
 */
export function setUserIndicators(
  list: readonly UserIndicator[],
  breakdownLabels: Readonly<Record<string, string>> = {},
): void {
  userBreakdownLabels = new Map(Object.entries(breakdownLabels));
  indicators.length = catalogueIndicators.length;
  indicatorById.clear();
  for (const i of catalogueIndicators) indicatorById.set(i.id, i);
  for (const u of list) {
    if (catalogueIds.has(u.id) || indicatorById.has(u.id)) continue;
    const indicator = userIndicator(u);
    indicators.push(indicator);
    indicatorById.set(u.id, indicator);
  }
}

/** Labels of breakdown values from users' files (id -> as written), beside the catalogue's. */
let userBreakdownLabels = new Map<string, string>();

export function breakdownLabel(indicator: string, breakdown: string, lang: 'fr' | 'en'): string {
  if (breakdown === '') return lang === 'fr' ? 'Total' : 'Total';
  return (
    indicatorById.get(indicator)?.breakdown?.values[breakdown]?.[lang] ??
    userBreakdownLabels.get(breakdown) ??
    breakdown
  );
}
