// The 1200×630 share card's words (the drawing itself is checked in a real browser:
// test/browser/embed.test.ts).
import { describe, expect, it } from 'vitest';
import { syntheticPoint } from '../../test/synthetic';
import type { ExportChart } from './exportChart';
import { cardWords, clampLines } from './chartPicture';

// Synthetic figures (test/synthetic.ts): made up, never published statistics.
const overTime: ExportChart = {
  id: 'synthetic-chart',
  title: 'Synthetic chart',
  unit: 'count',
  series: [
    { key: 'empty', label: 'Nothing yet', points: [] },
    {
      key: 'a',
      label: 'Synthetic series',
      points: [
        syntheticPoint('2023-05', 2_500_000, {
          qualifier: '>',
          sourceLabel: 'Latest body',
          sourceUrl: 'https://example.org/latest',
        }),
        syntheticPoint('2022-01', 1000),
      ],
    },
  ],
};

describe('cardWords', () => {
  it('leads a chart over time with its latest figure, its date and its own source', () => {
    const words = cardWords(overTime, 'fr', 'https://example.org/tableau/#/');
    expect(words.title).toBe('Synthetic chart');
    expect(words.headline).toEqual({
      value: 'plus de 2\u202f500\u202f000',
      period: 'mai 2023',
      series: 'Synthetic series',
    });
    expect(words.source).toBe('Sources : Latest body (https://example.org/latest)');
    expect(words.credit).toBe('Ségur Pulse · https://example.org/tableau/#/');
  });

  it('gives a map or a ranking (one figure a place) no headline, and all its sources', () => {
    const map: ExportChart = {
      ...overTime,
      series: [
        { key: 'REG-11', label: 'Île-de-France', points: [syntheticPoint('2023-05', 20)] },
        {
          key: 'REG-53',
          label: 'Bretagne',
          points: [syntheticPoint('2023-05', 30, { sourceUrl: '', sourceLabel: 'Label only' })],
        },
      ],
    };
    const words = cardWords(map, 'en', 'https://example.org/');
    expect(words.headline).toBeUndefined();
    expect(words.source).toBe(
      'Sources: synthetic source (https://example.org/synthetic-source)\u00a0; Label only',
    );
  });
});

describe('clampLines', () => {
  it('keeps at most so many lines, the last cut with an ellipsis', () => {
    expect(clampLines('un deux trois quatre cinq', 9, 2)).toEqual(['un deux', 'trois…']);
    expect(clampLines('un deux', 9, 2)).toEqual(['un deux']);
  });
});
