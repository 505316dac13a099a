/**
 * Colours of the charts. Series colours follow Okabe & Ito's colour-blind safe set; the light
 * members (orange, sky blue, yellow) are darkened or left out so every mark keeps WCAG 2.1 AA's
 * 3:1 against white (1.4.11), and text colours keep 4.5:1 (1.4.3). A test checks both.
 */

export const SERIES_COLOURS: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#B8588E', // reddish purple, darkened from #CC79A7 (3.06:1 was too close to the limit)
  '#A86F00', // orange, darkened from #E69F00 (2.25:1)
  '#555555', // black, softened
];

/** Colour of the series at `index`; beyond six series, colours repeat (shapes still differ by qualifier). */
export function seriesColour(index: number): string {
  const n = SERIES_COLOURS.length;
  return SERIES_COLOURS[((index % n) + n) % n]!;
}

export const INK = '#1F1F1F';
/** Secondary text: axis labels, dates, notes. */
export const INK_MUTED = '#555555';
/** Links (written in the components' CSS). */
export const LINK = '#0B5CAB';
/** Decorative only (gridlines): carries no information, so no contrast requirement. */
export const GRID = '#E6E6E6';
export const BACKGROUND = '#FFFFFF';

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
