import { describe, expect, it } from 'vitest';
import { syntheticPoint } from '../../test/synthetic';
import { chartSources, citationText, citedSources, localDay, sourceText } from './citation';

// Synthetic figures (test/synthetic.ts): made up, never published statistics.
describe('citedSources', () => {
  it('lists each source once by address, links only http(s), keeps a label without an address', () => {
    const sources = chartSources(
      [
        {
          points: [
            syntheticPoint('2022-01', 1),
            syntheticPoint('2022-02', 2, { sourceLabel: 'second label, same address' }),
            syntheticPoint('2022-03', 3, { sourceUrl: 'javascript:alert(1)', sourceLabel: 'bad' }),
          ],
        },
        {
          points: [
            syntheticPoint('2022-01', 1, { sourceUrl: 'https://example.org/b', sourceLabel: '' }),
            syntheticPoint('2022-02', 1, { sourceUrl: '', sourceLabel: 'Synthetic publisher' }),
            syntheticPoint('2022-03', 1, { sourceUrl: '', sourceLabel: 'Synthetic publisher' }),
          ],
        },
      ],
      'fr',
    );
    expect(sources).toEqual([
      { label: 'synthetic source', url: 'https://example.org/synthetic-source' },
      { label: 'bad' },
      // No label: the address's host names the publisher (model/citation.ts).
      { label: 'example.org', url: 'https://example.org/b' },
      { label: 'Synthetic publisher' },
    ]);
    expect(sources.map(sourceText)).toEqual([
      'synthetic source (https://example.org/synthetic-source)',
      'bad',
      'example.org (https://example.org/b)',
      'Synthetic publisher',
    ]);
  });

  it('skips figures with neither address nor label', () => {
    expect(citedSources([{ sourceUrl: '', sourceLabel: '' }], 'fr')).toEqual([]);
  });

  it('names the figures a computed one comes from', () => {
    const computed = syntheticPoint('2022-01', 10, {
      sourceUrl: '',
      sourceLabel: '',
      derivedFrom: [
        syntheticPoint('2022-01', 1, {
          sourceUrl: 'https://example.org/open',
          sourceLabel: 'Open',
        }),
      ],
    });
    expect(citedSources([computed], 'fr')).toEqual([
      { label: 'Open', url: 'https://example.org/open' },
    ]);
  });
});

describe('citationText', () => {
  const consulted = new Date(2026, 11, 5, 0, 30);
  it('gives title, publisher, sources, the day consulted and the permalink', () => {
    const text = citationText({
      title: 'Synthetic chart',
      sources: [{ label: 'Synthetic body', url: 'https://example.org/s' }, { label: 'Other body' }],
      consulted,
      permalink: 'https://example.org/tableau/#/regions',
      lang: 'fr',
    });
    expect(text).toBe(
      '« Synthetic chart », Ségur Pulse, d’après Synthetic body (https://example.org/s) ; Other body. Consulté le 5 déc. 2026. https://example.org/tableau/#/regions',
    );
    expect(
      citationText({
        title: 'T',
        sources: [],
        consulted,
        permalink: 'https://example.org/',
        lang: 'en',
      }),
    ).toBe('“T”, Ségur Pulse. Accessed 5 Dec 2026. https://example.org/');
  });

  it('dates it with the reader’s own day, not UTC’s', () => {
    expect(localDay(consulted)).toBe('2026-12-05');
  });
});
