import { describe, expect, it } from 'vitest';
import { syntheticPoint } from '../../../test/synthetic';
import { DEFAULT_STATE, parseViewState } from '../../lib/urlState';
import { overviewCharts } from '../overview/overviewModel';
import { EMBEDDABLE_CHARTS, isEmbeddable } from './embeddable';
import { dashboardUrl, embedSources, otherChartUrl } from './embedModel';

// Synthetic figures (test/synthetic.ts): made up, never published statistics.
describe('embedSources', () => {
  it('lists each source URL once, with only http(s) links', () => {
    const sources = embedSources(
      [
        {
          points: [
            syntheticPoint('2022-01', 1),
            syntheticPoint('2022-02', 2),
            syntheticPoint('2022-03', 3, { sourceUrl: 'javascript:alert(1)', sourceLabel: 'bad' }),
          ],
        },
        {
          points: [
            syntheticPoint('2022-01', 1, { sourceUrl: 'https://example.org/b', sourceLabel: '' }),
          ],
        },
      ],
      'fr',
    );
    expect(sources).toEqual([
      { label: 'synthetic source', href: 'https://example.org/synthetic-source' },
      { label: 'bad', href: undefined },
      // No label: the publisher is the address's host, never a made-up name.
      { label: 'example.org', href: 'https://example.org/b' },
    ]);
  });
});

describe('embed addresses', () => {
  const state = {
    ...DEFAULT_STATE,
    compare: [],
    embed: true,
    chart: 'mes-rate',
    lang: 'en' as const,
  };
  const here = 'https://host.example/tableau/?embed=1#/?v=1&lang=en&chart=mes-rate';

  it('links back to the full dashboard without embed mode, keeping the sub-path and state', () => {
    const url = dashboardUrl(here, state);
    expect(url.startsWith('https://host.example/tableau/#/')).toBe(true);
    const back = new URL(url);
    const parsed = parseViewState(back.search, back.hash);
    expect(parsed.embed).toBe(false);
    expect(parsed.lang).toBe('en');
    expect(parsed.chart).toBe('mes-rate');
  });

  it('points to another chart in embed mode', () => {
    const url = new URL(otherChartUrl(here, state, 'dmp-docs'));
    const parsed = parseViewState(url.search, url.hash);
    expect(parsed.embed).toBe(true);
    expect(parsed.chart).toBe('dmp-docs');
    expect(url.pathname).toBe('/tableau/');
  });
});

describe('embeddable charts', () => {
  it('are exactly the charts the embed view can find (the Overview charts)', () => {
    expect(overviewCharts([], 'fr').map((c) => c.id)).toEqual([...EMBEDDABLE_CHARTS]);
    expect(isEmbeddable('mes-rate')).toBe(true);
    expect(isEmbeddable('region-map')).toBe(false);
  });
});
