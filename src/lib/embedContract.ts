/**
 * The contract between an embedded view (`?embed=1`, in an iframe) and the page that holds it,
 * version 1. The embed posts to its parent window, when it is first laid out and on every change
 * of its height (a ResizeObserver):
 *
 *   { "type": "segur-pulse:height", "version": 1, "chart": "region-map", "height": 642 }
 *
 * - `chart`: the id of the chart shown (`data-chart-id`, the `chart` parameter of its address), or
 *   null when the address names no chart the page has;
 * - `height`: the embed's whole height in CSS pixels, an integer: the iframe's height for no
 *   scrollbar and no blank.
 *
 * It is posted with targetOrigin "*" (it says nothing private). A host page matches it to its
 * iframe by `event.source === iframe.contentWindow` (two iframes may show the same chart) and
 * should check `event.origin`; the snippet of the "Intégrer" action does both. A later version
 * adds fields or bumps `version`; a host ignores versions it does not know.
 */
export const EMBED_HEIGHT_TYPE = 'segur-pulse:height';
export const EMBED_CONTRACT_VERSION = 1;

export interface EmbedHeightMessage {
  type: typeof EMBED_HEIGHT_TYPE;
  version: typeof EMBED_CONTRACT_VERSION;
  chart: string | null;
  height: number;
}

export function heightMessage(chart: string | undefined, height: number): EmbedHeightMessage {
  return {
    type: EMBED_HEIGHT_TYPE,
    version: EMBED_CONTRACT_VERSION,
    chart: chart ?? null,
    height: Math.ceil(height),
  };
}

export function isHeightMessage(data: unknown): data is EmbedHeightMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<EmbedHeightMessage>;
  return (
    m.type === EMBED_HEIGHT_TYPE &&
    m.version === EMBED_CONTRACT_VERSION &&
    typeof m.height === 'number' &&
    Number.isFinite(m.height) &&
    (m.chart === null || typeof m.chart === 'string')
  );
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface EmbedSnippet {
  /** The embed's address (`?embed=1#/…&chart=<id>`). */
  src: string;
  /** The iframe's accessible name. */
  title: string;
  chart: string;
  /** The height until the embed tells its own, in CSS pixels. */
  height: number;
}

/**
 * The HTML a site pastes: the iframe (full width, its height until the first message), and a
 * small script that sets its height from the embed's messages (this contract), for this app's
 * origin only. Without the script the iframe keeps its first height.
 */
export function embedSnippet({ src, title, chart, height }: EmbedSnippet): string {
  const origin = new URL(src).origin;
  const iframe =
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" ` +
    `data-segur-pulse-chart="${escapeAttribute(chart)}" width="100%" height="${Math.ceil(height)}" ` +
    `style="border:0;width:100%" loading="lazy"></iframe>`;
  const script =
    '<script>addEventListener("message",function(e){var d=e.data;' +
    `if(e.origin!==${JSON.stringify(origin)}||!d||d.type!=="${EMBED_HEIGHT_TYPE}"||d.version!==${EMBED_CONTRACT_VERSION})return;` +
    'document.querySelectorAll("iframe[data-segur-pulse-chart]").forEach(function(f){' +
    'if(f.contentWindow===e.source)f.style.height=d.height+"px"})});</script>';
  return `${iframe}\n${script}`;
}
