import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, PAGES, type ViewState } from '../../lib/urlState';
import { en, fr } from '../../lib/messages/embed';
import { overviewCharts } from '../overview/overviewView';
import { CHART_NAMES } from './chartNames';
import { EMBEDDABLE, embeddedChart } from './embeddable';

const state = (over: Partial<ViewState>): ViewState => ({ ...DEFAULT_STATE, compare: [], ...over });

describe('embeddable charts', () => {
  it('are, on the Overview, exactly its charts', () => {
    expect(overviewCharts([], 'fr').map((c) => c.id)).toEqual([...EMBEDDABLE.overview]);
  });

  it('each have a name in both languages', () => {
    for (const page of PAGES) {
      for (const id of EMBEDDABLE[page]) {
        const key = CHART_NAMES[id];
        expect(key, id).toBeDefined();
        expect(fr[key as keyof typeof fr], id).toBeTruthy();
        expect(en[key as keyof typeof en], id).toBeTruthy();
      }
    }
  });
});

describe('embeddedChart', () => {
  it('is the chart the address names, when the page has it', () => {
    expect(embeddedChart(state({ embed: true, page: 'regions', chart: 'region-ranking' }))).toBe(
      'region-ranking',
    );
  });

  it('is the page’s first chart when the address names none (the tracker of #/activation)', () => {
    expect(embeddedChart(state({ embed: true, page: 'activation' }))).toBe('activation-target');
    expect(embeddedChart(state({ embed: true, page: 'overview' }))).toBe('mes-profiles');
  });

  it('is nothing for a chart the page does not have, a page without charts, or outside an embed', () => {
    expect(
      embeddedChart(state({ embed: true, page: 'regions', chart: 'mes-rate' })),
    ).toBeUndefined();
    expect(embeddedChart(state({ embed: true, page: 'sources' }))).toBeUndefined();
    expect(embeddedChart(state({ page: 'regions', chart: 'region-map' }))).toBeUndefined();
  });
});
