/**
 * Colours of the charts and of the two themes. Series colours start with Okabe & Ito's
 * colour-blind safe set; its light members (orange, sky blue, yellow) and black are left out so
 * that one set of marks keeps WCAG 2.1 AA's 3:1 (1.4.11) against BOTH the light and
 * the dark background: a chart reads the same in either theme and in an exported picture. Text
 * colours keep 4.5:1 (1.4.3). The theme colours are the custom properties of src/app.css; a test
 * reads them from there and checks every pair.
 */

export const SERIES_COLOURS: readonly string[] = [
  '#0072B2', // blue (Okabe-Ito)
  '#D55E00', // vermillion (Okabe-Ito)
  '#009E73', // bluish green (Okabe-Ito)
  '#B8588E', // reddish purple (Okabe-Ito #CC79A7 darkened: 3.06:1 on white was too close)
  // Okabe-Ito's orange, darkened to reach 3:1 on white, became vermillion's twin for protanopes;
  // these two keep the set apart under every simulated colour vision deficiency (see the test).
  '#7B61FF', // violet
  '#6F7F3A', // olive
];

/** Colour of the series at `index`; beyond six series, colours repeat (shapes still differ by qualifier). */
export function seriesColour(index: number): string {
  const n = SERIES_COLOURS.length;
  return SERIES_COLOURS[((index % n) + n) % n]!;
}

/**
 * One colour per thing shown, the same on every page: activated profiles are blue on the
 * Overview, the tracker and in pictures, open profiles vermillion. Keyed by the series key the
 * views give (an indicator id, or the kind of a rate or of a monthly figure).
 */
export const KEY_COLOURS: Readonly<Record<string, string>> = {
  mes_profiles_activated: SERIES_COLOURS[0]!,
  mes_profiles_open: SERIES_COLOURS[1]!,
  'rate-computed': SERIES_COLOURS[2]!,
  'rate-published': SERIES_COLOURS[3]!,
  'monthly-published': SERIES_COLOURS[0]!,
  'period-average': SERIES_COLOURS[4]!,
};

/** A series' colour: its key's, else by its place in the chart. */
export function colourOf(key: string, index: number): string {
  return KEY_COLOURS[key] ?? seriesColour(index);
}

/**
 * Dotted connectors between a series' points are drawn in the series colour at this opacity:
 * full, so they keep the series colours' 3:1 against both themes' backgrounds (a test blends
 * and checks them).
 */
export const CONNECTOR_OPACITY = 1;

export const INK = '#1F1F1F';
/** Secondary text: axis labels, dates, notes. */
export const INK_MUTED = '#555555';
/** Links (written in the components' CSS). */
export const LINK = '#0B5CAB';
/** Decorative only (gridlines): carries no information, so no contrast requirement. */
export const GRID = '#E6E6E6';
export const BACKGROUND = '#FFFFFF';
/** Background of the dark theme (`--bg` under `prefers-color-scheme: dark` in src/app.css). */
export const DARK_BACKGROUND = '#15171C';

function channel(hex: string, start: number): number {
  const v = parseInt(hex.slice(start, start + 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#RRGGBB` colour. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio between two `#RRGGBB` colours (1 to 21). */
export function contrastRatio(a: string, b: string = BACKGROUND): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (hi + 0.05) / (lo + 0.05);
}
