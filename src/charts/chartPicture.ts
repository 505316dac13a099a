/**
 * A chart's picture: SVG, PNG, or a 1200×630 PNG card for social networks. Loaded only when a
 * reader asks for one (ChartActions imports it dynamically).
 *
 * The pure parts (the words written into the picture) are unit-tested; the DOM parts clone the
 * chart as drawn on screen, found by the class names of chartParts.ts, and inline its computed
 * styles so the file looks the same outside the page.
 */
import type { Qualifier } from '../model/observation';
import { formatDateTime, formatPeriod, type Lang } from '../lib/format';
import { translate, type MessageKey } from '../lib/i18n.svelte';
import { saveBlob } from '../lib/saveBlob';
import { chartSources, sourceText } from './citation';
import { exportFileName, type ExportChart } from './exportChart';
import { PART, PART_SELECTOR } from './chartParts';
import { pointPeriod, pointValue } from './pointText';

/** The chart's sources as the picture writes them: "ARS Grand Est (officiel) (url)". */
export function pictureSources(chart: ExportChart, lang: Lang): string[] {
  return chartSources(chart.series, lang).map(sourceText);
}

/**
 * Breaks text into lines of at most `maxChars` characters, at spaces where it can. A no-break
 * space (before a French ";" or ":") never breaks a line.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A word longer than a line (a long URL) is cut, so the picture never overflows.
    let rest = word;
    while (rest.length > maxChars) {
      lines.push(rest.slice(0, maxChars));
      rest = rest.slice(maxChars);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

const QUALIFIER_SHAPES: readonly [Qualifier, string, MessageKey][] = [
  ['=', '●', 'legend.exact'],
  ['~', '○', 'legend.about'],
  ['>', '▲', 'legend.moreThan'],
  ['<', '▼', 'legend.lessThan'],
];

/** The words written under the picture: what the shapes mean, the sources, the period the data covers, when it was made. */
export function pictureFooter(
  chart: ExportChart,
  lang: Lang,
  now: Date,
  pageUrl: string,
  /** Whether the picture draws the qualifier shapes (time charts); maps and rankings do not. */
  { drawsShapes = true }: { drawsShapes?: boolean } = {},
): string[] {
  const points = chart.series.flatMap((s) => s.points);
  const sorted = [...points].sort((a, b) => a.date.getTime() - b.date.getTime());
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const lines: string[] = [];
  // The shapes' meaning, as the page's legend gives it: only the qualifiers drawn.
  const shapes = QUALIFIER_SHAPES.filter(
    ([q]) => drawsShapes && points.some((p) => p.qualifier === q),
  ).map(([, shape, key]) => `${shape} ${translate(lang, key)}`);
  if (shapes.length > 0)
    lines.push(translate(lang, 'share.pictureShapes', { shapes: shapes.join(' · ') }));
  lines.push(
    translate(lang, 'share.pictureSources', {
      sources: pictureSources(chart, lang).join('\u00a0; '),
    }),
  );
  if (first && last) {
    lines.push(
      translate(lang, 'share.picturePeriod', {
        from: formatPeriod(first.period, first.precision, lang),
        to: formatPeriod(last.period, last.precision, lang),
      }),
    );
  }
  lines.push(
    // The reader's own clock, as everywhere else in the app.
    translate(lang, 'share.pictureMade', { date: formatDateTime(now, lang), url: pageUrl }),
  );
  return lines;
}

// ---------------------------------------------------------------------------------------------
// DOM: picture of the chart as drawn

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Style properties that decide how SVG marks and text look; copied from the page as computed. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

/** Copies the computed look of `source` (and its descendants) onto `clone`, which has the same shape. */
export function inlineStyles(source: Element, clone: Element): void {
  const style = getComputedStyle(source);
  // Through the CSSOM, not setAttribute('style'): the page's CSP (no 'unsafe-inline' styles)
  // refuses style attributes but allows the CSSOM, and both serialise to the same attribute.
  const target = (clone as SVGElement).style;
  for (const name of INLINED) {
    const value = style.getPropertyValue(name);
    if (value !== '') target.setProperty(name, value);
  }
  for (const name of [...clone.getAttributeNames()]) {
    if (
      name === 'tabindex' ||
      name === 'role' ||
      name.startsWith('aria-') ||
      name.startsWith('on')
    ) {
      clone.removeAttribute(name);
    }
  }
  const sourceChildren = [...source.children];
  const cloneChildren = [...clone.children];
  sourceChildren.forEach((child, i) => {
    const twin = cloneChildren[i];
    if (!twin) return;
    const look = getComputedStyle(child);
    // Focus rings and hit areas are for the page only.
    if (
      look.display === 'none' ||
      look.visibility === 'hidden' ||
      child.classList.contains(PART.hit)
    ) {
      twin.remove();
      return;
    }
    inlineStyles(child, twin);
  });
}

/** The colour the element is drawn on: the first opaque background among it and its ancestors. */
function backgroundBehind(element: Element): string {
  for (let el: Element | null = element; el; el = el.parentElement) {
    const colour = getComputedStyle(el).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

export interface ChartPicture {
  svg: string;
  width: number;
  height: number;
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    // See inlineStyles: styles go through the CSSOM under the page's CSP.
    if (key === 'style') el.style.cssText = String(value);
    else el.setAttribute(key, String(value));
  }
  return el;
}

function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  lineHeight: number,
  style: string,
): { group: SVGGElement; height: number } {
  const group = svgElement('g', { style });
  lines.forEach((line, i) => {
    const text = svgElement('text', { x, y: y + lineHeight * (i + 1) - lineHeight * 0.25 });
    text.textContent = line;
    group.append(text);
  });
  return { group, height: lines.length * lineHeight };
}

/** The chart's drawing: its SVG layers stacked in its plot, and the size of their common viewBox. */
function drawing(
  figure: Element,
  chart: ExportChart,
): { layers: SVGSVGElement[]; width: number; height: number } {
  const layers = [...figure.querySelectorAll<SVGSVGElement>(PART_SELECTOR.layers)];
  const first = layers[0];
  if (!first) throw new Error(`chart ${chart.id} has no drawing to export`);
  const [, , width = 640, height = 280] = (first.getAttribute('viewBox') ?? '')
    .split(/\s+/)
    .map(Number);
  return { layers, width, height };
}

/**
 * The legend as on the page: for a time chart a swatch per series the page's legend shows; for a
 * map its colour bins and "no data" swatch (the hatch pattern comes with the map's layers).
 * Rankings have none: their labels are in the drawing.
 */
function legendKeys(figure: Element, chart: ExportChart): { label: string; style: string }[] {
  const seriesKeys = chart.series.flatMap((s) => {
    const swatch = figure.querySelector(PART_SELECTOR.seriesSwatch(s.key));
    return swatch ? [{ label: s.label, style: `fill:${getComputedStyle(swatch).fill}` }] : [];
  });
  if (seriesKeys.length) return seriesKeys;
  return [...figure.querySelectorAll(PART_SELECTOR.legendItems)].flatMap((item) => {
    const swatch = item.querySelector(PART_SELECTOR.itemSwatch);
    if (!swatch) return [];
    const { fill, stroke } = getComputedStyle(swatch);
    const label = (item.textContent ?? '').replace(/\s+/g, ' ').trim();
    return [{ label, style: `fill:${fill};stroke:${stroke};stroke-width:1` }];
  });
}

/** The colours and font the chart has on the page, which its picture keeps. */
function pageColours(figure: Element): {
  background: string;
  ink: string;
  muted: string;
  font: string;
} {
  const page = getComputedStyle(figure);
  const ink = page.color || '#1b1b1b';
  const muted =
    getComputedStyle(figure.querySelector(PART_SELECTOR.description) ?? figure).color || ink;
  return {
    background: backgroundBehind(figure),
    ink,
    muted,
    font: `font-family:${page.fontFamily || 'sans-serif'}`,
  };
}

/** Copies the chart's SVG layers into `plot`, a group each, with their computed styles inlined. */
function appendLayers(plot: SVGGElement, layers: readonly SVGSVGElement[]): void {
  for (const layer of layers) {
    const clone = layer.cloneNode(true) as SVGSVGElement;
    inlineStyles(layer, clone);
    const group = svgElement('g', {});
    group.append(...clone.childNodes);
    plot.append(group);
  }
}

/**
 * One standalone SVG of the chart in `figure` (its `svg` layers stacked, as on screen), with the
 * title above, the series legend and footer lines below, on the page's background colour.
 */
export function chartPicture(
  figure: Element,
  chart: ExportChart,
  footer: readonly string[],
): ChartPicture {
  const { layers, width, height: plotHeight } = drawing(figure, chart);

  const { background, ink, muted, font } = pageColours(figure);
  const pad = 16;
  const charsPerLine = (fontSize: number) =>
    Math.max(20, Math.floor((width - 2 * pad) / (fontSize * 0.55)));

  const root = svgElement('svg', { xmlns: SVG_NS, version: '1.1' });
  let y = pad;
  const title = textLines(
    wrapText(chart.title, charsPerLine(16)),
    pad,
    y,
    20,
    `${font};font-size:16px;font-weight:600;fill:${ink}`,
  );
  root.append(title.group);
  y += title.height + 8;

  const plot = svgElement('g', { transform: `translate(0,${y})` });
  appendLayers(plot, layers);
  root.append(plot);
  y += plotHeight + 12;

  const legend = svgElement('g', { style: `${font};font-size:12px;fill:${ink}` });
  const keys = legendKeys(figure, chart);
  keys.forEach(({ label, style }, i) => {
    legend.append(
      svgElement('rect', { x: pad, y: y + i * 18, width: 12, height: 12, rx: 2, style }),
    );
    const text = svgElement('text', { x: pad + 18, y: y + i * 18 + 10 });
    text.textContent = label;
    legend.append(text);
  });
  root.append(legend);
  if (keys.length > 0) y += keys.length * 18 + 8;

  const lines = footer.flatMap((line) => wrapText(line, charsPerLine(11)));
  const foot = textLines(lines, pad, y, 15, `${font};font-size:11px;fill:${muted}`);
  root.append(foot.group);
  y += foot.height + pad;

  const height = Math.ceil(y);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.prepend(svgElement('rect', { width, height, style: `fill:${background}` }));
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

// ---------------------------------------------------------------------------------------------
// Share card: 1200×630, the size social networks show a link's picture at

export const CARD = { width: 1200, height: 630 } as const;

export interface CardWords {
  title: string;
  /** The latest figure of the chart's first series with figures, when the chart follows a series over time. */
  headline?: { value: string; period: string; series: string };
  /** The source of that figure, or every source of the chart. */
  source: string;
  /** "Ségur Pulse · <address>" */
  credit: string;
}

/**
 * The words of a share card. A chart of series over time leads with its first series' latest
 * figure, its date and its source; a map or a ranking (one figure a place) with its title, which
 * carries the date, and all its sources.
 */
export function cardWords(chart: ExportChart, lang: Lang, pageUrl: string): CardWords {
  const overTime = chart.series.some((s) => s.points.length > 1);
  const first = chart.series.find((s) => s.points.length > 0);
  const latest = first?.points.reduce((a, b) => (b.date.getTime() > a.date.getTime() ? b : a));
  const credit = `Ségur Pulse · ${pageUrl}`;
  if (overTime && first && latest) {
    const source =
      pictureSources(
        { ...chart, series: [{ key: first.key, label: first.label, points: [latest] }] },
        lang,
      )[0] ?? '';
    return {
      title: chart.title,
      headline: {
        value: pointValue(latest, chart.unit, lang),
        period: pointPeriod(latest, lang),
        series: first.label,
      },
      source: translate(lang, 'share.pictureSources', { sources: source }),
      credit,
    };
  }
  return {
    title: chart.title,
    source: translate(lang, 'share.pictureSources', {
      sources: pictureSources(chart, lang).join('\u00a0; '),
    }),
    credit,
  };
}

/** Lines of at most `maxChars`, at most `maxLines` of them, the last one ending in "…" when cut. */
export function clampLines(text: string, maxChars: number, maxLines: number): string[] {
  const lines = wrapText(text, maxChars);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1))}…`;
  return kept;
}

/**
 * The chart as a 1200×630 card: the title large, the latest figure with its date (charts over
 * time), the drawing scaled to the room left, the source and the address at the foot; type of 22
 * to 44 px, legible when a network shows the card at half size.
 */
export function chartCard(
  figure: Element,
  chart: ExportChart,
  lang: Lang,
  pageUrl: string,
): ChartPicture {
  const { width, height } = CARD;
  const words = cardWords(chart, lang, pageUrl);
  const { layers, width: plotWidth, height: plotHeight } = drawing(figure, chart);

  const { background, ink, muted, font } = pageColours(figure);
  const pad = 48;
  const chars = (fontSize: number) => Math.floor((width - 2 * pad) / (fontSize * 0.55));

  const root = svgElement('svg', { xmlns: SVG_NS, version: '1.1', width, height });
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.append(svgElement('rect', { width, height, style: `fill:${background}` }));
  let y = pad - 8;
  const title = textLines(
    clampLines(words.title, chars(40), 2),
    pad,
    y,
    48,
    `${font};font-size:40px;font-weight:700;fill:${ink}`,
  );
  root.append(title.group);
  y += title.height + 4;
  if (words.headline) {
    const line = svgElement('text', {
      x: pad,
      y: y + 40,
      style: `${font};font-size:36px;font-weight:700;fill:${ink}`,
    });
    line.textContent = words.headline.value;
    const rest = svgElement('tspan', { style: `font-size:26px;font-weight:400;fill:${muted}` });
    rest.textContent = `  ${words.headline.series}, ${words.headline.period}`;
    line.append(rest);
    root.append(line);
    y += 52;
  }

  const footLines = [
    ...clampLines(words.source, chars(22), 2),
    ...clampLines(words.credit, chars(22), 1),
  ];
  const footHeight = footLines.length * 30;
  const footTop = height - pad + 12 - footHeight;
  // The legend on one row above the foot, as many keys as fit.
  const keys = legendKeys(figure, chart);
  const legendTop = keys.length ? footTop - 40 : footTop;
  const box = { x: pad, y: y + 12, width: width - 2 * pad, height: legendTop - y - 24 };
  const scale = Math.min(box.width / plotWidth, box.height / plotHeight);
  const plot = svgElement('g', {
    transform: `translate(${box.x + (box.width - plotWidth * scale) / 2},${box.y}) scale(${scale})`,
  });
  appendLayers(plot, layers);
  root.append(plot);
  const legend = svgElement('g', { style: `${font};font-size:22px;fill:${ink}` });
  let x = pad;
  for (const { label, style } of keys) {
    const room = 30 + label.length * 12 + 24;
    if (x + room > width - pad) break;
    legend.append(svgElement('rect', { x, y: legendTop, width: 20, height: 20, rx: 3, style }));
    const text = svgElement('text', { x: x + 28, y: legendTop + 17 });
    text.textContent = label;
    legend.append(text);
    x += room;
  }
  root.append(legend);
  root.append(textLines(footLines, pad, footTop, 30, `${font};font-size:22px;fill:${muted}`).group);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Draws the SVG on a canvas at `scale` times its size (sharp on high-density screens and in print). */
export async function pictureToPng(picture: ChartPicture, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(picture.width * scale);
  canvas.height = Math.round(picture.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas to draw the PNG');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, picture.width, picture.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}

export type PictureFormat = 'svg' | 'png' | 'card';

/**
 * Builds the picture of the chart drawn in `figure` and hands it to the browser; returns the
 * file's name.
 */
export async function downloadPicture(
  format: PictureFormat,
  figure: Element,
  chart: ExportChart,
  lang: Lang,
  pageUrl: string,
  now: Date,
): Promise<string> {
  if (format === 'card') {
    const name = exportFileName(`${chart.id}-${CARD.width}x${CARD.height}`, 'png', now);
    saveBlob(await pictureToPng(chartCard(figure, chart, lang, pageUrl), 1), name);
    return name;
  }
  const name = exportFileName(chart.id, format, now);
  const footer = pictureFooter(chart, lang, now, pageUrl, {
    drawsShapes: figure.querySelector(PART_SELECTOR.point) !== null,
  });
  const picture = chartPicture(figure, chart, footer);
  if (format === 'svg') {
    saveBlob(new Blob([picture.svg], { type: 'image/svg+xml;charset=utf-8' }), name);
    return name;
  }
  saveBlob(await pictureToPng(picture), name);
  return name;
}
