/**
 * The class names a drawn chart is read by once it is on the page: the picture export
 * (chartPicture.ts) clones the drawing and the legend by these names, so every chart marks its
 * parts with them and nothing else relies on other class names. ChartFrame draws the title,
 * description and table around them.
 */
export const PART = {
  /** The wrapper of the drawing: its `svg` children are the layers stacked in the picture. */
  plot: 'plot',
  /** The legend: a series key (`[data-series]`) or a colour bin (`li`) each with a swatch. */
  legend: 'legend',
  /** The little `svg` drawing a legend key's colour. */
  swatch: 'swatch',
  /** A mark for a figure over time: its presence says the picture draws the qualifier shapes. */
  point: 'point',
  /** A transparent target around a mark, for touch only: left out of a picture. */
  hit: 'hit',
  /** The chart's description under its title: its colour is the picture's muted ink. */
  description: 'chart-description',
} as const;

/** Selectors of those parts within a chart's figure. */
export const PART_SELECTOR = {
  layers: `.${PART.plot} > svg`,
  seriesSwatch: (key: string) => `.${PART.legend} [data-series="${CSS.escape(key)}"] rect`,
  legendItems: `.${PART.legend} li`,
  itemSwatch: `svg.${PART.swatch} rect`,
  point: `.${PART.point}`,
  description: `.${PART.description}`,
} as const;
