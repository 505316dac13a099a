// @vitest-environment node
/**
 * The views prerendered for public/prerender-gate.js hold their first screen only: the parts the
 * app renders in later turns (views/Later.svelte) are left out, so that the page the browser
 * parses, lays out and paints before the app has loaded is small. The Overview of index.html,
 * which readers without scripts see, stays whole.
 */
import { describe, expect, it } from 'vitest';
import { readData, readGeometry, withPrerender } from '../../test/prerenderInNode';

const TODAY = new Date('2026-12-05T00:00:00Z');

const { overview, pages } = await withPrerender(async ({ prerenderOverview, prerenderPages }) => ({
  overview: (await prerenderOverview(readData, TODAY)).html,
  pages: new Map(
    (await prerenderPages(readData, readGeometry, TODAY)).pages.map((p) => [p.route.key, p.html]),
  ),
}));

const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern, 'g'))?.length ?? 0;
const chartIds = (html: string) =>
  [...html.matchAll(/<figure\b[^>]*\bdata-chart-id="([^"]+)"/g)].map(([, id]) => id);

describe('prerendered views', () => {
  it('keep the Activation tracker first screen, with its drawn charts, and leave the rest out', () => {
    const activation = pages.get('activation')!;
    expect(chartIds(activation)).toEqual(['activation-profiles', 'activation-rate']);
    expect(count(activation, /class="point\b/)).toBeGreaterThan(0);
    expect(activation).toContain('data-kpi-id=');
    for (const leftOut of ['activation-monthly', 'activation-pace-title', 'activation-targets'])
      expect(activation).not.toContain(`id="${leftOut}"`);
    expect(count(activation, /data-later/)).toBeGreaterThanOrEqual(4);
    // The place chooser holds the followed place alone: the app lists the 120 in a later turn.
    expect(count(activation, /<option\b/)).toBe(1);
    expect(pages.get('activation?geo=REG-75')).toMatch(
      /<select[^>]*activation-geo[^>]*>\s*<option[^>]*value="REG-75"[^>]*>Nouvelle-Aquitaine</,
    );
  });

  it("keep a region's charts against France, and leave its facts, maps and table out", () => {
    const region = pages.get('regions/75')!;
    expect(chartIds(region)).toEqual(['region-rate', 'region-activated', 'region-open']);
    expect(region).not.toContain('data-testid="region-figures"');
    expect(region).not.toContain('data-testid="region-facts"');
  });

  it('keep the main content their first-chart mark stands for', () => {
    // The first rows of the Sources table, as many as the app renders in its first turn.
    expect(count(pages.get('sources')!, /class="source-row\b/)).toBe(6);
    expect(count(pages.get('regions')!, /<path\b[^>]*\bdata-geo="REG-/)).toBe(18);
    // Its open table is below the first screen: the app renders it in a later turn.
    expect(pages.get('regions')).toMatch(/<details[^>]*\bopen/);
    expect(count(pages.get('regions')!, /class="data-row\b/)).toBe(0);
    const embed = pages.get('embed:?chart=mes-rate')!;
    expect(count(embed, /class="point\b/)).toBeGreaterThan(0);
    // The source line under the chart, as the live embed writes it.
    expect(embed).toMatch(/data-testid="embed-source"[^>]*>\s*Sources :/);
  });

  it('leave nothing out of the Overview readers without scripts see', () => {
    expect(overview).not.toContain('data-later');
    expect(chartIds(overview)).toEqual(['mes-profiles', 'mes-rate', 'dmp-docs', 'insi-calls']);
    expect(overview).toContain('class="notes"');
  });
});
