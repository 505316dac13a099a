// @vitest-environment node
/**
 * The prerendered Overview's charts as SVG, compared with the files of test/snapshots/overview/
 * (as Observable Plot does), so that a change to a chart's drawing shows in review as a diff of
 * its markup. Rendered by the build's own prerender (render.ts) from the embedded data, in Node.
 *
 * After an intended change: `npx vitest run --project unit src/prerender/overviewCharts.test.ts -u`
 * rewrites the files; review and commit them with the change.
 */
import { describe, expect, it } from 'vitest';
import { readData, withPrerender } from '../../test/prerenderInNode';

/** A fixed day: what is "latest" and what is in the future do not move with the clock. */
const TODAY = new Date('2026-12-05T00:00:00Z');

/** The Overview as the build prerenders it. */
const html = await withPrerender(async ({ prerenderOverview }) =>
  prerenderOverview(readData, TODAY).then((page) => page.html),
);

/** Each chart's drawing: the `<svg>` of its `.plot`, by chart id. */
function chartDrawings(page: string): Map<string, string> {
  const drawings = new Map<string, string>();
  const figure = /<figure\b[^>]*\bdata-chart-id="([^"]+)"[^>]*>([^]*?)<\/figure>/g;
  for (const [, id, body] of page.matchAll(figure)) {
    const svg = /<svg\b[^>]*\brole="img"[^]*?<\/svg>/.exec(body!);
    if (svg) drawings.set(id!, svg[0]);
  }
  return drawings;
}

/**
 * Markup that differs only in what no reader sees compares equal: Svelte's scoped class hashes
 * dropped, numbers to two decimals (floating-point noise), one element a line.
 */
function normalise(svg: string): string {
  return (
    svg
      .replace(/\s*\bsvelte-[a-z0-9]+\b/g, '')
      .replace(/ class=""/g, '')
      .replace(/-?\d+\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2))))
      .replace(/<(\w+)([^>]*)><\/\1>/g, '<$1$2 />')
      .replace(/>\s*</g, '>\n<')
      .trim() + '\n'
  );
}

const drawings = chartDrawings(html);

describe('prerendered Overview charts (SVG snapshots)', () => {
  it('draws the charts of the Overview', () => {
    expect([...drawings.keys()]).toEqual(
      expect.arrayContaining(['mes-profiles', 'mes-rate', 'dmp-docs', 'insi-calls']),
    );
  });

  it.each([...drawings.keys()])('%s is drawn as in its snapshot file', async (id) => {
    await expect(normalise(drawings.get(id)!)).toMatchFileSnapshot(
      `../../test/snapshots/overview/${id}.svg`,
    );
  });
});
