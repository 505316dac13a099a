/** The canonical observation (DESIGN §3): one published figure, tidy. */
export type Qualifier = '=' | '~' | '>' | '<';
export const QUALIFIERS: readonly Qualifier[] = ['=', '~', '>', '<'];

/**
 * How precisely `period` is known. A `month` figure may still carry a day ("fin octobre"). A
 * `quarter` or `half-year` figure is written with a month of its span (the first, when read from
 * `T1 2025` or `S1 2025`).
 */
export type Precision = 'day' | 'month' | 'quarter' | 'half-year' | 'year';
/** Stored by index (store/series.ts): new precisions go at the end, so stored indexes keep their meaning. */
export const PRECISIONS: readonly Precision[] = ['day', 'month', 'half-year', 'year', 'quarter'];

export interface Observation {
  indicator: string;
  /** Breakdown value within the indicator's dimension (e.g. sector `biologie`); '' = total. */
  breakdown: string;
  /** `FR`, `REG-<code>`, `DEP-<code>`, or a group `DEP-31+DEP-44+DEP-80`. */
  geo: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as published. */
  period: string;
  precision: Precision;
  value: number;
  qualifier: Qualifier;
  /**
   * Where it was published; '' for a user's file never published (its source is then only
   * `sourceLabel`: shown without a link, grouped by label; see sourceKey).
   */
  sourceUrl: string;
  /** Who published it, as transcribed (e.g. "official (CNAM press release)"). */
  sourceLabel: string;
  note: string;
  /** Id of the feed that delivered it. */
  feed: string;
}
